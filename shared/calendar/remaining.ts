import type { Calendar } from './calendar';
import type { Deadline } from './deadline';
import { instantMs, shanghaiDate, type Instant } from './instant';

export type Level = 'normal' | 'warning' | 'yellow' | 'red';

/**
 * Both thresholds count working days left AFTER today (today itself never counts, whatever the
 * hour). With the defaults {warning: 2, yellow: 1}: 3 or more left → normal; 2 left → warning;
 * 1 left or today is the last day → yellow (the supervision yellow card); overdue → red.
 */
export type Thresholds = { warningWorkingDays: number; yellowWorkingDays: number };

export const defaultThresholds: Thresholds = Object.freeze({
  warningWorkingDays: 2,
  yellowWorkingDays: 1,
});

export type Remaining = {
  /** dueAt − now; negative once overdue. */
  ms: number;
  /** Working days d with today < d <= deadline.date (today = the Shanghai date of now). */
  workingDays: number;
  level: Level;
  /** now >= dueAt. */
  overdue: boolean;
};

function assertThresholds(t: Thresholds): void {
  const { warningWorkingDays: warning, yellowWorkingDays: yellow } = t;
  if (
    !Number.isSafeInteger(warning) ||
    !Number.isSafeInteger(yellow) ||
    yellow < 0 ||
    warning < yellow
  ) {
    throw new Error(
      `Invalid thresholds: need whole numbers with 0 <= yellow (${yellow}) <= warning (${warning})`,
    );
  }
}

/** level: red when overdue; else yellow when workingDays <= yellow; else warning when <= warning; else normal. */
export function remainingAt(
  cal: Calendar,
  deadline: Deadline,
  now: Instant,
  t: Thresholds = defaultThresholds,
): Remaining {
  assertThresholds(t);
  const nowMs = instantMs(now);
  const ms = instantMs(deadline.dueAt) - nowMs;
  const overdue = ms <= 0;
  const workingDays = cal.workingDaysBetween(shanghaiDate(nowMs), deadline.date);
  const level: Level = overdue
    ? 'red'
    : workingDays <= t.yellowWorkingDays
      ? 'yellow'
      : workingDays <= t.warningWorkingDays
        ? 'warning'
        : 'normal';
  return { ms, workingDays, level, overdue };
}
