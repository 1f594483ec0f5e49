import { deadlineFrom, type Calendar, type Instant, type LocalDate } from '../calendar';
import { clockMoment, deemedAcceptanceOn } from './clocks';
import type { CaseEvent } from './events';
import { occurredAtMs } from './occurred-at';
import type { CaseEventPayload, CaseEventType, SpecialProcedure } from './payloads';
import type { Role } from './roles';
import { reject, type Rejection } from './rule-ids';
import { allowedEvents, deemable, firstBrokenRule } from './rules';
import { openPause, type CaseState, type OpenCase } from './state';
import { measuredClocks } from './summary';

// Rules a NEW event must pass besides the reducer's, applied alike by the terminal (before it
// stores an event) and the center (when it judges a pushed one). They are not in the reducer
// because the fold must reproduce every stored log: a late extension the center took before these
// rules existed, or an old refusal on the `other` ground, must still fold. The clocks are measured
// AT THE EVENT'S TIME (occurredAt), never at the reader's: the same log gets the same verdict on
// both sides, whenever it is judged. `cal` is the calendar the case is measured on (the terminal:
// the case's pinned one; the center: its own, the state repinned to it).

/** Art. 32(1)(2): the only grounds for 不予受理. `other` stays readable in stored logs only. */
export const refusalGrounds = [
  'noLicenceNeeded',
  'notThisAgency',
] as const satisfies readonly CaseEventPayload<'refused'>['ground'][];

function lawfulGround(ground: CaseEventPayload<'refused'>['ground']): boolean {
  return (refusalGrounds as readonly string[]).includes(ground);
}

/**
 * The first timed rule `event` breaks in `state`, or null. An event the reducer refuses anyway is
 * left to it (null here), so the conflict names the rule a clerk can act on: a notice on a closed
 * case is `case.closed`, not a lateness.
 */
export function brokenTimedRule(
  state: CaseState,
  event: CaseEvent,
  cal: Calendar,
): Rejection | null {
  if (state.status === 'none' || firstBrokenRule(state, event)) return null;
  if (event.type === 'refused' && !lawfulGround(event.payload.ground)) {
    return reject('refusal.ground');
  }
  if (event.type === 'accepted' && event.payload.deemed) {
    // the record says the law accepted the case: only once the five working days have passed in
    // silence (a case the calendar cannot measure cannot show it)
    const clocks =
      occurredAtMs(event.occurredAt) === null ? null : measuredClocks(state, cal, event.occurredAt);
    return clocks && deemedAcceptanceOn(clocks) !== null ? null : reject('intake.notDeemed');
  }
  const beforeAcceptance = state.status === 'received' && deemable.includes(event.type);
  if (
    !beforeAcceptance &&
    event.type !== 'noticeIssued' &&
    event.type !== 'refused' &&
    event.type !== 'extended'
  ) {
    return null;
  }
  // a time the reducer would refuse never gets here; a date the calendar cannot measure (2150)
  // has no clocks: the clock-skew rules answer for it, not these — but nothing moves a case the
  // calendar cannot show the law has accepted
  if (occurredAtMs(event.occurredAt) === null) return null;
  const clocks = measuredClocks(state, cal, event.occurredAt);
  if (!clocks) return beforeAcceptance ? reject('intake.notYetAccepted') : null;
  // issue 16 part P: a case not yet 受理 is reviewed or decided only once the law accepted it
  if (beforeAcceptance && deemedAcceptanceOn(clocks) === null)
    return reject('intake.notYetAccepted');
  if (event.type === 'extended') {
    // Art. 42: "may be extended by ten days with the approval of the agency head" — within the
    // twenty days, before they end. Once the limit has passed the case is overdue (不作为), and an
    // extension recorded now would turn a red card back to normal.
    const statutory = clocks.find((c) => c.kind === 'statutory');
    return statutory && statutory.state !== 'stopped' && statutory.remaining.overdue
      ? reject('extension.afterExpiry', `法定办结期限已于 ${statutory.deadline.date} 届满`)
      : null;
  }
  if (event.type !== 'noticeIssued' && event.type !== 'refused') return null;
  // Art. 32(4): after five working days in silence the application counts as accepted on the day
  // it was received; a one-time notice or a refusal now would undo what the law already decided.
  const deemed = deemedAcceptanceOn(clocks);
  return deemed ? reject('intake.deemedAccepted', `视为于 ${deemed} 受理`) : null;
}

/**
 * What the UI offers `role` on the case as its clocks stand now (issue 16 part P): the reducer's
 * `allowedEvents` admits a review or decision of a case still 'received', for the law may have
 * accepted it; the clocks say whether it has — and once it has, a one-time notice or a refusal is
 * no longer on offer. Main still judges every event with `brokenTimedRule`.
 */
export function allowedEventsNow(
  state: CaseState,
  role: Role,
  /** deemedAcceptanceOn of the case's clocks now (a list row stores it) */
  deemedOn: LocalDate | null,
): CaseEventType[] {
  const allowed = allowedEvents(state, role);
  if (state.status !== 'received') return allowed;
  const deemed = deemedOn !== null;
  return allowed.filter((type) =>
    deemed ? type !== 'noticeIssued' && type !== 'refused' : !deemable.includes(type),
  );
}

/** An open special procedure that has outrun the working days the applicant was told. */
export type PauseOverrun = {
  /** the `paused` event */
  eventId: string;
  procedure: SpecialProcedure;
  since: string;
  expectedWorkingDays: number;
  /** the last working day the notice announced */
  announcedEnd: LocalDate;
  noticeRef: string;
};

/**
 * Art. 45: the time a hearing, inspection, appraisal … takes is not counted, but the applicant is
 * told IN WRITING how long it takes. The announced days are counted like any limit: from the day
 * after the pause began, ending at 24:00 of the N-th working day. Past that, with the case still
 * paused, the applicant has not been told how long the clock stands still: the window owes a new
 * written notice (and a new filing with the center), and supervision is told.
 */
export function pauseOverrun(state: OpenCase, cal: Calendar, now: Instant): PauseOverrun | null {
  const pause = openPause(state);
  if (!pause) return null;
  try {
    const end = deadlineFrom(cal, pause.from, pause.expectedWorkingDays);
    if (clockMoment(state.lastOccurredAt, now) < Date.parse(end.dueAt)) return null;
    return {
      eventId: pause.eventId,
      procedure: pause.procedure,
      since: pause.from,
      expectedWorkingDays: pause.expectedWorkingDays,
      announcedEnd: end.date,
      noticeRef: pause.noticeRef,
    };
  } catch (error) {
    // a pause dated where the calendar cannot count (see measuredClocks) has no announced end
    if (error instanceof RangeError) return null;
    throw error;
  }
}
