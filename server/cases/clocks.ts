import type { Kysely } from 'kysely';
import { caseClocks, shownClock, type ClockView, type OpenCase } from '../../shared/case';
import {
  createCalendar,
  officialCalendarData,
  type Calendar,
  type Level,
  type Thresholds,
} from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { readClosures } from '../admin/closures';
import { readSettings } from '../admin/settings';

// The center measures clocks the way a terminal does (electron/services/projections.ts), so the
// supervisor's red list and the window's own list agree about every case.

/** What measuring a clock needs besides the case: the calendar, the thresholds, the moment. */
export type ClockContext = { calendar: Calendar; thresholds: Thresholds; now: Date };

export async function clockContext(db: Kysely<ServerDb>, now: Date): Promise<ClockContext> {
  const [calendar, settings] = await Promise.all([centerCalendar(db), readSettings(db)]);
  return { calendar, thresholds: settings.thresholds, now };
}

let memo: { key: string; calendar: Calendar } | null = null;

/**
 * The official tables shipped with the program plus the center's closures: what a terminal
 * builds from the same reference data. Building one walks a century of days, so the last one is
 * kept — keyed by its content, so a closure added by another process is never missed.
 */
export async function centerCalendar(db: Kysely<ServerDb>): Promise<Calendar> {
  const closures = await readClosures(db);
  const key = JSON.stringify(closures);
  if (memo?.key !== key) memo = { key, calendar: createCalendar(officialCalendarData(closures)) };
  return memo.calendar;
}

/**
 * The case's clocks at `now`, or null when the calendar cannot measure the case's dates. A case
 * pins the calendar version it was received under and the center keeps no history of versions
 * (one closures table), so a case pinned to another version is measured against the current
 * calendar: the days it yields are today's working days, which is what supervision asks about.
 */
export function clocksAt(
  state: OpenCase,
  cal: Calendar,
  now: Date,
  t: Thresholds,
): ClockView[] | null {
  const pinned =
    state.calendarVersion === cal.version ? state : { ...state, calendarVersion: cal.version };
  try {
    return caseClocks(pinned, cal, now, t);
  } catch (error) {
    // The reducer admits any ISO time, the calendar only 2000–2100: an event from a terminal
    // whose clock said 2150 must not make every later push of it fail (the terminal would retry
    // forever) nor every list that includes its case. Such a case has no due date and no level.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** The level of the clock a window's work list shows (shared/case shownClock). */
export function levelOf(clocks: readonly ClockView[]): Level {
  const shown = shownClock(clocks);
  return shown?.remaining.level ?? 'normal';
}
