import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { Migrator, type Kysely } from 'kysely';
import pg from 'pg';
import { migrations } from './migrate';
import type { ServerDb } from './schema';

// The center's own export of a PostgreSQL database, for a machine without a pg_dump that can dump
// its server: the PostgreSQL client tools are a separate install, and pg_dump refuses a server of a
// newer major version than its own. One consistent snapshot (REPEATABLE READ), every table of the
// center as JSON lines, gzip. PostgreSQL itself turns each row to JSON and back
// (row_to_json / json_populate_recordset), so timestamps, bigints and jsonb keep their exact values.
//
// File: a header line {format, version, takenAt, serverVersion, migrations, tables}; then one line
// per row, ["table", {row}]; then {"end": {table: rows}} — a file cut short has no end line and is
// refused.

export const exportFormat = 'onewindow-center-export';
const exportVersion = 1;
const batch = 500;
// Kysely's bookkeeping: a restore migrates the empty database to the export's point, which fills them
const migrationTables = ['kysely_migration', 'kysely_migration_lock'];

type Header = {
  format: typeof exportFormat;
  version: number;
  takenAt: string;
  serverVersion: string;
  migrations: string[];
  tables: string[];
};

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

async function centerTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name).filter((t) => !migrationTables.includes(t));
}

/** Writes the export of `databaseUrl` to `file` (which the caller renames once it is verified). */
export async function exportPostgres(databaseUrl: string, file: string, now: Date): Promise<void> {
  const client = await connect(databaseUrl);
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  const done = once(out, 'finish');
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // in the order a restore loads them: every table after the tables its rows reference
    const tables = await loadOrder(client, await centerTables(client));
    if (!tables.includes('settings')) throw new Error('该数据库里没有中心的数据表，未导出');
    const applied = await client.query<{ name: string }>(
      'SELECT name FROM kysely_migration ORDER BY name',
    );
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    const header: Header = {
      format: exportFormat,
      version: exportVersion,
      takenAt: now.toISOString(),
      serverVersion: version.rows[0]?.server_version ?? '',
      migrations: applied.rows.map((r) => r.name),
      tables,
    };
    await write(JSON.stringify(header));
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = 0;
      // a cursor: a city's events table is never held in memory whole
      await client.query(
        `DECLARE rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS r FROM ${quoted(table)} t`,
      );
      for (;;) {
        const { rows } = await client.query<{ r: string }>(`FETCH ${batch} FROM rows`);
        for (const row of rows) await write(`[${JSON.stringify(table)},${row.r}]`);
        counts[table] += rows.length;
        if (rows.length < batch) break;
      }
      await client.query('CLOSE rows');
    }
    await write(JSON.stringify({ end: counts }));
    await client.query('COMMIT');
  } finally {
    gzip.end();
    await done;
    await client.end();
  }
}

type ReadExport = { header: Header; rows: AsyncGenerator<[string, unknown[]]> };

function parseHeader(line: string | undefined): Header {
  let header: Partial<Header> | null = null;
  try {
    header = JSON.parse(line ?? '') as Partial<Header>;
  } catch {
    header = null;
  }
  if (header?.format !== exportFormat) throw new Error('不是一窗通中心的导出文件');
  if (header.version !== exportVersion) {
    throw new Error(`导出文件格式版本 ${String(header.version)} 不受本版本支持`);
  }
  return header as Header;
}

/** The export's lines, rows grouped by table in batches; throws on a file cut short. */
async function readExport(file: string): Promise<ReadExport> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) })[
    Symbol.asyncIterator
  ]();
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value);
  async function* rows(): AsyncGenerator<[string, unknown[]]> {
    const counts: Record<string, number> = {};
    let table = '';
    let pending: unknown[] = [];
    for (;;) {
      const next = await lines.next();
      if (next.done) throw new Error('导出文件不完整（没有结束标记），未恢复');
      const parsed = JSON.parse(next.value) as [string, unknown] | { end: Record<string, number> };
      if (!Array.isArray(parsed)) {
        if (pending.length) yield [table, pending];
        for (const t of header.tables) {
          if ((counts[t] ?? 0) !== (parsed.end[t] ?? 0)) {
            throw new Error(`导出文件中 ${t} 的行数与结束标记不符，未恢复`);
          }
        }
        return;
      }
      const [rowTable, row] = parsed;
      if (!header.tables.includes(rowTable)) throw new Error(`导出文件含有未知的表 ${rowTable}`);
      if (rowTable !== table || pending.length >= batch) {
        if (pending.length) yield [table, pending];
        table = rowTable;
        pending = [];
      }
      pending.push(row);
      counts[rowTable] = (counts[rowTable] ?? 0) + 1;
    }
  }
  return { header, rows: rows() };
}

/** Checks a written export end to end, as pg_restore --list checks a dump. */
export async function verifyExport(file: string): Promise<void> {
  const { rows } = await readExport(file);
  for await (const _ of rows) void _;
}

/** The center's tables ordered so that every table comes after the tables it references. */
async function loadOrder(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`,
  );
  const unquote = (n: string) => n.replace(/^"|"$/g, '');
  const parents = new Map<string, string[]>(tables.map((t) => [t, []]));
  for (const r of rows) parents.get(unquote(r.child))?.push(unquote(r.parent));
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

/**
 * Puts an export back into `databaseUrl`: the export's tables (if any are there) are dropped, the
 * database is migrated to exactly the export's point, and every row is loaded in one transaction;
 * the identity counters continue after the highest restored number. The center migrates the rest
 * of the way at its next start. Stop every center process first.
 */
export async function restoreExport(
  db: Kysely<ServerDb>,
  databaseUrl: string,
  file: string,
): Promise<void> {
  // the whole file is read through before anything is dropped: a damaged export changes nothing
  await verifyExport(file);
  const { header, rows } = await readExport(file);
  const known = migrations('postgres');
  const unknown = header.migrations.filter((m) => !(m in known));
  if (unknown.length) {
    throw new Error(`导出文件来自更新的版本（迁移 ${unknown.join('、')}），请先升级中心程序`);
  }
  const last = header.migrations.at(-1);
  if (!last) throw new Error('导出文件没有迁移记录，未恢复');
  const client = await connect(databaseUrl);
  try {
    await client.query('BEGIN');
    for (const t of [...header.tables, ...migrationTables]) {
      await client.query(`DROP TABLE IF EXISTS ${quoted(t)} CASCADE`);
    }
    await client.query('COMMIT');

    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(known) },
    });
    const { error } = await migrator.migrateTo(last);
    if (error) {
      const reason = error instanceof Error ? error.message : JSON.stringify(error);
      throw new Error(`迁移到导出时的版本失败：${reason}`, { cause: error });
    }

    await client.query('BEGIN');
    // what the migrations themselves wrote is replaced by the export's rows
    await client.query(`TRUNCATE ${header.tables.map(quoted).join(', ')} CASCADE`);
    // the export lists its tables parents first: streamed in, no row waits for its parent
    for await (const [table, batchRows] of rows) {
      await client.query(
        `INSERT INTO ${quoted(table)} OVERRIDING SYSTEM VALUE
         SELECT * FROM json_populate_recordset(NULL::${quoted(table)}, $1::json)`,
        [JSON.stringify(batchRows)],
      );
    }
    const identities = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`,
    );
    for (const { table_name: t, column_name: c } of identities.rows) {
      if (!header.tables.includes(t)) continue;
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2),
                COALESCE((SELECT max(${quoted(c)}) FROM ${quoted(t)}), 0) + 1, false)`,
        [quoted(t), c],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
