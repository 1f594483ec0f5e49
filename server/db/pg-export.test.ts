import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { caseScript, seedHall, syncHarness } from '../sync/test-support';
import type { ServerDb } from './schema';
import { exportPostgres, restoreExport, verifyExport } from './pg-export';
import { createTestDatabase, type TestDatabase } from './test-db';

// The center's own PostgreSQL export (for a machine whose pg_dump cannot dump the server): every
// table comes back exactly, the event numbers continue after the restored ones, and a damaged or
// foreign file changes nothing.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function database(): Promise<TestDatabase> {
  const t = await createTestDatabase('postgres');
  cleanups.push(() => t.dispose());
  return t;
}

/** Every table of the center, each as the sorted JSON text of its rows. */
async function snapshot(db: Kysely<ServerDb>): Promise<Record<string, string[]>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(db);
  const out: Record<string, string[]> = {};
  for (const { table_name: table } of tables.rows) {
    const rows = await sql<{ r: string }>`SELECT row_to_json(t)::text AS r FROM ${sql.table(
      table,
    )} t`.execute(db);
    out[table] = rows.rows.map((r) => r.r).sort();
  }
  return out;
}

async function hallWithEvents(t: TestDatabase) {
  await seedHall(t.db);
  const h = syncHarness(t);
  const device = await h.enroll('w-sj-1');
  const a = caseScript({ caseId: 'case-a' });
  await device.pushOk(device.sign([a.received(), a.checked(), a.accepted()]));
  return { device };
}

describe('the center’s PostgreSQL export', () => {
  it('brings back every row of every table, and the event numbers go on after them', async () => {
    const t = await database();
    const { device } = await hallWithEvents(t);
    const before = await snapshot(t.db);
    expect(before.events).toHaveLength(3);
    const dir = mkdtempSync(join(tmpdir(), 'ow-export-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'center.jsonl.gz');
    await exportPostgres(t.options.databaseUrl!, file, new Date());
    await verifyExport(file);

    await sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public`.execute(t.db);
    await restoreExport(t.db, t.options.databaseUrl!, file);
    expect(await snapshot(t.db)).toEqual(before);

    // the next event pushed is numbered after the restored ones, never over them
    const b = caseScript({ caseId: 'case-b' });
    const res = await device.pushOk(device.sign([b.received()]));
    const seqs = before.events!.map((e) => (JSON.parse(e) as { server_seq: number }).server_seq);
    expect(res.results[0]!.serverSeq).toBeGreaterThan(Math.max(...seqs));
  });

  it('refuses a file cut short or not its own, and leaves the database as it was', async () => {
    const t = await database();
    await hallWithEvents(t);
    const before = await snapshot(t.db);
    const dir = mkdtempSync(join(tmpdir(), 'ow-export-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'center.jsonl.gz');
    await exportPostgres(t.options.databaseUrl!, file, new Date());
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');

    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n')));
    await expect(restoreExport(t.db, t.options.databaseUrl!, cut)).rejects.toThrow(/不完整/);
    const foreign = join(dir, 'foreign.jsonl.gz');
    writeFileSync(foreign, gzipSync('{"format":"something-else"}\n'));
    await expect(restoreExport(t.db, t.options.databaseUrl!, foreign)).rejects.toThrow(
      /不是一窗通中心的导出文件/,
    );
    const newer = join(dir, 'newer.jsonl.gz');
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    header.migrations.push('9999-from-the-future');
    writeFileSync(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expect(restoreExport(t.db, t.options.databaseUrl!, newer)).rejects.toThrow(/更新的版本/);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
