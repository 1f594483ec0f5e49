import { createHash } from 'node:crypto';

// What the center's public pages (/verify, /guide) share: they are built as strings on the
// server, so everything that came from the database or the address bar goes through escapeHtml.

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** A CSP source allowing exactly this inline stylesheet and no other. */
export function styleSource(style: string): string {
  return `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
}

/**
 * The headers of a scriptless public page (the QR's /verify, the phone's /rate and /q, the
 * guide): anyone can link to it, so it runs nothing, loads nothing but its own stylesheet (by
 * hash) and, where `fonts` says so, the center's Chinese font; it cannot be framed by a look-alike
 * site, sniffed into another type, or tell the next site what was looked at. `posts`: whether
 * its form may post back to the center.
 */
export function publicPageHeaders(
  style: string,
  o: { fonts: boolean; posts: boolean },
): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'none'",
      o.fonts ? `style-src 'self' ${styleSource(style)}` : `style-src ${styleSource(style)}`,
      ...(o.fonts ? ["font-src 'self'"] : []),
      "base-uri 'none'",
      `form-action ${o.posts ? "'self'" : "'none'"}`,
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}

/** A browser asks for text/html first; fetch() and curl take anything or ask for JSON. */
export function wantsPage(accept: string | null): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

/** `?format=` overrides the Accept header (a link can ask for the JSON, a test for the page). */
export function answersPage(format: 'json' | 'html' | undefined, accept: string | null): boolean {
  return format === 'html' || (format !== 'json' && wantsPage(accept));
}
