/** The UI's fonts: what Chinese Windows PCs have first, then Linux's CJK fonts. */
export const fontFamily =
  "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
