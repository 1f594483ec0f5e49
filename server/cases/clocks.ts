import type { Kysely } from 'kysely';
import type { OpenCase } from '../../shared/case';
import {
  createCalendar,
  officialCalendarData,
  type Calendar,
  type Thresholds,
} from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { readClosures } from '../admin/closures';
import { readSettings } from '../admin/settings';

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
 * The case as the center measures it. A case pins the calendar version it was received under and
 * the center keeps no history of versions (one closures table), so a case pinned to another
 * version is measured against the current calendar: the days it yields are today's working days,
 * which is what supervision asks about.
 */
export function repinned(state: OpenCase, cal: Calendar): OpenCase {
  return state.calendarVersion === cal.version ? state : { ...state, calendarVersion: cal.version };
}
