import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

// The renderer is served from app://onewindow/… rather than file://: a file:// page may read any
// file:// URL its code names, and every file:// page shares one origin. app:// serves only the
// files under dist/renderer, from one origin the CSP's 'self' means exactly.

export const appScheme = 'app';
export const appHost = 'onewindow';
export const appOrigin = `${appScheme}://${appHost}`;
export const appIndexUrl = `${appOrigin}/index.html`;

/**
 * The file under `root` an app:// URL names, or null for anything else: another host, a path
 * that climbs out of root (`..`, encoded or not), an encoded slash or backslash (a second path
 * syntax), a NUL byte, or a name that is not valid percent-encoding. `/` is the index.
 */
export function resolveAppFile(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  const rawPath = parsed.pathname;
  // URL() has already resolved literal ../ segments; these are the tricks it leaves encoded
  if (/%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const wanted = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(base, wanted);
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..'))
    return null;
  return file;
}

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** The Content-Type of a served file; unknown kinds are bytes the page cannot run as script. */
export function appMimeType(file: string): string {
  return mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether a navigation stays on the app's own page (its #/routes change, nothing else). */
export function isAppPage(url: string): boolean {
  return url.split('#')[0] === appIndexUrl;
}

export type AppResponse = { status: number; headers: Record<string, string>; body: Buffer | null };

/**
 * The answer to one app:// request: the file with its type and the page's security headers, or
 * 404 for anything resolveAppFile refuses or that is not there (never which, never a listing).
 */
export async function serveAppRequest(
  root: string,
  url: string,
  contentSecurityPolicy: string,
): Promise<AppResponse> {
  const notFound: AppResponse = {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: null,
  };
  const file = resolveAppFile(root, url);
  if (!file) return notFound;
  try {
    const body = await readFile(file);
    return {
      status: 200,
      headers: {
        'Content-Type': appMimeType(file),
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        // the files change only with the app itself; a stale cache after an update is worse
        'Cache-Control': 'no-cache',
      },
      body,
    };
  } catch {
    // a directory, a missing file: the same 404
    return notFound;
  }
}
