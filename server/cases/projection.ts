import type { Insertable, Kysely } from 'kysely';
import { isClosed, type CaseState, type OpenCase } from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { clocksAt, nextDue, type ClockContext } from './clocks';

/** The case's state as the accepted events left it, or the state before any. */
export function parseCaseState(json: string): CaseState {
  return JSON.parse(json) as CaseState;
}

/**
 * The projection row of a case after an accepted event. `windowId` is the window that received
 * it (the update keeps the stored one). Times are rewritten in +08:00 because the center's
 * filters compare them as text.
 */
export function caseRowOf(
  state: OpenCase,
  windowId: string,
  serverSeq: number,
  c: ClockContext,
): Insertable<ServerDb['cases']> {
  return {
    id: state.caseId,
    case_number: state.caseNumber,
    department_code: state.item.departmentCode,
    window_id: windowId,
    item_code: state.item.code,
    item_name: state.item.name,
    applicant_name: state.applicant.name,
    status: state.status,
    // a delivered case waits only for its rating: it is off the work list, as on the terminal
    open: !isClosed(state) && state.status !== 'delivered' ? 1 : 0,
    received_at: shanghaiIso(new Date(Date.parse(state.receivedAt))),
    due_at: nextDue(clocksAt(state, c.calendar, c.now, c.thresholds) ?? []),
    state: JSON.stringify(state),
    last_server_seq: serverSeq,
    updated_at: shanghaiIso(c.now),
  };
}

export async function upsertCase(
  trx: Kysely<ServerDb>,
  row: Insertable<ServerDb['cases']>,
): Promise<void> {
  const { id: _id, window_id: _window, ...changed } = row;
  await trx
    .insertInto('cases')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changed))
    .execute();
}
