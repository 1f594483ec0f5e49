import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// Issue 18: files stored once, by the SHA-256 of their bytes, under a data folder — the
// terminal's and the center's alike. A name is the content's hash, so the same scan attached
// twice, or uploaded by two PCs, is one file; and a file is written under a temporary name,
// flushed, then renamed, so a crash leaves either the whole file or none.

export const sha256Pattern = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class ContentStore {
  constructor(readonly root: string) {}

  /** Where a file lives: two levels of fan-out keep each folder small at a million files. */
  path(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.path(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  /** Whether the file is here and its bytes still hash to its name. */
  async intact(sha256: string): Promise<boolean> {
    const bytes = await readFile(this.path(sha256)).catch(() => null);
    return bytes !== null && sha256Of(bytes) === sha256;
  }

  async read(sha256: string): Promise<Buffer> {
    return readFile(this.path(sha256));
  }

  /**
   * Stores bytes whose hash the caller may already know; returns the hash. Idempotent: a file
   * already held is kept — unless its bytes no longer match its name (a damaged disk), then the
   * good bytes replace it.
   */
  async put(bytes: Uint8Array, knownSha256?: string): Promise<string> {
    const sha256 = knownSha256 ?? sha256Of(bytes);
    const target = this.path(sha256);
    if (await this.intact(sha256)) return sha256;
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    fsyncDir(dirname(target));
    return sha256;
  }

  /** Moves a file already written and flushed (an upload's assembled parts) into the store. */
  async adopt(path: string, sha256: string): Promise<void> {
    const target = this.path(sha256);
    await mkdir(dirname(target), { recursive: true });
    await rename(path, target);
    fsyncDir(dirname(target));
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.path(sha256), { force: true });
  }
}
