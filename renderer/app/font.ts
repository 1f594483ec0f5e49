// The Chinese font ships inside the app (woff2 slices bundled by vite from @fontsource): a hall PC
// with no CJK font — a fresh Linux or UOS image, a trimmed Windows — still shows and prints
// Chinese. The notices ask for it first (a4.css); the UI keeps the PC's own fonts when it has
// them and falls back to the shipped one before a generic family that might have no Chinese.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';

/** The UI's fonts: what Chinese Windows PCs have first, then Linux's CJK fonts, then the shipped one. */
export const fontFamily =
  "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";
