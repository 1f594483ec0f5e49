// One CSP for the Electron window, the web mode and the center's console. antd injects its styles at run time (CSS-in-JS),
// hence 'unsafe-inline' for styles only; scripts come from the app's own files and nothing else.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // a material's PDF opens in a frame from a blob: URL the page made (issue 18); nothing else frames
  'frame-src blob:',
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// frame-ancestors is ignored (and warned about) in a <meta> tag; the page sets it by header only.
export const metaContentSecurityPolicy = contentSecurityPolicy
  .split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
