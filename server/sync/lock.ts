import { sql, type Kysely } from 'kysely';
import type { ServerDb } from '../db/schema';
import type { Dialect } from '../http/spec';

/** PostgreSQL advisory lock keys of the center: arbitrary constants, one per thing serialised. */
export const lockKeys = {
  /**
   * Every event insert, center-wide. server_seq comes from a sequence when the row is inserted,
   * not when it commits: without this lock, process A could take seq 10, process B seq 11 and
   * commit first, a pull would then hand out 11 and move the terminal's cursor past 10, which
   * commits a moment later and is never pulled by anyone. Holding the lock from before the first
   * insert until commit makes commit order equal seq order, so a cursor can never skip a row.
   */
  eventLog: 0x4f57_0001,
  /** terminal numbers are "1 + the window's highest": two enrolments must not read the same max */
  enrollment: 0x4f57_0002,
} as const;

/**
 * Takes a transaction-scoped lock shared by every server process on the same PostgreSQL; it is
 * released by commit or rollback, never by hand. SQLite needs none: a write transaction holds
 * the database's single write lock until it ends, which gives the same order.
 */
export async function advisoryLock(
  trx: Kysely<ServerDb>,
  dialect: Dialect,
  key: number,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(key)})`.execute(trx);
}
