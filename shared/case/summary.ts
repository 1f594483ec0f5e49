import type { Calendar, Instant, Level, LocalDate, Thresholds } from '../calendar';
import { caseClocks, deemedAcceptanceOn, nextDue, shownClock, type ClockView } from './clocks';
import { isClosed, rectificationOpen, type CaseStatus, type OpenCase } from './state';

// What a list, a report or an alert says about a case, decided once. The terminal's projection
// and the center's both store this summary: a case open at the window must be open at the
// center, or the center's supervision timer (which reads only open cases) never measures it.

/**
 * Bumped whenever what summarizeCase stores changes: the terminal and the center then fold every
 * case again at start, so no row keeps a summary the program no longer makes. 3: a clock says its
 * unit and counts an item's calendar-day limit, publication and the capped promise (issue 14).
 * 4: a case the law has accepted (Art. 32(4)) is listed as accepted, and owes its notice (issue 16 P).
 * 5: the applicant key in capitals, on the terminal's rows and the center's (issue 16 review, F3).
 */
export const projectionVersion = 5;

export type CaseSummary = {
  /** the fold's status — but a case the law accepted (Art. 32(4)) is 'accepted', see shownStatus */
  status: CaseStatus;
  /** on the window's work list and under supervision's timer */
  open: boolean;
  /** the clocks at the moment of summarizing; null when the calendar cannot measure the case */
  clocks: ClockView[] | null;
  /** the clock the work list shows: the running one due first, else the paused one */
  shown: ClockView | null;
  /** the earliest running legal deadline: the window's work order; null while paused or done */
  dueAt: string | null;
  /** the level of the shown clock; a case that is not open is normal */
  level: Level;
  /** Art. 32(4): the day the application counts as accepted, when no notice came in time */
  deemedAcceptedOn: LocalDate | null;
  /** deemed accepted with no 受理 recorded: the window owes the applicant the acceptance notice */
  acceptanceNoticeOwed: boolean;
  /** when time alone may change the summary (the running completeness deadline), or null */
  recheckAt: string | null;
  /** the first seal: when the case was completed, whatever later corrected it */
  sealedAt: string | null;
  /** whether that seal came within the limit; null while unsealed */
  sealedOnTime: boolean | null;
};

/**
 * Open: neither closed nor delivered — a delivered case waits only for the applicant's rating —
 * unless a bad rating still waits for its rectification, whose clock runs like any other.
 */
export function isOpenCase(state: OpenCase): boolean {
  return !isClosed(state) && (state.status !== 'delivered' || rectificationOpen(state));
}

/** The decision that completed the case: the first seal, whatever later corrected it. */
export function firstSeal(s: OpenCase): { at: string; outcome: 'approve' | 'deny' } | null {
  const first = s.superseded[0];
  if (first) return { at: first.stamp.at, outcome: first.decision.decision.outcome };
  if (!s.stamp || !s.decision) return null;
  return { at: s.stamp.at, outcome: s.decision.decision.outcome };
}

/**
 * On time: sealed within the promised limit, or — when the limit was lawfully extended — within
 * the extended statutory one. Read from the stopped clocks, so pauses (Art. 45) do not count.
 */
export function onTime(clocks: readonly ClockView[], extended: boolean): boolean {
  const promised = clocks.find((c) => c.kind === 'promised');
  const statutory = clocks.find((c) => c.kind === 'statutory');
  if (extended) return statutory ? !statutory.remaining.overdue : false;
  return promised ? !promised.remaining.overdue : false;
}

/**
 * The case's clocks at `now`, or null when the calendar cannot measure its dates: the reducer
 * admits any ISO time, the calendar only 2000–2100, and an event from a PC whose clock said 2150
 * must not make every later write or list of its case fail. Such a case has no due date and no
 * level, on the terminal and at the center alike.
 */
export function measuredClocks(
  state: OpenCase,
  cal: Calendar,
  now: Instant,
  t?: Thresholds,
): ClockView[] | null {
  try {
    return caseClocks(state, cal, now, t);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * Issue 16 part P: the status lists, the review desk and the center show. Art. 32(4) accepts the
 * application on the day of receipt once five working days passed without a one-time notice, so
 * a case still 'received' in the fold is accepted — derived from the clocks, not recorded, so no
 * event races between the department's PCs and terminal and center say the same.
 */
export function shownStatus(
  state: OpenCase,
  deemedAcceptedOn: LocalDate | null,
): OpenCase['status'] {
  return state.status === 'received' && deemedAcceptedOn !== null ? 'accepted' : state.status;
}

/**
 * The acceptance notice (受理通知书, Art. 32(5)) the window still owes: the law accepted the case
 * and nobody has recorded 受理, whose notice says so. Not once the case ended without a decision
 * to deliver, nor once the decision itself was delivered.
 */
export function acceptanceNoticeOwed(state: OpenCase, deemedAcceptedOn: LocalDate | null): boolean {
  return (
    deemedAcceptedOn !== null &&
    state.acceptedAt === null &&
    state.refusedAt === null &&
    state.withdrawnAt === null &&
    state.deliveredAt === null
  );
}

/** The one summary of a case at `now`, measured on `cal` (the calendar pinned on the case). */
export function summarizeCase(
  state: OpenCase,
  cal: Calendar,
  now: Instant,
  t?: Thresholds,
): CaseSummary {
  const clocks = measuredClocks(state, cal, now, t);
  const all = clocks ?? [];
  const open = isOpenCase(state);
  const shown = shownClock(all);
  const seal = firstSeal(state);
  const deemedAcceptedOn = deemedAcceptanceOn(all);
  return {
    status: shownStatus(state, deemedAcceptedOn),
    open,
    clocks,
    shown,
    dueAt: nextDue(all),
    level: open ? (shown?.remaining.level ?? 'normal') : 'normal',
    deemedAcceptedOn,
    acceptanceNoticeOwed: acceptanceNoticeOwed(state, deemedAcceptedOn),
    recheckAt:
      all.find((c) => c.kind === 'completeness' && c.state === 'running')?.deadline.dueAt ?? null,
    sealedAt: seal?.at ?? null,
    sealedOnTime: seal ? clocks !== null && onTime(clocks, state.extension !== null) : null,
  };
}
