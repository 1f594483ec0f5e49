import type { Calendar, Level, LocalDate, Thresholds } from '../calendar';
import { endOfDay, shanghaiDate, shanghaiIso } from '../calendar';
import {
  firstSeal,
  isBadRating,
  isOpenCase,
  onTime,
  openPause,
  summarizeCase,
  type CaseSummary,
  type ClockView,
  type OpenCase,
} from '../case';
import type { Power } from '../catalog/powers';

// Every number of the daily report, defined once, from folded cases: the terminal (its SQLite
// log), the center (SQLite or PostgreSQL) and the tests all count with these functions, so the
// same events give the same numbers everywhere. Each number comes with the cases behind it.

/** A case as the report sees it: its folded state and the window that received it. */
export type ReportCase = { state: OpenCase; windowId: string };

/** Which days and which part of the hall; `asOf` is the moment open cases are judged at. */
export type ReportScope = {
  from: LocalDate;
  to: LocalDate;
  asOf: string;
  departmentCode?: string;
  windowId?: string;
};

/** 七件: the kinds a report counts cases by (one case may be several). */
export const caseKinds = [
  'immediate',
  'promised',
  'joint',
  'referred',
  'returned',
  'supplemented',
  'special',
] as const;
export type CaseKind = (typeof caseKinds)[number];

export const caseKindLabels: Readonly<Record<CaseKind, string>> = {
  immediate: '即办件',
  promised: '承诺件',
  joint: '联办件',
  referred: '报批件',
  returned: '退回件',
  supplemented: '补办件',
  special: '特办件',
};

/**
 * A count and the cases behind it, so every number in a report can be opened. A rating's count
 * is of ratings: one case may be rated at several steps, and a ticket served without a case has
 * no case to open — its number is in `tickets` instead.
 */
export type Drill = { count: number; caseIds: string[]; tickets?: string[] };

/** 1 非常满意 … 5 非常不满意, as the case log's `rated` and the center's ratings table keep it. */
export type RatingLevel = 1 | 2 | 3 | 4 | 5;
export const ratingLevels: readonly RatingLevel[] = [1, 2, 3, 4, 5];

/**
 * A rating kept by the center (its ratings table, issue 17): given by the applicant at the
 * window's device, by QR or SMS, or keyed from a paper form (代录); `appealedAway` once an appeal
 * against it was upheld.
 */
export type ReportRating = {
  level: number;
  channel: 'device' | 'qr' | 'sms' | 'paper';
  ratedAt: string;
  departmentCode: string;
  windowId: string | null;
  caseId: string | null;
  ticketNumber: string | null;
  appealedAway: boolean;
};

/** The 好差评 block of a report: what the center knows, as the daily report counts it. */
export type RatingMetrics = {
  /**
   * counted ratings by level: the applicant's own (device, QR, SMS) and, from before issue 17,
   * the `rated` events staff typed into the case log (counted as their own channel, 旧记录)
   */
  ratings: Record<RatingLevel, Drill>;
  badRatings: Drill;
  /** of the counted, those from the case log's `rated` events */
  legacyRatings: Drill;
  /** paper forms keyed in by staff (代录): apart, never in the levels */
  paperRatings: Drill;
  /** ratings taken out of the counts by an upheld appeal (申诉剔除), kept on record */
  appealedAway: Drill;
};

export type Metrics = {
  received: Drill;
  accepted: Drill;
  refusedAtIntake: Drill;
  /** one-time notices issued in the period (a case's later repeats count too) */
  noticesIssued: Drill;
  /** Art. 32(4): no notice within 5 working days, accepted on the day of receipt */
  deemedAccepted: Drill;
  /** decisions sealed in the period (a correction is not a second completion) */
  completed: Drill;
  approved: Drill;
  denied: Drill;
  completedOnTime: Drill;
  completedOverdue: Drill;
  /** completed on time / completed; null when nothing was completed */
  onTimeRate: number | null;
  /** completed at the window (not 报批) / completed */
  windowCompletionRate: number | null;
  /** open cases at `asOf`, by the level of the clock their list shows */
  openByLevel: Record<Level, Drill>;
  paused: Drill;
  extended: Drill;
  /** among the cases received in the period */
  kinds: Record<CaseKind, Drill>;
  /** working days from acceptance to the seal, over the completed cases; null when none */
  averageWorkingDaysToDecision: number | null;
} & RatingMetrics;

/** The moment a report judges open cases at: a past period at its end, today's at `now`. */
export function reportAsOf(to: LocalDate, now: Date): string {
  return to < shanghaiDate(now) ? endOfDay(to) : shanghaiIso(now);
}

function drill(states: readonly OpenCase[]): Drill {
  return { count: states.length, caseIds: states.map((s) => s.caseId) };
}

function within(scope: ReportScope, at: string | null | undefined): boolean {
  if (!at) return false;
  const day = shanghaiDate(at);
  return day >= scope.from && day <= scope.to;
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function inScope(scope: ReportScope, c: ReportCase): boolean {
  return (
    (scope.departmentCode === undefined || c.state.item.departmentCode === scope.departmentCode) &&
    (scope.windowId === undefined || c.windowId === scope.windowId)
  );
}

/** Open at a moment: received by then and open as the work list and supervision see it. */
export function isOpenAt(s: OpenCase, at: string): boolean {
  return isOpenCase(s) && s.receivedAt <= at;
}

function kindsOf(s: OpenCase): CaseKind[] {
  const kinds: CaseKind[] = [];
  if (s.item.promisedDays === 0) kinds.push('immediate');
  else if (!s.item.joint) kinds.push('promised');
  if (s.item.joint) kinds.push('joint');
  if (s.referral) kinds.push('referred');
  if (s.refusedAt || s.withdrawnAt) kinds.push('returned');
  if (s.notices.length > 0) kinds.push('supplemented');
  if (s.pauses.length > 0) kinds.push('special');
  return kinds;
}

/**
 * The report's numbers for `scope` over `cases`. `calendar(version)` is the calendar a case pinned
 * at receipt: its deadlines, and so whether it was on time, never move with a later calendar.
 */
export function computeMetrics(
  cases: readonly ReportCase[],
  scope: ReportScope,
  calendar: (version: string) => Calendar,
  thresholds?: Thresholds,
  ratings: readonly ReportRating[] = [],
): Metrics {
  const states = cases.filter((c) => inScope(scope, c)).map((c) => c.state);
  const received = states.filter((s) => within(scope, s.receivedAt));
  // the one summary the lists and supervision use (shared/case): a case whose dates the calendar
  // cannot measure counts without clocks instead of failing the whole report
  const summaries = new Map<string, CaseSummary>();
  const summary = (s: OpenCase) => {
    let found = summaries.get(s.caseId);
    if (!found) {
      found = summarizeCase(s, calendar(s.calendarVersion), scope.asOf, thresholds);
      summaries.set(s.caseId, found);
    }
    return found;
  };
  const clocks = (s: OpenCase): readonly ClockView[] => summary(s).clocks ?? [];
  const deemedOn = (s: OpenCase) => clocks(s).find((c) => c.deemedAccepted)?.deemedAccepted?.on;

  // the law accepts on the day of receipt (Art. 32(4)): only the period's receipts can be deemed
  // in it, so the clocks of the rest are not measured for this
  const deemed = received.filter((s) => deemedOn(s) !== undefined);
  const deemedIds = new Set(deemed.map((s) => s.caseId));
  const accepted = states.filter(
    (s) => (s.acceptedAt !== null && within(scope, s.acceptedAt)) || deemedIds.has(s.caseId),
  );
  const completed = states.filter((s) => within(scope, firstSeal(s)?.at));
  const completedOnTime = completed.filter((s) => onTime(clocks(s), s.extension !== null));
  const onTimeIds = new Set(completedOnTime.map((s) => s.caseId));
  const atWindow = completed.filter((s) => s.referral === null);

  const open = states.filter((s) => isOpenAt(s, scope.asOf));
  const byLevel = (level: Level) => open.filter((s) => summary(s).level === level);

  const toDecision = completed
    .map((s) => {
      const start = s.acceptedAt ? shanghaiDate(s.acceptedAt) : deemedOn(s);
      const seal = firstSeal(s);
      return start && seal
        ? calendar(s.calendarVersion).workingDaysBetween(start, shanghaiDate(seal.at))
        : null;
    })
    .filter((d): d is number => d !== null);

  return {
    received: drill(received),
    accepted: drill(accepted),
    refusedAtIntake: drill(states.filter((s) => within(scope, s.refusedAt))),
    noticesIssued: {
      count: states.reduce((n, s) => n + s.notices.filter((x) => within(scope, x.at)).length, 0),
      caseIds: states
        .filter((s) => s.notices.some((x) => within(scope, x.at)))
        .map((s) => s.caseId),
    },
    deemedAccepted: drill(deemed),
    completed: drill(completed),
    approved: drill(completed.filter((s) => firstSeal(s)?.outcome === 'approve')),
    denied: drill(completed.filter((s) => firstSeal(s)?.outcome === 'deny')),
    completedOnTime: drill(completedOnTime),
    completedOverdue: drill(completed.filter((s) => !onTimeIds.has(s.caseId))),
    onTimeRate: rate(completedOnTime.length, completed.length),
    windowCompletionRate: rate(atWindow.length, completed.length),
    openByLevel: {
      normal: drill(byLevel('normal')),
      warning: drill(byLevel('warning')),
      yellow: drill(byLevel('yellow')),
      red: drill(byLevel('red')),
    },
    paused: drill(open.filter((s) => openPause(s) !== null)),
    extended: drill(states.filter((s) => within(scope, s.extension?.at))),
    kinds: Object.fromEntries(
      caseKinds.map((k) => [k, drill(received.filter((s) => kindsOf(s).includes(k)))]),
    ) as Record<CaseKind, Drill>,
    averageWorkingDaysToDecision:
      toDecision.length === 0 ? null : toDecision.reduce((a, b) => a + b, 0) / toDecision.length,
    ...foldRatings(cases, ratings, scope),
  };
}

/** One rating as a drill sees it: its level, and the case or the ticket it rated. */
type Rated = { level: number; caseId: string | null; ticketNumber: string | null };

function ratingDrill(rated: readonly Rated[]): Drill {
  const withCase = rated.flatMap((r) => (r.caseId === null ? [] : [r.caseId]));
  return {
    count: rated.length,
    caseIds: [...new Set(withCase)],
    tickets: rated.flatMap((r) => (r.caseId === null && r.ticketNumber ? [r.ticketNumber] : [])),
  };
}

/**
 * The 好差评 block over the cases of the scope (their legacy `rated` events) and the center's
 * ratings, given in the period in the scope's department or window. A terminal has no ratings
 * table: it passes none and asks the center for the block (electron/services/reports.ts).
 */
export function foldRatings(
  cases: readonly ReportCase[],
  ratings: readonly ReportRating[],
  scope: ReportScope,
): RatingMetrics {
  const legacy: Rated[] = cases.flatMap(({ state, windowId }) =>
    inScope(scope, { state, windowId }) && state.rating && within(scope, state.rating.at)
      ? [{ level: state.rating.score, caseId: state.caseId, ticketNumber: null }]
      : [],
  );
  const given = ratings.filter(
    (r) =>
      within(scope, r.ratedAt) &&
      (scope.departmentCode === undefined || r.departmentCode === scope.departmentCode) &&
      (scope.windowId === undefined || r.windowId === scope.windowId),
  );
  const own = given.filter((r) => !r.appealedAway && r.channel !== 'paper');
  const counted: Rated[] = [...legacy, ...own];
  const at = (level: RatingLevel) => ratingDrill(counted.filter((r) => r.level === level));
  return {
    ratings: { 1: at(1), 2: at(2), 3: at(3), 4: at(4), 5: at(5) },
    badRatings: ratingDrill(counted.filter((r) => isBadRating(r.level))),
    legacyRatings: ratingDrill(legacy),
    paperRatings: ratingDrill(given.filter((r) => !r.appealedAway && r.channel === 'paper')),
    appealedAway: ratingDrill(given.filter((r) => r.appealedAway)),
  };
}

/** What each window of a department holds per item (授权), as the center records it. */
export type Delegation = { windowId: string; itemCode: string; powers: readonly Power[] };

/** "双百"'s first hundred: the share of the department's items each power reaches a window for. */
export type Authorization = {
  departmentCode: string;
  items: number;
  /** share of the department's items delegated with this power to at least one of its windows */
  rates: Record<Power, number | null>;
  /** 受理, 协调处置, 办结送达, 应诉 at 100 %; 审批 and 制证 at 80 % or more */
  met: boolean;
};

const fullPowers: readonly Power[] = ['accept', 'coordinate', 'deliver', 'respond'];
const mostPowers: readonly Power[] = ['approve', 'certify'];
const allPowers: readonly Power[] = [...fullPowers, ...mostPowers];

export function authorization(
  departmentCode: string,
  itemCodes: readonly string[],
  delegations: readonly Delegation[],
): Authorization {
  const items = new Set(itemCodes);
  const reached = (power: Power) =>
    new Set(
      delegations
        .filter((d) => items.has(d.itemCode) && d.powers.includes(power))
        .map((d) => d.itemCode),
    ).size;
  const rates = Object.fromEntries(
    allPowers.map((p) => [p, rate(reached(p), items.size)]),
  ) as Record<Power, number | null>;
  const met =
    items.size > 0 &&
    fullPowers.every((p) => rates[p] === 1) &&
    mostPowers.every((p) => (rates[p] ?? 0) >= 0.8);
  return { departmentCode, items: items.size, rates, met };
}

/**
 * "双百": full authorization and every case completed on time — so none completed late in the
 * period, and none open past its deadline (red): that one can no longer be completed on time.
 */
export function meetsDoubleHundred(auth: Authorization, metrics: Metrics): boolean {
  return (
    auth.met &&
    (metrics.onTimeRate === null || metrics.onTimeRate === 1) &&
    metrics.openByLevel.red.count === 0
  );
}
