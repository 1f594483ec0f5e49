import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

// A size-capped log file with N generations (name.log, name.log.1 … name.log.<files-1>), written
// synchronously: a line logged just before a crash is on disk, and plain Node (web mode, the
// center, tests) behaves as Electron does. Rotation renames; the oldest generation is dropped, so
// the folder never holds more than files × maxBytes (plus one line).

export type RotatingFileOptions = { dir: string; name: string; maxBytes: number; files: number };

export type RotatingFile = {
  write(line: string): void;
  /** the generations, newest first, that exist */
  paths(): string[];
  close(): void;
};

export function rotatingFile(opts: RotatingFileOptions): RotatingFile {
  if (opts.files < 1 || opts.maxBytes < 1024)
    throw new Error('log rotation: files ≥ 1, maxBytes ≥ 1 KB');
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
  const path = (n: number) => join(opts.dir, n === 0 ? opts.name : `${opts.name}.${n}`);
  let fd = openSync(path(0), 'a', 0o600);
  let size = statSync(path(0)).size;
  // a line logged after close (a timer firing as the terminal shuts) is dropped, not a crash
  let closed = false;

  const rotate = () => {
    closeSync(fd);
    rmSync(path(opts.files - 1), { force: true });
    for (let n = opts.files - 2; n >= 0; n -= 1) {
      try {
        renameSync(path(n), path(n + 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    fd = openSync(path(0), 'a', 0o600);
    size = 0;
  };

  return {
    write(line) {
      if (closed) return;
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > opts.maxBytes) {
        if (opts.files === 1) {
          closeSync(fd);
          fd = openSync(path(0), 'w', 0o600);
          size = 0;
        } else rotate();
      }
      writeSync(fd, line);
      size += bytes;
    },
    paths() {
      const found: string[] = [];
      for (let n = 0; n < opts.files; n += 1) {
        try {
          statSync(path(n));
          found.push(path(n));
        } catch {
          // a generation not yet written
        }
      }
      return found;
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
}
