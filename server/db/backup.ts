import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import {
  backupSqlite,
  listBackups,
  pruneBackups,
  restoreSqliteFile,
  stamp,
  type BackupFile,
} from '../../node-shared/durability/backups';
import { privateDir, privateFileMode } from '../../node-shared/durability/file-modes';
import { inspectSqliteFile } from '../../node-shared/durability/sqlite-file';
import { centerBackupPrefix, centerDatabaseName, holdsCenterData } from './durability';

// `npm run server -- backup` and `restore`, and the running server's --backup-every: SQLite by its
// online backup API (the center may keep running), PostgreSQL by pg_dump -Fc / pg_restore.

const run = promisify(execFile);

export type CenterTarget = { databaseUrl: string } | { dataDir: string };

/** pg_dump or pg_restore: on PATH, else in Debian's versioned folders; null when missing. */
export function findPgTool(name: 'pg_dump' | 'pg_restore'): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort().reverse()) {
      const tool = join(root, version, 'bin', name);
      if (existsSync(tool)) return tool;
    }
  }
  return null;
}

function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const tool = findPgTool(name);
  if (!tool) {
    throw new Error(
      `找不到 ${name}：请安装 PostgreSQL 客户端工具（Debian/统信UOS：apt install postgresql-client），或把它所在的目录加入 PATH`,
    );
  }
  return tool;
}

/** One backup into `outDir`, then the oldest beyond `keep` go. */
export async function backupCenter(
  target: CenterTarget,
  outDir: string,
  keep: number,
  now: Date = new Date(),
): Promise<BackupFile> {
  let taken: BackupFile;
  if ('databaseUrl' in target) {
    privateDir(outDir);
    const name = `${centerBackupPrefix}-${stamp(now)}.dump`;
    const file = join(outDir, name);
    const partial = `${file}.partial`;
    try {
      // -Fc: compressed, restorable table by table. The URL travels as --dbname, which libpq
      // reads as a connection string: keep passwords in ~/.pgpass, not in the URL, as `ps` shows it
      await run(pgTool('pg_dump'), [
        '-Fc',
        '--no-owner',
        '-f',
        partial,
        `--dbname=${target.databaseUrl}`,
      ]);
      chmodSync(partial, privateFileMode);
      // a dump pg_restore cannot list is no backup
      await run(pgTool('pg_restore'), ['--list', partial]);
      renameSync(partial, file);
    } finally {
      rmSync(partial, { force: true });
    }
    taken = { name, file, size: statSync(file).size, takenAt: now.toISOString() };
  } else {
    const source = join(target.dataDir, centerDatabaseName);
    if (!existsSync(source)) throw new Error(`没有中心数据库：${source}`);
    const db = new Database(source, { readonly: true, fileMustExist: true });
    try {
      taken = await backupSqlite(db, outDir, centerBackupPrefix, now);
    } finally {
      db.close();
    }
  }
  pruneBackups(outDir, centerBackupPrefix, keep);
  return taken;
}

export function centerBackups(outDir: string): BackupFile[] {
  return listBackups(outDir, centerBackupPrefix);
}

/**
 * Puts a backup in place. SQLite: the center must be stopped; the current file is moved aside.
 * PostgreSQL: pg_restore --clean into DATABASE_URL (an empty database, or the center's own,
 * whose objects are dropped and recreated); stop every center process first.
 */
export async function restoreCenter(target: CenterTarget, file: string): Promise<string> {
  if (!existsSync(file)) throw new Error(`备份文件不存在：${file}`);
  if ('databaseUrl' in target) {
    await run(pgTool('pg_restore'), [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
    return '';
  }
  // any sound SQLite file would pass the file check: only a center's own database is put back
  if (inspectSqliteFile(file).state === 'ok' && !holdsCenterData(file))
    throw new Error(`${file} 不是中心的数据库备份（没有中心的设置数据），未恢复`);
  privateDir(target.dataDir);
  return restoreSqliteFile(file, join(target.dataDir, centerDatabaseName));
}
