import { assertCount } from './assert-count';
import type { Calendar } from './calendar';
import { endOfDay, instantMs, shanghaiDate, type Instant } from './instant';
import { addDays, toDayNumber, yearOf, type LocalDate } from './local-date';

/** A special-procedure pause (Art. 45); `to` absent → still paused. */
export type Pause = { from: Instant; to?: Instant };

/**
 * How a limit counts (DOMAIN.md "Counting"): the 行政许可法's own periods in working days (Art. 82),
 * a period another law sets in "日" in calendar days. The same words as the catalog's LimitUnit.
 */
export type DayUnit = 'workingDays' | 'calendarDays';

export type Deadline = {
  /** The last day of the limit: a working day, except for a 0-day limit (the trigger day itself). */
  date: LocalDate;
  /** 24:00 Asia/Shanghai of `date`. */
  dueAt: string;
  /** Some day between the trigger and `date` lies in a year without an official holiday table. */
  provisional: boolean;
  /** The unit the limit, the extension and `pausedDays` count in. */
  unit: DayUnit;
  /** Days (in `unit`) added because of pauses. */
  pausedDays: number;
};

export type DeadlineOptions = {
  /** workingDays when absent */
  unit?: DayUnit;
  pauses?: Pause[];
  /** a granted extension, in the same unit as the limit */
  extraDays?: number;
  now?: Instant;
};

type ResolvedPause = { fromMs: number; toMs: number; from: Instant; to: Instant };

function resolvePauses(
  pauses: readonly Pause[],
  triggerMs: number,
  now: Instant | undefined,
): ResolvedPause[] {
  const resolved = pauses.map((pause): ResolvedPause => {
    const to = pause.to ?? now;
    if (to === undefined) {
      throw new Error('deadlineFrom: a pause is still open, so `now` is required to count it');
    }
    const fromMs = instantMs(pause.from);
    const toMs = instantMs(to);
    if (fromMs < triggerMs)
      throw new Error(`deadlineFrom: pause from ${String(pause.from)} starts before the trigger`);
    if (toMs < fromMs) {
      throw new Error(
        `deadlineFrom: pause from ${String(pause.from)} ends (${String(to)}) before it starts`,
      );
    }
    return { fromMs, toMs, from: pause.from, to };
  });
  resolved.sort((a, b) => a.fromMs - b.fromMs);
  // Overlapping pauses would count the same working days twice and quietly extend the limit.
  resolved.forEach((pause, i) => {
    const previous = resolved[i - 1];
    if (previous && pause.fromMs < previous.toMs) {
      throw new Error(
        `deadlineFrom: pauses starting ${String(previous.from)} and ${String(pause.from)} overlap`,
      );
    }
  });
  return resolved;
}

/** Calendar days d with from < d <= to; 0 when to <= from. */
function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.max(0, toDayNumber(to) - toDayNumber(from));
}

/**
 * N days after the triggering act (that day not counted), ending at 24:00 Asia/Shanghai of the
 * last day; N = 0 → the end of the trigger day.
 * - workingDays: the last day is the N-th working day after the trigger.
 * - calendarDays: the N-th calendar day after the trigger; when that day is not a working day
 *   (holiday, weekend, closure) the limit ends on the next working day (民事诉讼法 Art. 85, the
 *   reading Chinese procedure gives a period in "日").
 * Pauses add the days (in the unit) d with date(from) < d <= date(to); `extraDays` are granted
 * extensions, in the unit.
 */
export function deadlineFrom(
  cal: Calendar,
  trigger: Instant,
  days: number,
  opts: DeadlineOptions = {},
): Deadline {
  const unit = opts.unit ?? 'workingDays';
  assertCount('Days', days);
  const extraDays = opts.extraDays ?? 0;
  assertCount('Extra days', extraDays);
  const start = shanghaiDate(trigger);
  const between = (from: LocalDate, to: LocalDate) =>
    unit === 'workingDays' ? cal.workingDaysBetween(from, to) : calendarDaysBetween(from, to);
  let pausedDays = 0;
  if (opts.pauses && opts.pauses.length > 0) {
    for (const pause of resolvePauses(opts.pauses, instantMs(trigger), opts.now)) {
      pausedDays += between(shanghaiDate(pause.fromMs), shanghaiDate(pause.toMs));
    }
  }
  const total = days + extraDays + pausedDays;
  const date =
    unit === 'workingDays' ? cal.addWorkingDays(start, total) : calendarEnd(cal, start, total);
  let provisional = false;
  for (let year = yearOf(start); year <= yearOf(date) && !provisional; year++) {
    provisional = cal.isProvisional(`${year}-01-01`);
  }
  return { date, dueAt: endOfDay(date), provisional, unit, pausedDays };
}

function calendarEnd(cal: Calendar, start: LocalDate, total: number): LocalDate {
  // 0 days is on the spot: the trigger day itself, as for working days, never moved.
  if (total === 0) return start;
  const last = addDays(start, total);
  return cal.isWorkingDay(last) ? last : cal.addWorkingDays(last, 1);
}
