import {
  deadlineFrom,
  remainingAt,
  shanghaiDate,
  type Calendar,
  type DayUnit,
  type Deadline,
  type Instant,
  type LocalDate,
  type Pause,
  type Remaining,
  type Thresholds,
} from '../calendar';
import { carriesItemLaw, itemLaw } from '../catalog/law';
import { isBadRating, type SpecialProcedure } from './payloads';
import { occurredAtMs } from './occurred-at';
import { openPause, type CaseState, type OpenCase, type PauseRecord } from './state';

/** Art. 32(4): everything missing must be notified within 5 working days of receipt. */
export const completenessWorkingDays = 5;
/** Art. 44: the certificate is issued and delivered within 10 working days of the decision. */
export const deliveryWorkingDays = 10;
/** 好差评: a bad rating is rectified within 15 working days (the province's rule DOMAIN.md cites). */
export const rectificationWorkingDays = 15;

export type ClockKind = 'completeness' | 'promised' | 'statutory' | 'delivery' | 'rectification';
export type ClockState = 'running' | 'paused' | 'stopped';
export type ClockStopReason =
  | 'noticeIssued'
  | 'accepted'
  | 'refused'
  | 'withdrawn'
  | 'deemedAccepted'
  | 'stamped'
  | 'delivered'
  | 'rectified';

export const clockLabels: Readonly<Record<ClockKind, string>> = {
  completeness: '补正告知期限',
  promised: '承诺办结期限',
  statutory: '法定办结期限',
  delivery: '送达期限',
  rectification: '差评整改期限',
};

export type ClockView = {
  kind: ClockKind;
  label: string;
  state: ClockState;
  /** the limit in `unit`, a granted extension included */
  days: number;
  /** how `days` count: a screen prints "7日" for calendarDays, "7个工作日" for workingDays */
  unit: DayUnit;
  /** the act the clock counts from */
  startedAt: string;
  deadline: Deadline;
  /** at `now`; for a stopped clock at the stop, so it tells whether the limit was kept */
  remaining: Remaining;
  paused?: { since: string; procedure: SpecialProcedure };
  stopped?: { reason: ClockStopReason; at: string };
  /** completeness only: the 5 days ran out, so the application counts as accepted on receipt */
  deemedAccepted?: { on: LocalDate };
  /**
   * promised only: its own count ended after the statutory deadline, so it ends there — a
   * center's promise can never give the agency more time than the law does.
   */
  cappedAtStatutory?: true;
};

type Stop = { reason: ClockStopReason; at: string };

/**
 * The act that stopped a clock, from candidates listed in the order the log can hold them (the
 * rules make the later ones follow or exclude the earlier), so the first present is the earliest.
 */
function firstStop(
  candidates: readonly [ClockStopReason, string | null | undefined][],
): Stop | null {
  for (const [reason, at] of candidates) if (at) return { reason, at };
  return null;
}

type ClockInput = {
  kind: ClockKind;
  startedAt: string;
  days: number;
  /** workingDays when absent */
  unit?: DayUnit;
  extraDays?: number;
  pauses?: Pause[];
  stop: Stop | null;
  pausedBy?: OpenCase['pauses'][number] | null;
};

function view(
  cal: Calendar,
  now: number,
  t: Thresholds | undefined,
  c: ClockInput,
  cap?: Deadline,
): ClockView {
  const unit = c.unit ?? 'workingDays';
  const counted = deadlineFrom(cal, c.startedAt, c.days, {
    unit,
    pauses: c.pauses ?? [],
    extraDays: c.extraDays ?? 0,
    now,
  });
  const capped = cap !== undefined && cap.date < counted.date;
  const deadline: Deadline = capped
    ? { ...counted, date: cap.date, dueAt: cap.dueAt, provisional: cap.provisional }
    : counted;
  const stopped = c.stop !== null;
  const paused = !stopped && c.pausedBy ? c.pausedBy : null;
  return {
    kind: c.kind,
    label: clockLabels[c.kind],
    state: stopped ? 'stopped' : paused ? 'paused' : 'running',
    days: c.days + (c.extraDays ?? 0),
    unit,
    startedAt: c.startedAt,
    deadline,
    remaining: remainingAt(cal, deadline, c.stop?.at ?? now, t),
    ...(capped ? { cappedAtStatutory: true as const } : {}),
    ...(paused ? { paused: { since: paused.from, procedure: paused.procedure } } : {}),
    ...(c.stop ? { stopped: c.stop } : {}),
  };
}

/**
 * Art. 32(4): when neither a one-time notice, an acceptance nor a refusal came within 5 working
 * days of receipt, the application counts as accepted on the day it was received.
 */
export function deemedAcceptance(
  state: OpenCase,
  cal: Calendar,
  now: Instant,
): { on: LocalDate } | null {
  assertPinned(state, cal);
  return completenessClock(state, cal, now).deemedAccepted ?? null;
}

/** Art. 32(4): the day of receipt, when the clocks say the law has accepted the case. */
export function deemedAcceptanceOn(clocks: readonly ClockView[]): LocalDate | null {
  return clocks.find((c) => c.deemedAccepted)?.deemedAccepted?.on ?? null;
}

function assertPinned(state: OpenCase, cal: Calendar): void {
  if (cal.version !== state.calendarVersion) {
    throw new Error(
      `case ${state.caseNumber} is pinned to calendar ${state.calendarVersion}, got ${cal.version}`,
    );
  }
}

function completenessClock(
  state: OpenCase,
  cal: Calendar,
  now: Instant,
  t?: Thresholds,
): ClockView {
  const clock = view(cal, effectiveNow(state, now), t, {
    kind: 'completeness',
    startedAt: state.receivedAt,
    days: completenessWorkingDays,
    stop: firstStop([
      ['noticeIssued', state.notices[0]?.at],
      ['accepted', state.acceptedAt],
      ['refused', state.refusedAt],
      ['withdrawn', state.withdrawnAt],
    ]),
  });
  if (!clock.remaining.overdue) return clock;
  const deemedAccepted = { on: shanghaiDate(state.receivedAt) };
  if (clock.stopped) return { ...clock, deemedAccepted };
  // Nothing is left to count once the law has accepted the application: the clock ends at its deadline.
  const at = clock.deadline.dueAt;
  return {
    ...clock,
    state: 'stopped',
    remaining: remainingAt(cal, clock.deadline, at, t),
    stopped: { reason: 'deemedAccepted', at },
    deemedAccepted,
  };
}

// A terminal whose clock lags the one that recorded the last event must not see time run
// backwards (an open pause would then end before it began).
function effectiveNow(state: OpenCase, now: Instant): number {
  return clockMoment(state.lastOccurredAt, now);
}

/**
 * The moment a case's clocks are measured at: `now`, or the case's last event when that is later.
 * A list that measures a stored deadline live uses it too, so it says what the fold says.
 */
export function clockMoment(lastOccurredAt: string, now: Instant): number {
  const nowMs =
    now instanceof Date
      ? now.getTime()
      : typeof now === 'number'
        ? now
        : (occurredAtMs(now) ?? Number.NaN);
  if (!Number.isFinite(nowMs)) throw new Error(`caseClocks: invalid now ${String(now)}`);
  return Math.max(nowMs, occurredAtMs(lastOccurredAt) ?? nowMs);
}

/**
 * The legal clocks of a case that have started, in the order the law runs them: completeness
 * (Art. 32), promised and statutory decision limits (Art. 42, pauses of Art. 45 not counted),
 * delivery (Art. 44), and the rectification of a bad rating. `cal` must be the calendar pinned on the case, or printed dates would move.
 */
export function caseClocks(
  state: CaseState,
  cal: Calendar,
  now: Instant,
  t?: Thresholds,
): ClockView[] {
  if (state.status === 'none') return [];
  assertPinned(state, cal);
  const at = effectiveNow(state, now);
  const completeness = completenessClock(state, cal, at, t);
  const clocks: ClockView[] = [completeness];

  const decisionStart = completeness.deemedAccepted ? state.receivedAt : state.acceptedAt;
  if (decisionStart) {
    const law = itemLaw(state.item);
    const stop = firstStop([
      ['stamped', state.stampedAt],
      ['refused', state.refusedAt],
      ['withdrawn', state.withdrawnAt],
    ]);
    const open = openPause(state);
    const asPause = (p: PauseRecord): Pause =>
      p.to === null ? { from: p.from } : { from: p.from, to: p.to };
    // Art. 45 is a closed list: publication (公示) is not on it, so it stops the statutory clock
    // only where the item's own law says so; the center's promise always waits for it. A case
    // received before its item snapshot carried the law was counted with every pause stopping
    // both clocks, and its printed dates must not move.
    const pausesStatutory = (p: PauseRecord) =>
      p.procedure !== 'publication' ||
      law.publicationPausesStatutory ||
      !carriesItemLaw(state.item);
    const statutoryPauses = state.pauses.filter(pausesStatutory);
    const statutory = view(cal, at, t, {
      kind: 'statutory',
      startedAt: decisionStart,
      days: state.item.statutoryDays,
      unit: law.statutoryUnit,
      // the extension is granted in the unit of the limit it extends (its payload's historic
      // field name says working days)
      extraDays: state.extension?.workingDays ?? 0,
      pauses: statutoryPauses.map(asPause),
      stop,
      pausedBy: open && pausesStatutory(open) ? open : null,
    });
    clocks.push(
      // the promise is the center's own, in working days, and never later than the law's limit
      view(
        cal,
        at,
        t,
        {
          kind: 'promised',
          startedAt: decisionStart,
          days: state.item.promisedDays,
          pauses: state.pauses.map(asPause),
          stop,
          pausedBy: open,
        },
        statutory.deadline,
      ),
      statutory,
    );
  }

  if (state.stampedAt) {
    clocks.push(
      view(cal, at, t, {
        kind: 'delivery',
        // a corrected decision is delivered within 10 working days of its own seal
        startedAt: state.stamp?.at ?? state.superseded.at(-1)?.stamp.at ?? state.stampedAt,
        days: deliveryWorkingDays,
        stop: firstStop([['delivered', state.deliveredAt]]),
      }),
    );
  }

  if (state.rating && isBadRating(state.rating.score)) {
    clocks.push(
      view(cal, at, t, {
        kind: 'rectification',
        startedAt: state.rating.at,
        days: rectificationWorkingDays,
        stop: firstStop([['rectified', state.rectification?.at]]),
      }),
    );
  }
  return clocks;
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

/**
 * The clock a work list shows for a case — the running one due first, else the paused one — so
 * that the terminal's list and the center's list put the same level on the same case.
 */
export function shownClock(clocks: readonly ClockView[]): ClockView | null {
  const due = nextDue(clocks);
  return (
    clocks.find((c) => c.state === 'running' && c.deadline.dueAt === due) ??
    clocks.find((c) => c.state === 'paused') ??
    null
  );
}
