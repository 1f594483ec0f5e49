import type { Calendar, Deadline, Level, LocalDate, Thresholds } from '../calendar';
import { summarizeCase, type ClockKind } from '../case';
import {
  isOpenAt,
  meetsDoubleHundred,
  type Authorization,
  type Metrics,
  type ReportCase,
} from './metrics';

// The manager's day at a glance, beside the report: each department's day, how the last days
// went (the trend, counted by the center from its completion facts) and which open cases need
// someone now (red and yellow). Counted with the report's own definitions.

/** One day of the trend: received and completed that day, and how many of those on time. */
export type TrendDay = {
  date: LocalDate;
  received: number;
  completed: number;
  completedOnTime: number;
  /** completed on time / completed; null on a day nothing was completed */
  onTimeRate: number | null;
};

/** An open case past or at its warning threshold: what the dashboard's list shows. */
export type AttentionCase = {
  caseId: string;
  caseNumber: string;
  itemName: string;
  applicantName: string;
  departmentCode: string;
  windowId: string;
  level: 'red' | 'yellow';
  clock: ClockKind;
  deadline: Deadline;
  /** working days left; negative when overdue */
  workingDays: number;
};

/** The open cases whose shown clock is red or yellow at `asOf`: red first, then by deadline. */
export function attentionCases(
  cases: readonly ReportCase[],
  asOf: string,
  calendar: (version: string) => Calendar,
  thresholds?: Thresholds,
): AttentionCase[] {
  const found: AttentionCase[] = [];
  for (const { state, windowId } of cases) {
    if (!isOpenAt(state, asOf)) continue;
    const { shown, level } = summarizeCase(
      state,
      calendar(state.calendarVersion),
      asOf,
      thresholds,
    );
    if (!shown || (level !== 'red' && level !== 'yellow')) continue;
    found.push({
      caseId: state.caseId,
      caseNumber: state.caseNumber,
      itemName: state.item.name,
      applicantName: state.applicant.name,
      departmentCode: state.item.departmentCode,
      windowId,
      level,
      clock: shown.kind,
      deadline: shown.deadline,
      workingDays: shown.remaining.workingDays,
    });
  }
  const rank = (c: AttentionCase) => (c.level === 'red' ? 0 : 1);
  return found.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.deadline.dueAt.localeCompare(b.deadline.dueAt) ||
      a.caseNumber.localeCompare(b.caseNumber),
  );
}

/** A department's day on the dashboard: the report's headline numbers and its 双百. */
export type DepartmentCard = {
  code: string;
  name: string;
  received: number;
  accepted: number;
  completed: number;
  onTimeRate: number | null;
  windowCompletionRate: number | null;
  /** open now, by level */
  open: Record<Level, number>;
  badRatings: number;
  authorization: Authorization;
  doubleHundred: boolean;
};

/** The center's day at a glance: one card per department, the trend, the red and yellow cases. */
export type Dashboard = {
  centerName: string;
  date: LocalDate;
  asOf: string;
  departments: DepartmentCard[];
  /** the center's last 30 days, ending `date` */
  trend: TrendDay[];
  attention: (AttentionCase & { windowName: string; departmentName: string })[];
};

/** How many days the dashboard's trend shows. */
export const trendDays = 30;

/** A department's card from its day's metrics and its authorization. */
export function departmentCard(
  department: { code: string; name: string },
  m: Metrics,
  auth: Authorization,
): DepartmentCard {
  return {
    ...department,
    received: m.received.count,
    accepted: m.accepted.count,
    completed: m.completed.count,
    onTimeRate: m.onTimeRate,
    windowCompletionRate: m.windowCompletionRate,
    open: {
      normal: m.openByLevel.normal.count,
      warning: m.openByLevel.warning.count,
      yellow: m.openByLevel.yellow.count,
      red: m.openByLevel.red.count,
    },
    badRatings: m.badRatings.count,
    authorization: auth,
    doubleHundred: meetsDoubleHundred(auth, m),
  };
}
