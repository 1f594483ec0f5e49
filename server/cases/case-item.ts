import type { Kysely } from 'kysely';
import type { Level } from '../../shared/calendar';
import type { OpenCase } from '../../shared/case';
import type { CaseItem } from '../../shared/center-api';
import type { CaseRow, ServerDb } from '../db/schema';
import type { ClockContext } from './clocks';
import { parseCaseState, summaryAt } from './projection';

export type ItemRow = Pick<
  CaseRow,
  | 'id'
  | 'case_number'
  | 'department_code'
  | 'window_id'
  | 'item_code'
  | 'item_name'
  | 'applicant_name'
  | 'status'
  | 'open'
  | 'received_at'
  | 'due_at'
  | 'state'
>;

export const itemColumns = [
  'id',
  'case_number',
  'department_code',
  'window_id',
  'item_code',
  'item_name',
  'applicant_name',
  'status',
  'open',
  'received_at',
  'due_at',
  'state',
] as const satisfies readonly (keyof CaseRow)[];

/**
 * The level of the clock the window's list shows, measured now — not the stored due_at: time
 * alone can move a case (5 days without a notice and it counts as accepted, its decision clocks
 * start), so only a fresh fold of the clocks agrees with the terminal. A closed case runs none.
 */
export function caseLevel(row: Pick<ItemRow, 'open' | 'state'>, c: ClockContext): Level {
  return caseMeasured({ ...row, status: '' }, c).level;
}

/**
 * The level and the status measured now, for the same reason: a case pushed while 'received' is
 * accepted by law once its five days run out (Art. 32(4), issue 16 part P), with no event to say
 * so — the terminal's list says 'accepted' then, and so must the center's.
 */
export function caseMeasured(
  row: Pick<ItemRow, 'open' | 'state' | 'status'>,
  c: ClockContext,
): { level: Level; status: string } {
  if (row.open !== 1) return { level: 'normal', status: row.status };
  const summary = summaryAt(parseCaseState(row.state) as OpenCase, c);
  return { level: summary.level, status: summary.status };
}

export function caseItemOf(
  row: ItemRow,
  { level, status }: { level: Level; status: string },
  conflicts: number,
): CaseItem {
  return {
    id: row.id,
    caseNumber: row.case_number,
    departmentCode: row.department_code,
    windowId: row.window_id,
    itemCode: row.item_code,
    itemName: row.item_name,
    applicantName: row.applicant_name,
    status,
    open: row.open === 1,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    level,
    conflicts,
  };
}

/** How many conflicted events each of these cases has, in one query. */
export async function conflictCounts(
  db: Kysely<ServerDb>,
  caseIds: readonly string[],
): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('events')
    .select(['case_id'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'conflicted')
    .where('case_id', 'in', caseIds)
    .groupBy('case_id')
    .execute();
  return new Map(rows.map((r) => [r.case_id, r.n]));
}
