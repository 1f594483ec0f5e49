import {
  caseClocks,
  evaluate,
  initialCaseState,
  isClosed,
  type CaseEvent,
  type CaseState,
  type ClockView,
  type OpenCase,
} from '../../shared/case';
import { inTransaction } from '../store/db';
import { asCaseEvent, caseEvents } from '../store/events';
import { lapsedCases, upsertCase, type WorkClock } from '../store/cases';
import { shanghaiIso } from './time';
import type { Terminal } from './terminal';

export function clocksOf(t: Terminal, state: OpenCase): ClockView[] {
  return caseClocks(state, t.calendar(state.calendarVersion), t.now(), t.thresholds());
}

/** The earliest deadline among the clocks that are running now: the window's work order. */
export function nextDue(clocks: readonly ClockView[]): string | null {
  let due: string | null = null;
  for (const c of clocks) {
    if (c.state !== 'running') continue;
    if (due === null || Date.parse(c.deadline.dueAt) < Date.parse(due)) due = c.deadline.dueAt;
  }
  return due;
}

/** Writes the case's row in the projection; `windowId` is the window that received the case. */
/** The clock the work list shows — the running one due first, else the paused one. */
export function workClock(clocks: readonly ClockView[]): WorkClock {
  const due = nextDue(clocks);
  const shown =
    clocks.find((c) => c.state === 'running' && c.deadline.dueAt === due) ??
    clocks.find((c) => c.state === 'paused') ??
    null;
  let clock: WorkClock['clock'] = null;
  if (shown) {
    const { remaining: _remaining, ...rest } = shown;
    clock = rest;
  }
  return {
    clock,
    deemedAcceptedOn: clocks.find((c) => c.deemedAccepted)?.deemedAccepted?.on ?? null,
  };
}

export function projectCase(t: Terminal, state: OpenCase, windowId: string): void {
  const clocks = clocksOf(t, state);
  const completeness = clocks.find((c) => c.kind === 'completeness' && c.state === 'running');
  upsertCase(t.db, {
    state,
    windowId,
    workClock: workClock(clocks),
    dueAt: nextDue(clocks),
    recheckAt: completeness?.deadline.dueAt ?? null,
    // a delivered case waits only for the applicant's rating: it is off the window's work list
    open: !isClosed(state) && state.status !== 'delivered',
  });
}

/**
 * Folds again the rows that time alone has changed — a completeness deadline passed without a
 * notice, so the case now counts as accepted and its decision clocks run. Called before the
 * work list is read, so the list is never stale; each case lapses once.
 */
export function refreshLapsed(t: Terminal): number {
  const lapsed = lapsedCases(t.db, shanghaiIso(t.now()));
  if (lapsed.length === 0) return 0;
  inTransaction(t.db, () => {
    for (const row of lapsed) projectCase(t, JSON.parse(row.state) as OpenCase, row.window_id);
  });
  return lapsed.length;
}

/**
 * Drops the projection and folds it again from the event log — after a sync brought events in,
 * or when the projection is suspected. The log is the truth; the projection can always be redone.
 */
export function rebuildProjections(t: Terminal): number {
  return inTransaction(t.db, () => {
    t.db.exec('DELETE FROM cases');
    // Case by case: a statement may not write while another one is still iterating.
    const caseIds = (
      t.db.prepare('SELECT DISTINCT case_id FROM events').all() as { case_id: string }[]
    ).map((r) => r.case_id);
    for (const caseId of caseIds) {
      const events = caseEvents(t.db, caseId).map(asCaseEvent);
      const state = foldCase(events);
      if (state.status !== 'none') projectCase(t, state, events[0]!.windowId);
    }
    return caseIds.length;
  });
}

/**
 * Replays a case's log with the same rules that recorded it. An event that no longer folds means
 * the log was altered behind the program's back, which must be loud, never silently skipped.
 */
export function foldCase(events: readonly CaseEvent[]): CaseState {
  let state: CaseState = initialCaseState;
  for (const event of events) {
    const verdict = evaluate(state, event);
    if (!verdict.ok)
      throw new Error(`event ${event.id} of case ${event.caseId} does not fold: ${verdict.rule}`);
    state = verdict.state;
  }
  return state;
}
