import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../http/spec';
import type { ServerDb } from './schema';

export type CenterIntegrityMode = 'quick' | 'full';

export type CenterIntegrityReport = {
  ok: boolean;
  mode: CenterIntegrityMode;
  dialect: Dialect;
  /** SQLite's findings (at most 100), or PostgreSQL's error; empty when ok */
  problems: string[];
  checkedAt: string;
};

/**
 * The center database's integrity. SQLite: quick_check / integrity_check. PostgreSQL checks its
 * own pages (checksums, WAL replay); what the center can ask is that every table it owns can be
 * read to the end, which a damaged heap page fails.
 */
export async function integrityReport(
  db: Kysely<ServerDb>,
  dialect: Dialect,
  mode: CenterIntegrityMode = 'quick',
  now: Date = new Date(),
): Promise<CenterIntegrityReport> {
  const checkedAt = now.toISOString();
  try {
    const problems =
      dialect === 'sqlite' ? await sqliteFindings(db, mode) : await postgresFindings(db, mode);
    return { ok: problems.length === 0, mode, dialect, problems, checkedAt };
  } catch (error) {
    return {
      ok: false,
      mode,
      dialect,
      problems: [error instanceof Error ? error.message : String(error)],
      checkedAt,
    };
  }
}

async function sqliteFindings(db: Kysely<ServerDb>, mode: CenterIntegrityMode): Promise<string[]> {
  const pragma = mode === 'quick' ? sql`PRAGMA quick_check(100)` : sql`PRAGMA integrity_check(100)`;
  const { rows } = await pragma.execute(db);
  return (rows as Record<string, unknown>[])
    .map((r) => String(Object.values(r)[0]))
    .filter((m) => m !== 'ok');
}

async function postgresFindings(
  db: Kysely<ServerDb>,
  mode: CenterIntegrityMode,
): Promise<string[]> {
  await sql`select 1`.execute(db);
  if (mode === 'quick') return [];
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = current_schema()`.execute(db);
  for (const { tablename } of rows) {
    // reads every row of every table: a damaged page answers with an error here
    await sql`select count(*) from ${sql.table(tablename)}`.execute(db);
  }
  return [];
}

/**
 * The last known integrity, for /health: the quick check of the start, replaced by each check a
 * manager asks for. Per database handle, so several apps in one test process keep their own.
 */
const lastReports = new WeakMap<Kysely<ServerDb>, CenterIntegrityReport>();

export function rememberIntegrity(db: Kysely<ServerDb>, report: CenterIntegrityReport): void {
  lastReports.set(db, report);
}

export function lastIntegrity(db: Kysely<ServerDb>): CenterIntegrityReport | null {
  return lastReports.get(db) ?? null;
}
