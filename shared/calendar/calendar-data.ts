import { toDayNumber, yearOf, type LocalDate } from './local-date';

/** A day the center itself closes (non-working) beyond the State Council's table. */
export type Closure = { date: LocalDate; reason: string };

export type OfficialYear = { holidays: LocalDate[]; workdays: LocalDate[] };

/**
 * How a year without an official table is counted. Absent (every calendar stored before issue 14,
 * pinned by the cases received under it): plain Mon–Fri, so none of their printed dates moves.
 * 'statutoryHolidays': the days 《全国年节及纪念日放假办法》 fixes are holidays too (from 2025, when
 * its 2024 text took effect); only the bridging days and make-up working days stay unknown.
 */
export const provisionalRules = ['statutoryHolidays'] as const;
export type ProvisionalRule = (typeof provisionalRules)[number];

export type CalendarData = {
  /** Per year ('2025'): holidays are off even on Mon–Fri; make-up workdays are working even on Sat/Sun. */
  official: Record<string, OfficialYear>;
  closures: Closure[];
  /** Part of the content, hence of the version: it changes what a year without a table computes. */
  provisional?: ProvisionalRule;
};

// Working days are precomputed densely over this span; a case lives weeks or months, so a
// century either side of today is ample, and the bound keeps the table small (~37k days).
export const coveredYears = { first: 2000, last: 2100 } as const;

function assertCoveredDate(date: LocalDate, what: string): void {
  toDayNumber(date);
  const year = yearOf(date);
  if (year < coveredYears.first || year > coveredYears.last) {
    throw new RangeError(
      `${what} ${date} is outside the supported years ${coveredYears.first}–${coveredYears.last}`,
    );
  }
}

function sortedUnique(dates: readonly LocalDate[]): LocalDate[] {
  return [...new Set(dates)].sort();
}

/**
 * Validates and puts the data in one canonical order (sorted, deduplicated, frozen), so that
 * equal content always yields an equal version and nobody can edit a calendar after its version
 * was taken.
 */
export function normalizeCalendarData(data: CalendarData): CalendarData {
  const official: Record<string, OfficialYear> = {};
  for (const key of Object.keys(data.official).sort()) {
    const table = data.official[key];
    if (!/^\d{4}$/.test(key) || !table)
      throw new Error(`Invalid official table key '${key}': expected a year like '2025'`);
    const holidays = sortedUnique(table.holidays);
    const workdays = sortedUnique(table.workdays);
    for (const date of [...holidays, ...workdays]) {
      assertCoveredDate(date, `Official ${key} date`);
      if (yearOf(date) !== Number(key))
        throw new Error(`Official table ${key} lists ${date} of another year`);
    }
    const both = holidays.filter((date) => workdays.includes(date));
    if (both.length > 0)
      throw new Error(`Official table ${key} lists ${both.join(', ')} as both holiday and workday`);
    official[key] = Object.freeze({
      holidays: Object.freeze(holidays),
      workdays: Object.freeze(workdays),
    }) as OfficialYear;
  }

  const closures = [...data.closures].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  closures.forEach((closure, i) => {
    assertCoveredDate(closure.date, 'Closure');
    if (typeof closure.reason !== 'string' || closure.reason.trim() === '') {
      throw new Error(`Closure ${closure.date} needs a reason`);
    }
    if (closures[i - 1]?.date === closure.date)
      throw new Error(`Closure ${closure.date} is listed twice`);
  });

  if (data.provisional !== undefined && !provisionalRules.includes(data.provisional)) {
    throw new Error(`Unknown provisional rule '${String(data.provisional)}'`);
  }

  return Object.freeze({
    official: Object.freeze(official),
    closures: Object.freeze(closures.map((c) => Object.freeze({ date: c.date, reason: c.reason }))),
    // Only when present: data without the key must keep the exact JSON, hence the version, it had.
    ...(data.provisional !== undefined ? { provisional: data.provisional } : {}),
  }) as CalendarData;
}
