import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

// The guide's Chinese font, for a browser that has none (a trimmed hall PC, a kiosk, the tests'
// Chromium): the Noto Sans SC slices the terminal already ships (@fontsource), served by the
// center as static files beside the guide — not calls of the contract, just bytes. A phone with
// its own CJK font never fetches a slice: the guide's stylesheet names the system fonts first, and
// each slice covers a unicode-range, so only the slices of characters actually drawn are loaded.

/** Relative to /guide/ and /guide/<code>: both resolve it to /guide/fonts.css. */
export const guideFontsPath = 'fonts.css';

const slice = /^noto-sans-sc-\d+-400-normal\.woff2$/;

type Fonts = { css: string; folder: string };

/** The 400 weight's @font-face rules pointing at /guide/fonts/<slice>; null: not installed. */
function loadFonts(): Fonts | null {
  let cssFile: string;
  try {
    // resolved like an import (not createRequire: the tests' center bundle declares `require`)
    cssFile = fileURLToPath(import.meta.resolve('@fontsource/noto-sans-sc/400.css'));
  } catch {
    return null;
  }
  const css = readFileSync(cssFile, 'utf8').replace(
    /url\(\.\/files\/([\w-]+\.woff2)\) format\('woff2'\), url\(\.\/files\/[\w-]+\.woff\) format\('woff'\)/g,
    "url(fonts/$1) format('woff2')",
  );
  return { css, folder: join(dirname(cssFile), 'files') };
}

const staticHeaders = {
  // the slices never change under a name; a day keeps a phone from asking again
  'cache-control': 'public, max-age=86400',
  'x-content-type-options': 'nosniff',
};

export function registerGuideStatic(app: FastifyInstance): void {
  // the address as people type it from a poster, without the slash the list's relative links need
  app.get('/guide', (_request, reply) => reply.redirect('guide/'));
  const fonts = loadFonts();
  // without the package the guide still reads in the browser's own fonts
  const missing = { error: { code: 'not_found', message: '没有这个字体文件' } };
  app.get('/guide/fonts.css', (_request, reply) =>
    fonts
      ? reply.headers(staticHeaders).type('text/css; charset=utf-8').send(fonts.css)
      : reply.code(404).send(missing),
  );
  app.get<{ Params: { file: string } }>('/guide/fonts/:file', (request, reply) => {
    const file = request.params.file;
    if (!fonts || !slice.test(file)) return reply.code(404).send(missing);
    return reply
      .headers(staticHeaders)
      .type('font/woff2')
      .send(createReadStream(join(fonts.folder, file)));
  });
}
