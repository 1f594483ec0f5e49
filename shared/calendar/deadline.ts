import { assertCount } from './assert-count';
import type { Calendar } from './calendar';
import { endOfDay, instantMs, shanghaiDate, type Instant } from './instant';
import { yearOf, type LocalDate } from './local-date';

/** A special-procedure pause (Art. 45); `to` absent → still paused. */
export type Pause = { from: Instant; to?: Instant };

export type Deadline = {
  /** The last working day of the limit. */
  date: LocalDate;
  /** 24:00 Asia/Shanghai of `date`. */
  dueAt: string;
  /** Some day between the trigger and `date` lies in a year without an official holiday table. */
  provisional: boolean;
  /** Working days added because of pauses. */
  pausedWorkingDays: number;
};

export type DeadlineOptions = { pauses?: Pause[]; extraWorkingDays?: number; now?: Instant };

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

/**
 * N working days after the triggering act (that day not counted), ending at 24:00 Asia/Shanghai
 * of the N-th working day; N = 0 → the end of the trigger day. Pauses add the working days
 * d with date(from) < d <= date(to); `extraWorkingDays` are granted extensions.
 */
export function deadlineFrom(
  cal: Calendar,
  trigger: Instant,
  workingDays: number,
  opts: DeadlineOptions = {},
): Deadline {
  assertCount('Working days', workingDays);
  const extraWorkingDays = opts.extraWorkingDays ?? 0;
  assertCount('Extra working days', extraWorkingDays);
  const start = shanghaiDate(trigger);
  let pausedWorkingDays = 0;
  if (opts.pauses && opts.pauses.length > 0) {
    for (const pause of resolvePauses(opts.pauses, instantMs(trigger), opts.now)) {
      pausedWorkingDays += cal.workingDaysBetween(
        shanghaiDate(pause.fromMs),
        shanghaiDate(pause.toMs),
      );
    }
  }
  const date = cal.addWorkingDays(start, workingDays + extraWorkingDays + pausedWorkingDays);
  let provisional = false;
  for (let year = yearOf(start); year <= yearOf(date) && !provisional; year++) {
    provisional = cal.isProvisional(`${year}-01-01`);
  }
  return { date, dueAt: endOfDay(date), provisional, pausedWorkingDays };
}
