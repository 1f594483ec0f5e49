import type { Insertable, Kysely } from 'kysely';
import {
  applicantKey,
  summarizeCase,
  type CaseState,
  type CaseSummary,
  type OpenCase,
} from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { measured, type ClockContext } from './clocks';

/** The case's state as the accepted events left it, or the state before any. */
export function parseCaseState(json: string): CaseState {
  return JSON.parse(json) as CaseState;
}

/** The one summary of the case (shared/case), measured on its pinned calendar (clocks.ts). */
export function summaryAt(state: OpenCase, c: ClockContext): CaseSummary {
  const m = measured(state, c);
  return summarizeCase(m.state, m.calendar, c.now, c.thresholds);
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
  const summary = summaryAt(state, c);
  return {
    id: state.caseId,
    case_number: state.caseNumber,
    department_code: state.item.departmentCode,
    window_id: windowId,
    item_code: state.item.code,
    item_name: state.item.name,
    applicant_name: state.applicant.name,
    applicant_key: applicantKey(state.applicant),
    status: summary.status,
    open: summary.open ? 1 : 0,
    received_at: shanghaiIso(new Date(Date.parse(state.receivedAt))),
    due_at: summary.dueAt,
    state: JSON.stringify(state),
    last_server_seq: serverSeq,
    updated_at: shanghaiIso(c.now),
    last_event_at: shanghaiIso(new Date(Date.parse(state.lastOccurredAt))),
    ...completionColumns(summary),
  };
}

/** When the case was completed and whether on time, as the dashboard's columns keep them. */
export function completionColumns(summary: CaseSummary): {
  sealed_at: string | null;
  sealed_on_time: number | null;
} {
  return {
    sealed_at:
      summary.sealedAt === null ? null : shanghaiIso(new Date(Date.parse(summary.sealedAt))),
    sealed_on_time: summary.sealedOnTime === null ? null : summary.sealedOnTime ? 1 : 0,
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
        applicant_key: eb.ref('excluded.applicant_key'),
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
