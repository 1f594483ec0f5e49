import type { z } from 'zod';
import { coveredYears } from './calendar-data';
import { addDays, isLocalDate, toDayNumber, type LocalDate } from './local-date';

// Issue 16 point 3 — a date a person types is checked by what it means, not only by its form:
// 1990-01-01 is a well-formed date and nonsense as a report day, a closure or a dashboard day.
// Shared so the terminal and the center refuse the same dates with the same sentence. The rules
// that depend on today take it as an argument (shared/ keeps no clock): each side passes its own.

/** The first day anything of this program can be about: the calendar starts there. */
export const earliestTypedDay: LocalDate = `${coveredYears.first}-01-01`;

/**
 * How far ahead a typed day may lie: a year and a day (a leap year's same date). Further ahead
 * the calendar is provisional and nothing the hall plans or reports on is there yet.
 */
export const typedDaysAhead = 366;

/** The longest period one report covers: a (leap) year, both ends counted. */
export const longestPeriodDays = 366;

export type PeriodField = 'from' | 'to';
export type PeriodProblem = { field: PeriodField; message: string };
export type Period = { from: LocalDate; to: LocalDate };

/** The latest day a person may type on `today` (Asia/Shanghai). */
export function latestTypedDay(today: LocalDate): LocalDate {
  return addDays(today, typedDaysAhead);
}

/**
 * Why `date` is no day a person means, or null. Without `today` only the lower bound is judged
 * (a zod schema has no clock); the handler that has one judges again with it.
 */
export function typedDayProblem(date: LocalDate, today?: LocalDate): string | null {
  if (date < earliestTypedDay) return `日期不能早于 ${earliestTypedDay}`;
  if (today !== undefined && date > latestTypedDay(today)) {
    return `日期不能晚于 ${latestTypedDay(today)}（今天起一年以内）`;
  }
  return null;
}

/** Why a report period makes no sense, naming the field to mark, or null. */
export function periodProblem(period: Period, today?: LocalDate): PeriodProblem | null {
  for (const field of ['from', 'to'] as const) {
    const message = typedDayProblem(period[field], today);
    if (message) return { field, message };
  }
  if (period.from > period.to) return { field: 'to', message: '开始日期不能晚于结束日期' };
  if (toDayNumber(period.to) - toDayNumber(period.from) + 1 > longestPeriodDays) {
    return { field: 'to', message: `一次最多统计一年（${longestPeriodDays}天）` };
  }
  return null;
}

/**
 * The clock-free part of `periodProblem` as a zod refinement, for the schemas of both contracts
 * (`z.object({ from, to }).superRefine(refinePeriod)`); a well-formed date is left to the fields.
 */
export function refinePeriod(period: Period, ctx: z.RefinementCtx): void {
  // zod runs an object's refinement after a field's format issue too: that one is the message
  if (!isLocalDate(period.from) || !isLocalDate(period.to)) return;
  const problem = periodProblem(period);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
}

/** One typed day's lower bound as a zod refinement (`z.iso.date().superRefine(refineTypedDay)`). */
export function refineTypedDay(date: LocalDate, ctx: z.RefinementCtx): void {
  if (!isLocalDate(date)) return;
  const message = typedDayProblem(date);
  if (message) ctx.addIssue({ code: 'custom', message });
}
