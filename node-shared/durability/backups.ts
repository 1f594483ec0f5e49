import {
  chmodSync,
  copyFileSync,
  existsSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import Sqlite from 'better-sqlite3';
import type Database from 'better-sqlite3';
import { privateDir, privateFileMode, privateFiles } from './file-modes';
import { describeFileState, inspectSqliteFile } from './sqlite-file';

// Rolling backups of a SQLite database with SQLite's online backup API: a consistent copy taken
// while the program keeps writing, each verified by opening it and running quick_check before it
// counts. The terminal keeps them in <dataDir>/backups, the center wherever --out says.

export type BackupFile = {
  name: string;
  file: string;
  size: number;
  /** from the name, which is written in UTC so that names sort by time */
  takenAt: string;
};

// .sqlite: SQLite's backup; .dump: pg_dump's; .jsonl.gz: the center's own PostgreSQL export
const stampPattern = /-(\d{8}T\d{6}\d{3}Z)\.(sqlite|dump|jsonl\.gz)$/;

/** A time as it goes into a backup's name: UTC, so names sort by time. */
export function stamp(now: Date): string {
  return now.toISOString().replace(/[-:.]/g, '');
}

function stampToIso(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : '';
}

/** Backups of `prefix` in the folder, newest first. */
export function listBackups(dir: string, prefix: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${prefix}-`) && stampPattern.test(name))
    .sort()
    .reverse()
    .map((name) => {
      const file = join(dir, name);
      return {
        name,
        file,
        size: statSync(file).size,
        takenAt: stampToIso(stampPattern.exec(name)?.[1] ?? ''),
      };
    });
}

/**
 * Takes a backup of an open database into `dir`, verifies it and only then gives it its name;
 * a backup that fails (a full disk) leaves nothing behind that could later be taken for good.
 */
export async function backupSqlite(
  db: Database.Database,
  dir: string,
  prefix: string,
  now: Date = new Date(),
): Promise<BackupFile> {
  privateDir(dir);
  const name = `${prefix}-${stamp(now)}.sqlite`;
  const file = join(dir, name);
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    chmodSync(partial, privateFileMode);
    // The copy carries the source's WAL flag, so every later open (the check below, a restore's)
    // would leave -wal and -shm files beside it that no retention counts: a backup is one file.
    const copy = new Sqlite(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const state = inspectSqliteFile(partial);
    if (state.state !== 'ok') throw new Error(`备份校验失败：${describeFileState(state)}`);
    renameSync(partial, file);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(`${partial}${suffix}`, { force: true });
  }
  return { name, file, size: statSync(file).size, takenAt: now.toISOString() };
}

/** Keeps the newest `keep` backups of `prefix`; the rest are deleted. */
export function pruneBackups(dir: string, prefix: string, keep: number): string[] {
  const old = listBackups(dir, prefix).slice(Math.max(1, keep));
  for (const b of old) rmSync(b.file, { force: true });
  return old.map((b) => b.name);
}

/** The backup named in the folder, refusing names that would reach outside it. */
export function findBackup(dir: string, prefix: string, name: string): BackupFile | null {
  if (basename(name) !== name) return null;
  return listBackups(dir, prefix).find((b) => b.name === name) ?? null;
}

/**
 * Puts a backup in place of a database that is closed: the backup is verified first, the current
 * file (with its WAL and SHM) is moved aside — never deleted: it may be the only copy of
 * something — and the copy is renamed in whole. Returns where the old file went.
 */
export function restoreSqliteFile(backup: string, target: string, now: Date = new Date()): string {
  const state = inspectSqliteFile(backup);
  if (state.state !== 'ok') throw new Error(`备份不可用：${describeFileState(state)}`);
  const incoming = `${target}.restoring`;
  copyFileSync(backup, incoming);
  chmodSync(incoming, privateFileMode);
  const aside = `${target}.replaced-${stamp(now)}`;
  // the WAL belongs to the old file: left beside the restored one, SQLite would replay it
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${aside}${suffix}`);
  }
  renameSync(incoming, target);
  privateFiles([target]);
  return aside;
}
