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
