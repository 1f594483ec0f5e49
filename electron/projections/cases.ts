import {
  caseClocks,
  evaluate,
  initialCaseState,
  projectionVersion,
  shownStatus,
  summarizeCase,
  type CaseState,
  type CaseSummary,
  type ClockView,
  type OpenCase,
} from '../../shared/case';
import { inTransaction } from '../store/db';
import { getSetting, setSetting } from '../store/reference';
import { asCaseEvent, caseEvents, folds, type StoredEvent } from '../store/events';
import { deleteCase, lapsedCases, upsertCase, type WorkClock } from '../store/cases';
import { shanghaiIso } from '../services/time';
import type { Terminal } from '../services/context';

export function clocksOf(t: Terminal, state: OpenCase): ClockView[] {
  return caseClocks(state, t.calendar(state.calendarVersion), t.now(), t.thresholds());
}

/** The clock the work list shows, without its remaining time (that moves; the list adds it). */
function workClock(summary: CaseSummary): WorkClock {
  let clock: WorkClock['clock'] = null;
  if (summary.shown) {
    const { remaining: _remaining, ...rest } = summary.shown;
    clock = rest;
  }
  return {
    clock,
    deemedAcceptedOn: summary.deemedAcceptedOn,
    acceptanceNoticeOwed: summary.acceptanceNoticeOwed,
  };
}

/** Writes the case's row from the one summary the center stores too (shared/case summary). */
export function projectCase(t: Terminal, state: OpenCase, windowId: string): void {
  const summary = summarizeCase(state, t.calendar(state.calendarVersion), t.now(), t.thresholds());
  upsertCase(t.db, {
    state,
    windowId,
    workClock: workClock(summary),
    status: shownStatus(state, summary.deemedAcceptedOn),
    dueAt: summary.dueAt,
    recheckAt: summary.recheckAt,
    open: summary.open,
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
 * Folds the named cases again and writes their rows: after sync brought events in, changed their
 * order or took one out of the fold. Runs in the caller's transaction, so the projection never
 * disagrees with the log it was folded from.
 */
export function refoldCases(t: Terminal, caseIds: Iterable<string>): void {
  for (const caseId of caseIds) {
    const events = caseEvents(t.db, caseId);
    const state = foldCase(events);
    if (state.status === 'none') deleteCase(t.db, caseId);
    else projectCase(t, state, events[0]!.windowId);
  }
}

/**
 * Drops the projection and folds it again from the event log — when the projection is
 * suspected. The log is the truth; the projection can always be redone.
 */
export function rebuildProjections(t: Terminal): number {
  return inTransaction(t.db, () => {
    t.db.exec('DELETE FROM cases');
    // Read first: a statement may not write while another one is still iterating.
    const caseIds = (
      t.db.prepare('SELECT DISTINCT case_id FROM events').all() as { case_id: string }[]
    ).map((r) => r.case_id);
    refoldCases(t, caseIds);
    return caseIds.length;
  });
}

const projectionVersionKey = 'projection.version';

/**
 * Folds every case again when the rows were written by a program that summarised cases
 * differently (shared/case projectionVersion): an update must not leave a case closed on the
 * work list that this version counts as open. Returns whether it rebuilt.
 */
export function refreshProjectionVersion(t: Terminal): boolean {
  if (getSetting<number>(t.db, projectionVersionKey) === projectionVersion) return false;
  inTransaction(t.db, () => {
    rebuildProjections(t);
    setSetting(t.db, projectionVersionKey, projectionVersion);
  });
  return true;
}

/**
 * Replays a case's log (in caseEvents' order) with the same rules that recorded it. Conflicted
 * and rejected events are left out: the center did not take them. An unanswered event of ours
 * may no longer fold once the center's order put a colleague's event before it; it is skipped,
 * and the center will answer it as a conflict. Any other event that does not fold means the log
 * was altered behind the program's back, which must be loud, never silently skipped.
 */
export function foldCase(events: readonly StoredEvent[]): CaseState {
  const reordered = events.some((e) => e.serverSeq !== null);
  let state: CaseState = initialCaseState;
  for (const event of events) {
    if (!folds(event)) continue;
    const verdict = evaluate(state, asCaseEvent(event));
    if (verdict.ok) state = verdict.state;
    else if (!(reordered && event.syncState === 'pending'))
      throw new Error(`event ${event.id} of case ${event.caseId} does not fold: ${verdict.rule}`);
  }
  return state;
}
