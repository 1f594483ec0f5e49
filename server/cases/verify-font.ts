import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire as requireFrom } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

// The Chinese font of the public /verify page (issue 17 part 4: the progress a phone shows after
// scanning a notice's QR): the shipped Noto Sans SC (400 weight), fetched subset by subset by
// unicode-range from this center, never from elsewhere (CSP font-src 'self'), and cached a
// year. It is named before the system font: named after it, Chromium left the characters of
// subsets still loading blank in the page (seen in the test browser, which has no CJK font).

export const verifyFontPath = '/verify-font/';

// not named `require`: the bundled center (scripts/build.mjs) declares one in its banner
const packages = requireFrom(import.meta.url);
const packageDir = dirname(packages.resolve('@fontsource/noto-sans-sc/package.json'));
const fileName = /^noto-sans-sc-[a-z0-9-]+-400-normal\.woff2$/;

/**
 * The package's @font-face rules, each pointed at this center and woff2 only (every browser that
 * runs the page reads woff2). Read once at start: the stylesheet is hashed for the page's CSP.
 */
export const verifyFontFaces: string = readFileSync(join(packageDir, '400.css'), 'utf8')
  .replace(/\/\*[^*]*\*\//g, '')
  .replace(
    /src:\s*url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)[^;]*;/g,
    (_, file: string) => `src:url(${verifyFontPath}${file}) format('woff2');`,
  )
  .replace(/\s+/g, ' ')
  .trim();

export function registerVerifyFont(app: FastifyInstance): void {
  app.get<{ Params: { file: string } }>(`${verifyFontPath}:file`, async (request, reply) => {
    const { file } = request.params;
    if (!fileName.test(file)) {
      return reply.code(404).send({ error: { code: 'not_found', message: '没有这个字体文件' } });
    }
    const bytes = await readFile(join(packageDir, 'files', file));
    return reply
      .header('content-type', 'font/woff2')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(bytes);
  });
}
