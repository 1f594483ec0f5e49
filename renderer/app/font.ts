// The app's own Chinese font, bundled as a web font (the @font-face rules with their unicode-range
// subsets; the browser fetches only the subsets a page uses): a PC, or a test machine, without any
// CJK font still renders Chinese on screen and in PDFs. Declared here once; the printed sheet
// (a4.css) names it first, the screen after the fonts a hall PC already has.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';

/** The UI's fonts: what Chinese Windows PCs have first, then Linux's CJK fonts, then the app's own. */
export const fontFamily =
  "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";
