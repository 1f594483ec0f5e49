import { z } from 'zod';
import type { OfficialYear } from './calendar-data';
import { addDays, isLocalDate, isWeekend, toDayNumber, yearOf, type LocalDate } from './local-date';
import { statutoryHolidays } from './statutory';

// The State Council's table of a year (国务院办公厅关于某年部分节假日安排的通知) as the center's
// manager types it in when it is published, before any program update ships it. Every terminal
// then counts that year with it, so a mistyped table moves the deadlines of every case: each
// check below refuses a table that cannot be the State Council's.

/** The fields of the form; the lists are the dates the manager typed. */
export const officialEntryFields = ['year', 'holidays', 'workdays', 'confirmPast'] as const;
export type OfficialEntryField = (typeof officialEntryFields)[number];

export const officialEntrySchema = z.strictObject({
  year: z.number().int(),
  /** every day off of the year's table: the statutory days and the bridging days (调休放假) */
  holidays: z.array(z.string().max(20)).max(366),
  /** the make-up working days (调休上班): Saturdays and Sundays worked */
  workdays: z.array(z.string().max(20)).max(366),
  /** the manager confirmed entering a year already past (it changes closed cases' history) */
  confirmPast: z.boolean().optional(),
});
export type OfficialEntry = z.infer<typeof officialEntrySchema>;

export type OfficialEntryProblem = { field: OfficialEntryField; message: string };

/** The years a table may be entered for: those the calendar covers and statutory days are known. */
export const enterableYears = { first: 2000, last: 2099 } as const;

/**
 * Everything wrong with an entered table, each at its field, in the order the form shows them;
 * empty when the table may be stored. `currentYear` is the center's (Beijing) year.
 */
export function officialEntryProblems(
  entry: OfficialEntry,
  currentYear: number,
): OfficialEntryProblem[] {
  const problems: OfficialEntryProblem[] = [];
  const { year } = entry;
  if (!Number.isInteger(year) || year < enterableYears.first || year > enterableYears.last) {
    return [
      {
        field: 'year',
        message: `年份须在 ${enterableYears.first}–${enterableYears.last} 之间`,
      },
    ];
  }
  if (year < currentYear && entry.confirmPast !== true) {
    problems.push({
      field: 'confirmPast',
      message: `${year}年已过去：录入将改变该年案件的期限，请确认后再保存`,
    });
  }
  const listProblems = (field: 'holidays' | 'workdays', dates: readonly string[]) => {
    const seen = new Set<string>();
    for (const date of dates) {
      if (!isLocalDate(date)) {
        problems.push({ field, message: `日期无效：${String(date)}（须为 YYYY-MM-DD）` });
      } else if (yearOf(date) !== year) {
        problems.push({ field, message: `${date} 不在${year}年` });
      } else if (seen.has(date)) {
        problems.push({ field, message: `${date} 重复` });
      }
      seen.add(date);
    }
    return seen;
  };
  const holidays = listProblems('holidays', entry.holidays);
  const workdays = listProblems('workdays', entry.workdays);

  // 《全国年节及纪念日放假办法》 fixes these days; no State Council table can make one a working day.
  const missing = statutoryHolidays(year).filter((d) => !holidays.has(d.date));
  if (missing.length > 0) {
    problems.push({
      field: 'holidays',
      message: `缺少法定节假日：${missing.map((d) => `${d.date}（${d.name}）`).join('、')}`,
    });
  }
  for (const date of workdays) {
    if (!isLocalDate(date) || yearOf(date) !== year) continue;
    if (holidays.has(date)) {
      problems.push({ field: 'workdays', message: `${date} 不能既是放假日又是调休上班日` });
    } else if (!isWeekend(toDayNumber(date))) {
      // Monday to Friday is worked anyway: a "make-up" weekday is a typo for another date.
      problems.push({ field: 'workdays', message: `${date} 不是周六或周日，无须调休上班` });
    }
  }
  return problems;
}

/** The table as the calendar stores it: sorted, each date once. */
export function officialYearOf(entry: OfficialEntry): OfficialYear {
  return {
    holidays: [...new Set(entry.holidays)].sort(),
    workdays: [...new Set(entry.workdays)].sort(),
  };
}

/**
 * Reads dates as the manager types them into the form: one per line or separated by commas, or a
 * range `2027-02-05~2027-02-11` (also `至`). Ranges are expanded; what is not a date is kept as
 * typed, so that the check above names it.
 */
export function parseDateList(text: string): string[] {
  const dates: string[] = [];
  for (const part of text.split(/[\s,，、;；]+/).filter((p) => p !== '')) {
    const range = /^(\d{4}-\d{2}-\d{2})[~～至](\d{4}-\d{2}-\d{2})$/.exec(part);
    const from = range?.[1];
    const to = range?.[2];
    if (from && to && isLocalDate(from) && isLocalDate(to) && from <= to) {
      // a year holds at most 366 days: a longer range is a typo, kept whole so it is named
      if (toDayNumber(to) - toDayNumber(from) > 366) dates.push(part);
      else for (let d: LocalDate = from; d <= to; d = addDays(d, 1)) dates.push(d);
    } else {
      dates.push(part);
    }
  }
  return dates;
}
