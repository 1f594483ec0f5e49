import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

// Databases, their WAL and SHM, backups, markers and secrets hold personal data and keys: only
// the account the program runs as may read them (0600), and only it may list their folders (0700).
// The modes are set explicitly rather than through the umask, which would also close the PDFs and
// reports a clerk saves for others to open.

export const privateFileMode = 0o600;
export const privateDirMode = 0o700;

/** Creates the folder (and parents) if needed and closes it to others. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
  chmodSync(dir, privateDirMode);
}

/**
 * Creates the database file empty with mode 0600 before SQLite does: SQLite creates it (and later
 * its -wal and -shm, which take the database file's mode) with 0644.
 */
export function precreatePrivateFile(file: string): void {
  if (existsSync(file)) return;
  closeSync(openSync(file, 'a', privateFileMode));
}

/** Closes the files that exist to others; SQLite's side files come and go with the connection. */
export function privateFiles(files: readonly string[]): void {
  for (const file of files) {
    if (existsSync(file)) chmodSync(file, privateFileMode);
  }
}

/** A SQLite database and the side files WAL mode keeps beside it. */
export function sqliteFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}
