import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';

const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('base64');

/**
 * A release folder as electron-builder leaves it in the center's <data>/updates/: an installer
 * (random bytes standing in for it) and its channel file stating its size and SHA-512.
 */
export function placeRelease(dataDir: string, version: string, channel = 'latest.yml'): Buffer {
  const dir = join(dataDir, 'updates', version);
  mkdirSync(dir, { recursive: true });
  const installer = randomBytes(64 * 1024 + version.length);
  const name = `OneWindow-Setup-${version}.exe`;
  writeFileSync(join(dir, name), installer);
  writeFileSync(
    join(dir, channel),
    dump({
      version,
      files: [{ url: name, sha512: sha512(installer), size: installer.length }],
      path: name,
      sha512: sha512(installer),
      releaseDate: '2026-12-05T02:00:00.000Z',
    }),
  );
  return installer;
}
