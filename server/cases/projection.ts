import type { Insertable, Kysely } from 'kysely';
import { isClosed, type CaseState, type ClockView, type OpenCase } from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import { firstSeal, onTime } from '../../shared/reports';
import type { ServerDb } from '../db/schema';
import { nextDue } from '../../shared/case';
import { clocksAt, type ClockContext } from './clocks';

/** The case's state as the accepted events left it, or the state before any. */
export function parseCaseState(json: string): CaseState {
  return JSON.parse(json) as CaseState;
}

/** When the case was completed and whether on time, as the report counts it (shared/reports). */
export function completionFacts(
  state: OpenCase,
  c: ClockContext,
  clocks: readonly ClockView[] | null = clocksAt(state, c.calendar, c.now, c.thresholds),
): { sealed_at: string | null; sealed_on_time: number | null } {
  const seal = firstSeal(state);
  if (!seal) return { sealed_at: null, sealed_on_time: null };
  return {
    sealed_at: shanghaiIso(new Date(Date.parse(seal.at))),
    sealed_on_time: clocks && onTime(clocks, state.extension !== null) ? 1 : 0,
  };
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
  const clocks = clocksAt(state, c.calendar, c.now, c.thresholds);
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
    due_at: nextDue(clocks ?? []),
    state: JSON.stringify(state),
    last_server_seq: serverSeq,
    updated_at: shanghaiIso(c.now),
    last_event_at: shanghaiIso(new Date(Date.parse(state.lastOccurredAt))),
    ...completionFacts(state, c, clocks),
  };
}

/**
 * Writes the projection rows of the cases a push moved, one statement for all of them. An
 * existing case keeps its window: the one that received it. Each case must appear once
 * (PostgreSQL refuses to update a row twice in one statement).
 */
export async function upsertCases(
  trx: Kysely<ServerDb>,
  rows: readonly Insertable<ServerDb['cases']>[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('cases')
    .values([...rows])
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        case_number: eb.ref('excluded.case_number'),
        department_code: eb.ref('excluded.department_code'),
        item_code: eb.ref('excluded.item_code'),
        item_name: eb.ref('excluded.item_name'),
        applicant_name: eb.ref('excluded.applicant_name'),
        status: eb.ref('excluded.status'),
        open: eb.ref('excluded.open'),
        received_at: eb.ref('excluded.received_at'),
        due_at: eb.ref('excluded.due_at'),
        state: eb.ref('excluded.state'),
        last_server_seq: eb.ref('excluded.last_server_seq'),
        updated_at: eb.ref('excluded.updated_at'),
        last_event_at: eb.ref('excluded.last_event_at'),
        sealed_at: eb.ref('excluded.sealed_at'),
        sealed_on_time: eb.ref('excluded.sealed_on_time'),
      })),
    )
    .execute();
}
