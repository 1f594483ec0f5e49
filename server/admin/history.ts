import type { Kysely } from 'kysely';
import type { ServerDb } from '../db/schema';

// The center's records of who and what, kept as they changed (migration 0008): a pushed event is
// judged by the records in force at its own time (server/sync/judge.ts). Each writer compares the
// table's current row with its last recorded one and appends only a change, so a caller may call
// it after any write without counting what it changed. Called in the transaction of the change it
// records: there is never a staff change without its history row, nor the other way round.

async function lastSeq(
  db: Kysely<ServerDb>,
  table: 'staff_history' | 'item_versions',
  column: 'staff_id' | 'item_code',
  key: string,
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where(column, '=', key)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Appends the member's current record, valid from `at`, if it differs from the last one. */
export async function recordStaff(db: Kysely<ServerDb>, staffId: string, at: string) {
  const now = await db
    .selectFrom('staff')
    .select(['name', 'role', 'window_id', 'active'])
    .where('id', '=', staffId)
    .executeTakeFirstOrThrow();
  const seq = await lastSeq(db, 'staff_history', 'staff_id', staffId);
  const last = await db
    .selectFrom('staff_history')
    .select(['name', 'role', 'window_id', 'active'])
    .where('staff_id', '=', staffId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (
    last &&
    last.name === now.name &&
    last.role === now.role &&
    last.window_id === now.window_id &&
    last.active === now.active
  ) {
    return;
  }
  await db
    .insertInto('staff_history')
    .values({ staff_id: staffId, seq: seq + 1, ...now, valid_from: at })
    .execute();
}

/** Appends the item's current data as a published version from `at`, if it is a new one. */
export async function recordItem(db: Kysely<ServerDb>, code: string, at: string) {
  const now = await db
    .selectFrom('items')
    .select('data')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  const seq = await lastSeq(db, 'item_versions', 'item_code', code);
  const last = await db
    .selectFrom('item_versions')
    .select('data')
    .where('item_code', '=', code)
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (last?.data === now.data) return;
  await db
    .insertInto('item_versions')
    .values({ item_code: code, seq: seq + 1, data: now.data, published_at: at })
    .execute();
}

/**
 * Appends, for the given windows (every window when none are named), each pair whose delegated
 * powers changed since its last record — a pair gone from window_powers is recorded as null.
 */
export async function recordPowers(db: Kysely<ServerDb>, at: string, windowIds?: string[]) {
  if (windowIds?.length === 0) return;
  const current = await db
    .selectFrom('window_powers')
    .select(['window_id', 'item_code', 'powers'])
    .$if(windowIds !== undefined, (q) => q.where('window_id', 'in', windowIds!))
    .execute();
  const recorded = await db
    .selectFrom('window_power_history')
    .select(['window_id', 'item_code', 'seq', 'powers'])
    .$if(windowIds !== undefined, (q) => q.where('window_id', 'in', windowIds!))
    .orderBy('seq')
    .execute();
  const key = (w: string, i: string) => JSON.stringify([w, i]);
  // the last row of each pair: rows come in seq order, so a later one overwrites
  const last = new Map(recorded.map((r) => [key(r.window_id, r.item_code), r]));
  const now = new Map(current.map((r) => [key(r.window_id, r.item_code), r.powers]));
  const rows: ServerDb['window_power_history'][] = [];
  for (const r of current) {
    const before = last.get(key(r.window_id, r.item_code));
    if (before?.powers === r.powers) continue;
    rows.push({ ...r, seq: (before?.seq ?? 0) + 1, valid_from: at });
  }
  for (const r of last.values()) {
    if (r.powers === null || now.has(key(r.window_id, r.item_code))) continue;
    rows.push({ ...r, seq: r.seq + 1, powers: null, valid_from: at });
  }
  if (rows.length > 0) await db.insertInto('window_power_history').values(rows).execute();
}
