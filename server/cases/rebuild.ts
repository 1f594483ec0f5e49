import type { Insertable, Kysely } from 'kysely';
import {
  evaluate,
  initialCaseState,
  projectionVersion,
  type CaseEvent,
  type CaseState,
} from '../../shared/case';
import { casePart } from '../../shared/sync';
import type { ServerDb } from '../db/schema';
import type { Dialect } from '../http/spec';
import { advisoryLock, lockKeys } from '../sync/lock';
import { signedEventOf } from '../../node-shared/events/rows';
import { clockContext } from './clocks';
import { caseRowOf, upsertCases } from './projection';

// The case projection is a fold of the accepted events: it can always be made again. It is,
// when the program summarises cases differently from the one that wrote the rows (shared/case
// projectionVersion) — a migration never folds cases itself, it only changes tables.

// cases folded per round trip: each case's events are read in one query
const casesPerPage = 500;

/** Folds every case again from its accepted events and writes all rows; returns how many. */
export async function rebuildCaseProjections(trx: Kysely<ServerDb>, now: Date): Promise<number> {
  const c = await clockContext(trx, now);
  await trx.deleteFrom('cases').execute();
  let count = 0;
  let after = '';
  for (;;) {
    const ids = (
      await trx
        .selectFrom('events')
        .select('case_id')
        .distinct()
        .where('case_id', '>', after)
        .where('status', '=', 'accepted')
        .orderBy('case_id')
        .limit(casesPerPage)
        .execute()
    ).map((r) => r.case_id);
    if (ids.length === 0) return count;
    after = ids.at(-1)!;
    const events = await trx
      .selectFrom('events')
      .selectAll()
      .where('case_id', 'in', ids)
      .where('status', '=', 'accepted')
      .orderBy('server_seq')
      .execute();
    const folded = new Map<string, { state: CaseState; windowId: string; seq: number }>();
    for (const row of events) {
      const entry = folded.get(row.case_id) ?? {
        state: initialCaseState,
        windowId: row.window_id,
        seq: 0,
      };
      const verdict = evaluate(entry.state, casePart(signedEventOf(row)) as CaseEvent);
      // an accepted event folded when it was pushed, in this order: not folding now means the
      // reducer changed what it admits, and a silently shorter case would hide that
      if (!verdict.ok) {
        throw new Error(`event ${row.id} of case ${row.case_id} no longer folds: ${verdict.rule}`);
      }
      folded.set(row.case_id, { ...entry, state: verdict.state, seq: row.server_seq });
    }
    const rows: Insertable<ServerDb['cases']>[] = [];
    for (const { state, windowId, seq } of folded.values()) {
      if (state.status !== 'none') rows.push(caseRowOf(state, windowId, seq, c));
    }
    await upsertCases(trx, rows);
    count += rows.length;
  }
}

/**
 * Rebuilds the case projection when its recorded version is not this program's, and records the
 * version; returns how many cases were folded, or null when nothing was to do. Several center
 * processes may start at once, and terminals may push meanwhile: all of it runs under the push
 * lock, so the first process rebuilds, the others find the version recorded, and no push folds
 * a case while its row is rewritten.
 */
export async function refreshProjectionVersion(
  db: Kysely<ServerDb>,
  dialect: Dialect,
  now: Date,
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    await advisoryLock(trx, dialect, lockKeys.eventLog);
    const stored = await trx.selectFrom('projection_version').select('version').executeTakeFirst();
    if (stored?.version === projectionVersion) return null;
    const rebuilt = await rebuildCaseProjections(trx, now);
    await trx.deleteFrom('projection_version').execute();
    await trx.insertInto('projection_version').values({ version: projectionVersion }).execute();
    return rebuilt;
  });
}
