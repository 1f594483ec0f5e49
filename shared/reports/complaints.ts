import type { Calendar, Deadline, LocalDate } from '../calendar';
import { deadlineFrom, shanghaiDate } from '../calendar';
import type { ReportScope } from './metrics';

// Public complaints (公众投诉) against a window or a case: their handling clock and the numbers a
// report gives of them, defined once so the center and the terminal count the same way.

/**
 * A complaint is answered within 5 working days of being recorded (the day of recording not
 * counted, the deadline at 24:00 of the 5th working day, Art. 82's counting). The seed sets no
 * number for complaints; 5 working days is what centers commonly promise the complainant.
 */
export const complaintHandlingDays = 5;

export const complaintChannels = ['现场', '电话', '网上', '信件'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

export const complaintConclusions = ['属实', '不属实', '部分属实'] as const;
export type ComplaintConclusion = (typeof complaintConclusions)[number];

/** 部分属实 counts as substantiated: the window was at fault in part, and that is a finding. */
export function isSubstantiated(conclusion: string | null): boolean {
  return conclusion === '属实' || conclusion === '部分属实';
}

/** The handling deadline of a complaint recorded at `recordedAt`, on the center's calendar. */
export function complaintDeadline(cal: Calendar, recordedAt: string): Deadline {
  return deadlineFrom(cal, recordedAt, complaintHandlingDays);
}

/** What a complaint's clock says: warning with one working day left, red once overdue. */
export type ComplaintClock = {
  level: 'normal' | 'warning' | 'red';
  /** working days after today up to the deadline (today not counted) */
  workingDaysLeft: number;
  overdue: boolean;
  /** closed: the clock stopped at closing, and `overdue` says whether it closed late */
  stopped: boolean;
};

export type ClockedComplaint = { dueDate: LocalDate; dueAt: string; closedAt: string | null };

export function complaintClock(cal: Calendar, c: ClockedComplaint, now: string): ComplaintClock {
  const at = c.closedAt ?? now;
  const overdue = Date.parse(at) >= Date.parse(c.dueAt);
  const workingDaysLeft = overdue ? 0 : cal.workingDaysBetween(shanghaiDate(at), c.dueDate);
  const level = overdue ? 'red' : workingDaysLeft <= 1 ? 'warning' : 'normal';
  return { level: c.closedAt ? 'normal' : level, workingDaysLeft, overdue, stopped: !!c.closedAt };
}

/** A complaint as the report counts it. */
export type ReportComplaint = {
  id: string;
  departmentCode: string;
  windowId: string | null;
  receivedAt: string;
  dueAt: string;
  closedAt: string | null;
  conclusion: string | null;
};

/** A count and the complaints behind it. */
export type ComplaintDrill = { count: number; ids: string[] };

export type ComplaintMetrics = {
  /** recorded in the period */
  received: ComplaintDrill;
  /** closed in the period */
  closed: ComplaintDrill;
  /** closed in the period before their deadline passed */
  closedOnTime: ComplaintDrill;
  /** not closed at `asOf` although their deadline has passed */
  overdueOpen: ComplaintDrill;
  /** closed in the period as 属实 or 部分属实 */
  substantiated: ComplaintDrill;
};

function drill(list: readonly ReportComplaint[]): ComplaintDrill {
  return { count: list.length, ids: list.map((c) => c.id) };
}

/** The complaint numbers of `scope`: a window's are those recorded against it. */
export function complaintMetrics(
  complaints: readonly ReportComplaint[],
  scope: ReportScope,
): ComplaintMetrics {
  const inPeriod = (at: string | null) => {
    if (!at) return false;
    const day = shanghaiDate(at);
    return day >= scope.from && day <= scope.to;
  };
  const asOf = Date.parse(scope.asOf);
  const mine = complaints.filter(
    (c) =>
      (scope.departmentCode === undefined || c.departmentCode === scope.departmentCode) &&
      (scope.windowId === undefined || c.windowId === scope.windowId),
  );
  const closed = mine.filter((c) => inPeriod(c.closedAt));
  return {
    received: drill(mine.filter((c) => inPeriod(c.receivedAt))),
    closed: drill(closed),
    closedOnTime: drill(closed.filter((c) => Date.parse(c.closedAt!) < Date.parse(c.dueAt))),
    overdueOpen: drill(
      mine.filter(
        (c) =>
          Date.parse(c.receivedAt) <= asOf &&
          (c.closedAt === null || Date.parse(c.closedAt) > asOf) &&
          Date.parse(c.dueAt) <= asOf,
      ),
    ),
    substantiated: drill(closed.filter((c) => isSubstantiated(c.conclusion))),
  };
}
