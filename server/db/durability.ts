import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { privateDir } from '../../node-shared/durability/file-modes';
import { readInstallMarker, writeInstallMarker } from '../../node-shared/durability/install-marker';
import { describeFileState, inspectSqliteFile } from '../../node-shared/durability/sqlite-file';
import type { ServerDb } from './schema';

// The center's record, outside its database, that it has started before (center-install.json in
// the data folder), and the check made before anything may seed: a lost database must stop the
// center, never hand out a new admin password (issue 15 point 2).

export const centerDatabaseName = 'center.sqlite';
export const centerBackupPrefix = 'center';
const markerFile = (dataDir: string) => join(dataDir, 'center-install.json');
export const defaultBackupsDir = (dataDir: string) => join(dataDir, 'backups');

function startedBefore(dataDir: string): boolean {
  return (
    readInstallMarker(markerFile(dataDir)) !== null ||
    existsSync(join(dataDir, 'admin-account.json'))
  );
}

function refusal(
  what: string,
  where: string,
  dataDir: string | undefined,
  restore: string,
): string {
  return [
    `中心数据库不可用，中心不启动：${what}`,
    `  数据库：${where}`,
    dataDir
      ? `  备份目录（默认）：${defaultBackupsDir(dataDir)}`
      : '  备份：npm run server -- backup 所写的目录',
    `  恢复：${restore}`,
    '  未创建新的数据库，也未生成新的管理员密码。',
  ].join('\n');
}

/** Before the embedded SQLite is opened: the reason to refuse, or null. */
export function checkSqliteBeforeOpen(dataDir: string): string | null {
  const file = join(dataDir, centerDatabaseName);
  const state = inspectSqliteFile(file);
  if (state.state === 'ok') {
    // a sound file that is not the center's (restored from the wrong file, or replaced) would
    // be migrated and seeded as a first start: a new admin password for an empty hall
    if (!startedBefore(dataDir) || holdsCenterData(file)) return null;
    return refusal(
      '数据库文件中没有中心的数据（不是中心的数据库，或已被替换），而数据目录表明中心以前启动过',
      file,
      dataDir,
      `npm run server -- restore <备份文件> --data ${dataDir}`,
    );
  }
  if ((state.state === 'missing' || state.state === 'empty') && !startedBefore(dataDir))
    return null;
  return refusal(
    describeFileState(state),
    file,
    dataDir,
    `npm run server -- restore <备份文件> --data ${dataDir}`,
  );
}

/** Whether a SQLite file holds a center: its settings table with the center's row(s). */
export function holdsCenterData(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'")
      .get();
    return table !== undefined && db.prepare('SELECT 1 FROM settings LIMIT 1').get() !== undefined;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/**
 * Before migrations and the seed run on PostgreSQL: a database without the center's tables where
 * the data folder says the center has started before was dropped or replaced.
 */
export async function checkPostgresBeforeSeed(
  db: Kysely<ServerDb>,
  dataDir: string | undefined,
): Promise<string | null> {
  if (!dataDir || !startedBefore(dataDir)) return null;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.tables
    where table_schema = current_schema() and table_name = 'settings'`.execute(db);
  const hasSettings =
    (rows[0]?.n ?? 0) > 0 &&
    (await db.selectFrom('settings').select('key').limit(1).executeTakeFirst()) !== undefined;
  if (hasSettings) return null;
  return refusal(
    'PostgreSQL 数据库中没有中心的数据（已被清空或换成了另一个数据库），而数据目录表明中心以前启动过',
    'DATABASE_URL 所指的数据库',
    dataDir,
    'npm run server -- restore <备份文件.dump>（DATABASE_URL 指向要恢复到的数据库）',
  );
}

export function recordCenterStart(dataDir: string, database: string, now: Date): void {
  // with PostgreSQL the folder may not exist yet: nothing else needed it before this marker
  privateDir(dataDir);
  const marker = readInstallMarker(markerFile(dataDir));
  writeInstallMarker(markerFile(dataDir), {
    kind: 'center',
    createdAt: marker?.createdAt || now.toISOString(),
    database,
    updatedAt: now.toISOString(),
  });
}
