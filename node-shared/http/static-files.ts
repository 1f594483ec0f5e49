import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from './csp';

// The built renderer as files on disk, for the terminal's web mode (electron/web.ts) and the
// center's console (server/console): one resolution of a URL path to a file, so neither can be
// walked out of its folder by a path of `..` or an encoded one.

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export const notBuiltMessage = '界面未构建：请先运行 npm run build';

/**
 * The file a URL path (under the app's root, without it) names inside `staticDir`. A single-page
 * app: an unknown path is one of the app's routes, answered by its page (index.html). `missing`: not even
 * index.html (the renderer was never built); `bad`: a path that does not decode.
 */
export function staticFile(
  staticDir: string,
  pathname: string,
  /** the page of this app (issue 17: the hall's screens are hall.html beside index.html) */
  page = 'index.html',
): { file: string } | { refused: 'bad' | 'outside' | 'missing' } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { refused: 'bad' };
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(staticDir, relative);
  if (!file.startsWith(staticDir + sep) && file !== staticDir) return { refused: 'outside' };
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, page);
  if (!existsSync(file)) return { refused: 'missing' };
  return { file };
}

/** The headers every served file carries: its type, and the page's hardening. */
export function staticHeaders(file: string): Record<string, string> {
  return {
    'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}
