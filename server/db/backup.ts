import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
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
import { openServerDb } from './open';
import { exportPostgres, restoreExport, verifyExport } from './pg-export';

// `npm run server -- backup` and `restore`, and the running server's --backup-every: SQLite by its
// online backup API (the center may keep running), PostgreSQL by pg_dump -Fc / pg_restore — or,
// where no pg_dump can dump the server (none installed, or older than the server), by the center's
// own export (pg-export.ts), which needs nothing but the connection.

const run = promisify(execFile);

export type CenterTarget = { databaseUrl: string } | { dataDir: string };

/** PostgreSQL: 'auto' takes pg_dump when one can dump the server, else the center's own export. */
export type PostgresBackupFormat = 'auto' | 'export';

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

/** The pg_dump that can dump this server (installed, runs, of its major version or newer), or null. */
export async function pgDumpFor(databaseUrl: string): Promise<string | null> {
  const tool = findPgTool('pg_dump');
  if (!tool || !findPgTool('pg_restore')) return null;
  let toolMajor: number;
  try {
    const { stdout } = await run(tool, ['--version']);
    toolMajor = Number(/(\d+)(?:\.\d+)*/.exec(stdout)?.[1] ?? NaN);
  } catch {
    return null; // Debian's wrapper without the versioned client behind it
  }
  const client = await openServerDb({ databaseUrl, migrate: false });
  try {
    const { rows } = await sql<{
      v: string;
    }>`SELECT current_setting('server_version_num') AS v`.execute(client.db);
    // pg_dump dumps servers of its own major version and older ones (15.12 is 150012)
    return toolMajor >= Math.floor(Number(rows[0]?.v) / 10000) ? tool : null;
  } finally {
    await client.close();
  }
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
  format: PostgresBackupFormat = 'auto',
): Promise<BackupFile> {
  let taken: BackupFile;
  if ('databaseUrl' in target) {
    privateDir(outDir);
    const pgDump = format === 'export' ? null : await pgDumpFor(target.databaseUrl);
    const name = `${centerBackupPrefix}-${stamp(now)}.${pgDump ? 'dump' : 'jsonl.gz'}`;
    const file = join(outDir, name);
    const partial = `${file}.partial`;
    try {
      if (pgDump) {
        // -Fc: compressed, restorable table by table. The URL travels as --dbname, which libpq
        // reads as a connection string: keep passwords in ~/.pgpass, not in the URL, as `ps` shows it
        await run(pgDump, ['-Fc', '--no-owner', '-f', partial, `--dbname=${target.databaseUrl}`]);
        chmodSync(partial, privateFileMode);
        // a dump pg_restore cannot list is no backup
        await run(pgTool('pg_restore'), ['--list', partial]);
      } else {
        await exportPostgres(target.databaseUrl, partial, now);
        chmodSync(partial, privateFileMode);
        await verifyExport(partial);
      }
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
  if ('databaseUrl' in target && file.endsWith('.jsonl.gz')) {
    const handle = await openServerDb({ databaseUrl: target.databaseUrl, migrate: false });
    try {
      await restoreExport(handle.db, target.databaseUrl, file);
    } finally {
      await handle.close();
    }
    return '';
  }
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
