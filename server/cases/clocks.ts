import type { Kysely } from 'kysely';
import type { OpenCase } from '../../shared/case';
import {
  createCalendar,
  officialCalendarData,
  shanghaiIso,
  type Calendar,
  type CalendarData,
  type Thresholds,
} from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { readClosures } from '../admin/closures';
import { readOfficialYears } from '../admin/official-tables';
import { readSettings } from '../admin/settings';

/**
 * What measuring a clock needs besides the case: the center's current calendar, every version it
 * made (`pinned`: undefined for a version it never saw), the thresholds, the moment.
 */
export type ClockContext = {
  calendar: Calendar;
  pinned: (version: string) => Calendar | undefined;
  thresholds: Thresholds;
  now: Date;
};

export async function clockContext(db: Kysely<ServerDb>, now: Date): Promise<ClockContext> {
  const [calendar, settings] = await Promise.all([centerCalendar(db), readSettings(db)]);
  const pinned = await madeCalendars(db);
  return { calendar, pinned, thresholds: settings.thresholds, now };
}

let memo: { key: string; calendar: Calendar } | null = null;
// A version is the hash of its content: a calendar built for one never goes stale.
const built = new Map<string, Calendar>();

/**
 * The official tables shipped with the program, the years the manager entered, and the center's
 * closures: what a terminal builds from the same reference data. Building one walks a century of
 * days, so the last one is kept — keyed by its content, so a change by another process is never
 * missed. Each version is recorded the first time the center meets it, so that cases pinned to
 * it are measured on it after the calendar moved on.
 */
export async function centerCalendar(db: Kysely<ServerDb>): Promise<Calendar> {
  const [closures, published] = await Promise.all([readClosures(db), readOfficialYears(db)]);
  const key = JSON.stringify([closures, published]);
  if (memo?.key !== key) {
    memo = { key, calendar: createCalendar(officialCalendarData(closures, published)) };
    built.set(memo.calendar.version, memo.calendar);
  }
  await recordVersion(db, memo.calendar);
  return memo.calendar;
}

async function recordVersion(db: Kysely<ServerDb>, calendar: Calendar): Promise<void> {
  const known = await db
    .selectFrom('calendar_versions')
    .select('version')
    .where('version', '=', calendar.version)
    .executeTakeFirst();
  if (known) return;
  await db
    .insertInto('calendar_versions')
    .values({
      version: calendar.version,
      data: JSON.stringify(calendar.data),
      created_at: shanghaiIso(new Date()),
    })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

/** Every calendar version the center made, by version: their ids are read, data only when new. */
export async function madeCalendars(
  db: Kysely<ServerDb>,
): Promise<(version: string) => Calendar | undefined> {
  const ids = await db.selectFrom('calendar_versions').select('version').execute();
  const missing = ids.map((r) => r.version).filter((v) => !built.has(v));
  if (missing.length > 0) {
    const rows = await db
      .selectFrom('calendar_versions')
      .select(['version', 'data'])
      .where('version', 'in', missing)
      .execute();
    for (const row of rows) {
      const calendar = createCalendar(JSON.parse(row.data) as CalendarData);
      // a row whose data no longer hashes to its id was altered by hand: it names nothing
      if (calendar.version === row.version) built.set(row.version, calendar);
    }
  }
  const made = new Set(ids.map((r) => r.version));
  return (version) => (made.has(version) ? built.get(version) : undefined);
}

/**
 * The calendar a case is measured on: the version it pinned when the center made it, else (a
 * version the center never saw: a terminal's own before it first synced, or one from before the
 * center kept versions) the current one.
 */
export function caseCalendar(state: Pick<OpenCase, 'calendarVersion'>, c: ClockContext): Calendar {
  return c.pinned(state.calendarVersion) ?? c.calendar;
}

/**
 * The case as the center measures it: on its own version when the center has it, else repinned
 * to the current calendar, whose days are today's working days — what supervision asks about.
 */
export function repinned(state: OpenCase, cal: Calendar): OpenCase {
  return state.calendarVersion === cal.version ? state : { ...state, calendarVersion: cal.version };
}

/** The state and the calendar to measure it on, together (see caseCalendar). */
export function measured(
  state: OpenCase,
  c: ClockContext,
): { state: OpenCase; calendar: Calendar } {
  const calendar = caseCalendar(state, c);
  return { state: repinned(state, calendar), calendar };
}
