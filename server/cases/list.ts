import { sql, type Kysely } from 'kysely';
import { endOfDay } from '../../shared/calendar';
import type { CaseItem, CaseList, CaseListQuery } from '../../shared/center-api';
import type { ServerDb } from '../db/schema';
import type { ServerContext } from '../http/spec';
import { caseItemOf, caseMeasured, conflictCounts, itemColumns, type ItemRow } from './case-item';
import { clockContext } from './clocks';

/** LIKE treats % and _ as wildcards; a name typed with them must match them literally. */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Kysely<ServerDb>, f: CaseListQuery) {
  let q = db.selectFrom('cases');
  if (f.department) q = q.where('department_code', '=', f.department);
  if (f.window) q = q.where('window_id', '=', f.window);
  if (f.status === 'open' || f.status === 'closed')
    q = q.where('open', '=', f.status === 'open' ? 1 : 0);
  else if (f.status) q = q.where('status', '=', f.status);
  // received_at is stored in +08:00 (projection.ts), so a day's bounds compare as text
  if (f.receivedFrom) q = q.where('received_at', '>=', `${f.receivedFrom}T00:00:00+08:00`);
  if (f.receivedTo) q = q.where('received_at', '<', endOfDay(f.receivedTo));
  if (f.q) {
    const number = `${likeEscaped(f.q.toUpperCase())}%`;
    const name = `%${likeEscaped(f.q)}%`;
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('case_number')} LIKE ${number} ESCAPE '\\'`,
        sql<boolean>`${eb.ref('applicant_name')} LIKE ${name} ESCAPE '\\'`,
      ]),
    );
  }
  return q;
}

/**
 * The center's case list, newest first. The level depends on the moment of reading, so with a
 * level filter the matching rows are measured here and counted after; without one only the page is.
 */
export async function listCases(ctx: ServerContext, f: CaseListQuery): Promise<CaseList> {
  const clocks = await clockContext(ctx.db, ctx.now());
  const ordered = filtered(ctx.db, f)
    // a closed case runs no clock, so only open ones can be anything but normal
    .$if(f.level !== undefined && f.level !== 'normal', (q) => q.where('open', '=', 1))
    .select(itemColumns)
    .orderBy('received_at', 'desc')
    .orderBy('id');
  let total: number;
  let page: { row: ItemRow; now: { level: CaseItem['level']; status: string } }[];
  if (f.level) {
    const measured = (await ordered.execute())
      .map((row) => ({ row, now: caseMeasured(row, clocks) }))
      .filter((m) => m.now.level === f.level);
    total = measured.length;
    page = measured.slice(f.offset, f.offset + f.limit);
  } else {
    const counted = await filtered(ctx.db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total = counted.n;
    const rows = await ordered.limit(f.limit).offset(f.offset).execute();
    page = rows.map((row) => ({ row, now: caseMeasured(row, clocks) }));
  }
  const conflicts = await conflictCounts(
    ctx.db,
    page.map((p) => p.row.id),
  );
  return {
    total,
    cases: page.map((p) => caseItemOf(p.row, p.now, conflicts.get(p.row.id) ?? 0)),
  };
}
