import { assertCount } from './assert-count';
import { coveredYears, normalizeCalendarData, type CalendarData } from './calendar-data';
import {
  civilToDayNumber,
  fromDayNumber,
  isWeekend,
  toDayNumber,
  yearOf,
  type LocalDate,
} from './local-date';
import { statutoryHolidays } from './statutory';
import { calendarVersion } from './version';

export type Calendar = {
  /** Content hash of `data` ('cal-<hex12>'): same data → same version, any change → a new one. */
  readonly version: string;
  readonly data: CalendarData;
  isWorkingDay(date: LocalDate): boolean;
  /**
   * True when the date's year has no official table: its bridging days and make-up working days
   * are not known yet (its statutory days are, under the 'statutoryHolidays' rule).
   */
  isProvisional(date: LocalDate): boolean;
  /** The n-th working day strictly after `from`; n = 0 → `from` itself. */
  addWorkingDays(from: LocalDate, n: number): LocalDate;
  /** Working days d with from < d <= to; 0 when to <= from. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
};

const FIRST_DAY = civilToDayNumber(coveredYears.first, 1, 1);
const DAY_COUNT = civilToDayNumber(coveredYears.last, 12, 31) - FIRST_DAY + 1;

function dayIndex(date: LocalDate): number {
  const index = toDayNumber(date) - FIRST_DAY;
  if (index < 0 || index >= DAY_COUNT) {
    throw new RangeError(
      `Date ${date} is outside the supported years ${coveredYears.first}–${coveredYears.last}`,
    );
  }
  return index;
}

/**
 * The 2024 text of 《全国年节及纪念日放假办法》 (2 more days: 除夕 and May 2) took effect on
 * 2025-01-01; earlier years all have tables anyway. statutoryHolidays stops at 2099.
 */
const statutoryRuleFirstYear = 2025;
const statutoryRuleLastYear = 2099;

// Lunar dates cost a library call each; every calendar built asks for the same years.
const statutoryByYear = new Map<number, readonly LocalDate[]>();
function statutoryDates(year: number): readonly LocalDate[] {
  let dates = statutoryByYear.get(year);
  if (!dates) {
    dates = Object.freeze(statutoryHolidays(year).map((d) => d.date));
    statutoryByYear.set(year, dates);
  }
  return dates;
}

export function createCalendar(input: CalendarData): Calendar {
  const data = normalizeCalendarData(input);
  const officialYears = new Set(Object.keys(data.official).map(Number));
  // Order matters: the weekday rule, then the statutory days of a year without a table, then the
  // official tables, then the center's closures, which win even over a make-up working day.
  const working = new Uint8Array(DAY_COUNT);
  for (let i = 0; i < DAY_COUNT; i++) working[i] = isWeekend(FIRST_DAY + i) ? 0 : 1;
  if (data.provisional === 'statutoryHolidays') {
    for (let year = statutoryRuleFirstYear; year <= statutoryRuleLastYear; year++) {
      if (officialYears.has(year)) continue;
      for (const date of statutoryDates(year)) working[dayIndex(date)] = 0;
    }
  }
  for (const table of Object.values(data.official)) {
    for (const date of table.holidays) working[dayIndex(date)] = 0;
    for (const date of table.workdays) working[dayIndex(date)] = 1;
  }
  for (const closure of data.closures) working[dayIndex(closure.date)] = 0;

  // workingUpTo[i] = working days among the first i covered days; ordinals[k] = index of the
  // (k+1)-th working day. Together they make counting and stepping O(1) instead of a walk.
  const workingUpTo = new Int32Array(DAY_COUNT + 1);
  const ordinalList: number[] = [];
  for (let i = 0; i < DAY_COUNT; i++) {
    if (working[i] === 1) ordinalList.push(i);
    workingUpTo[i + 1] = ordinalList.length;
  }
  const ordinals = Int32Array.from(ordinalList);
  // Typed-array reads inside the range are always defined; `?? 0` only satisfies the type checker.
  const upTo = (index: number): number => workingUpTo[index] ?? 0;

  return Object.freeze({
    version: calendarVersion(data),
    data,
    isWorkingDay: (date: LocalDate) => working[dayIndex(date)] === 1,
    isProvisional: (date: LocalDate) => {
      dayIndex(date);
      return !officialYears.has(yearOf(date));
    },
    addWorkingDays: (from: LocalDate, n: number) => {
      assertCount('Working days to add', n);
      const index = dayIndex(from);
      if (n === 0) return from;
      const target = ordinals[upTo(index + 1) + n - 1];
      if (target === undefined) {
        throw new RangeError(
          `${n} working days after ${from} is beyond ${coveredYears.last}-12-31`,
        );
      }
      return fromDayNumber(FIRST_DAY + target);
    },
    workingDaysBetween: (from: LocalDate, to: LocalDate) => {
      const a = dayIndex(from);
      const b = dayIndex(to);
      return b <= a ? 0 : upTo(b + 1) - upTo(a + 1);
    },
  });
}
