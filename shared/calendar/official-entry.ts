import { z } from 'zod';
import type { OfficialYear } from './calendar-data';
import {
  addDays,
  civilToDayNumber,
  fromDayNumber,
  isLocalDate,
  isWeekend,
  toDayNumber,
  yearOf,
  type LocalDate,
} from './local-date';
import { officialCalendarData } from './official';
import { statutoryHolidays } from './statutory';

// The State Council's table of a year (国务院办公厅关于某年部分节假日安排的通知) as the center's
// manager types it in when it is published, before any program update ships it. Every terminal
// then counts that year with it, so a mistyped table moves the deadlines of every case: each
// check below refuses a table that cannot be the State Council's.

/** The fields of the form; the lists are the dates the manager typed. */
export const officialEntryFields = [
  'year',
  'holidays',
  'workdays',
  'confirmPast',
  'confirmReplace',
] as const;
export type OfficialEntryField = (typeof officialEntryFields)[number];

export const officialEntrySchema = z.strictObject({
  year: z.number().int(),
  /** every day off of the year's table: the statutory days and the bridging days (调休放假) */
  holidays: z.array(z.string().max(20)).max(366),
  /** the make-up working days (调休上班): Saturdays and Sundays worked */
  workdays: z.array(z.string().max(20)).max(366),
  /** the manager confirmed entering a year already past (it changes closed cases' history) */
  confirmPast: z.boolean().optional(),
  /** the manager confirmed replacing the table in force for that year (shipped or entered) */
  confirmReplace: z.boolean().optional(),
});
export type OfficialEntry = z.infer<typeof officialEntrySchema>;

export type OfficialEntryProblem = { field: OfficialEntryField; message: string };

/** The years a table may be entered for: those the calendar covers and statutory days are known. */
export const enterableYears = { first: 2000, last: 2099 } as const;

/**
 * The table a year is counted with now: the one entered at the center, else the one shipped with
 * the program (chinese-days). Replacing either moves deadlines, so it needs a confirmation.
 */
export type TableInForce = { source: 'shipped' | 'entered'; table: OfficialYear };

export const tableSourceLabels = { shipped: '随程序发布', entered: '已录入' } as const;

/** `entered` are the tables the center stores, by year ('2027'). */
export function tableInForce(
  year: number,
  entered: Readonly<Record<string, OfficialYear>>,
): TableInForce | undefined {
  const own = entered[String(year)];
  if (own) return { source: 'entered', table: own };
  const shipped = officialCalendarData().official[String(year)];
  return shipped ? { source: 'shipped', table: shipped } : undefined;
}

/**
 * The days of `year` whose working status a new table changes against the one in force: a weekday
 * made a day off or given back as a working day, a weekend day made or no longer a make-up working
 * day. A listed weekend day off that stays off is no change, whatever the lists say.
 */
export type OfficialTableChanges = {
  holidaysAdded: LocalDate[];
  holidaysRemoved: LocalDate[];
  workdaysAdded: LocalDate[];
  workdaysRemoved: LocalDate[];
};

export function officialTableChanges(
  year: number,
  next: OfficialYear,
  current: OfficialYear,
): OfficialTableChanges {
  const worksUnder = (table: OfficialYear) => {
    const holidays = new Set(table.holidays);
    const workdays = new Set(table.workdays);
    return (date: LocalDate, weekend: boolean) =>
      workdays.has(date) || (!holidays.has(date) && !weekend);
  };
  const worksNext = worksUnder(next);
  const worksNow = worksUnder(current);
  const changes: OfficialTableChanges = {
    holidaysAdded: [],
    holidaysRemoved: [],
    workdaysAdded: [],
    workdaysRemoved: [],
  };
  for (let d = civilToDayNumber(year, 1, 1); d <= civilToDayNumber(year, 12, 31); d += 1) {
    const date = fromDayNumber(d);
    const weekend = isWeekend(d);
    const after = worksNext(date, weekend);
    if (after === worksNow(date, weekend)) continue;
    if (weekend) (after ? changes.workdaysAdded : changes.workdaysRemoved).push(date);
    else (after ? changes.holidaysRemoved : changes.holidaysAdded).push(date);
  }
  return changes;
}

/** The changes in one Chinese sentence, as the center's refusal and the form show them. */
export function describeTableChanges(changes: OfficialTableChanges): string {
  const parts = (
    [
      ['新增放假日', changes.holidaysAdded],
      ['取消放假日（改为工作日）', changes.holidaysRemoved],
      ['新增调休上班日', changes.workdaysAdded],
      ['取消调休上班日', changes.workdaysRemoved],
    ] as const
  )
    .filter(([, dates]) => dates.length > 0)
    .map(([label, dates]) => `${label} ${dates.join('、')}`);
  return parts.length > 0 ? parts.join('；') : '与现行安排相同';
}

// 《全国年节及纪念日放假办法》 as amended in 2024 (in force from 2025) fixes the 13 statutory days and
// the State Council only bridges them to weekends; the tables of 2025 and 2026 both leave 248
// working days. A table outside these bounds is a typo (a whole range pasted as days off, a
// weekday off for no holiday), so the plausibility checks hold from then on only.
export const plausibleTablesFrom = 2025;
export const plausibleWorkingDays = { min: 245, max: 251, published: 248 } as const;

/**
 * Everything wrong with an entered table, each at its field, in the order the form shows them;
 * empty when the table may be stored. `currentYear` is the center's (Beijing) year; `inForce` the
 * table the year is counted with now (`tableInForce`), which the entry would replace.
 */
export function officialEntryProblems(
  entry: OfficialEntry,
  currentYear: number,
  inForce: TableInForce | undefined,
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
  const statutory = statutoryHolidays(year);
  const missing = statutory.filter((d) => !holidays.has(d.date));
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
  // Only a table whose dates are right is weighed as a whole: a count of working days built on a
  // mistyped date would only repeat the mistake in other words.
  if (year >= plausibleTablesFrom && problems.every((p) => p.field === 'confirmPast')) {
    problems.push(...plausibilityProblems(year, holidays, workdays));
  }

  // Last, so that the form shows first what is wrong with the table itself, then what it replaces.
  if (inForce && entry.confirmReplace !== true) {
    const changes = officialTableChanges(year, officialYearOf(entry), inForce.table);
    problems.push({
      field: 'confirmReplace',
      message:
        `该年度已有国务院节假日安排（${tableSourceLabels[inForce.source]}）：` +
        `如国务院调整了安排，请确认替换（${describeTableChanges(changes)}）`,
    });
  }
  return problems;
}

/**
 * The checks a State Council table under the 2024 text always passes: every bridging day off
 * touches a statutory day through a run of days off, and the year keeps 245–251 working days.
 */
function plausibilityProblems(
  year: number,
  holidays: ReadonlySet<string>,
  workdays: ReadonlySet<string>,
): OfficialEntryProblem[] {
  const problems: OfficialEntryProblem[] = [];
  // Days of the neighbouring years are counted by what is certain of them (weekends, statutory
  // days): a bridging 31 December joined to next year's 元旦 is then not refused.
  const statutoryDays = new Set(
    [year - 1, year, year + 1].flatMap((y) => statutoryHolidays(y).map((d) => d.date)),
  );
  const isOff = (day: number): boolean => {
    const date = fromDayNumber(day);
    if (yearOf(date) !== year) return isWeekend(day) || statutoryDays.has(date);
    if (workdays.has(date)) return false;
    return holidays.has(date) || isWeekend(day);
  };
  const first = civilToDayNumber(year, 1, 1);
  const last = civilToDayNumber(year, 12, 31);

  const unjoined: LocalDate[] = [];
  const checked = new Set<number>();
  for (const date of [...holidays].sort()) {
    if (!isLocalDate(date) || yearOf(date) !== year || statutoryDays.has(date)) continue;
    const day = toDayNumber(date);
    if (checked.has(day) || !isOff(day)) continue;
    // the whole run of days off around it, and whether a statutory day lies in it
    let from = day;
    while (isOff(from - 1)) from -= 1;
    let to = day;
    while (isOff(to + 1)) to += 1;
    let joined = false;
    for (let d = from; d <= to; d += 1) {
      checked.add(d);
      if (statutoryDays.has(fromDayNumber(d))) joined = true;
    }
    if (!joined) {
      for (let d = from; d <= to; d += 1) {
        const inRun = fromDayNumber(d);
        if (holidays.has(inRun) && !statutoryDays.has(inRun)) unjoined.push(inRun);
      }
    }
  }
  if (unjoined.length > 0) {
    problems.push({
      field: 'holidays',
      message: `调休放假须与法定节假日相连：${unjoined.join('、')} 前后没有法定节假日`,
    });
  }

  let working = 0;
  for (let d = first; d <= last; d += 1) if (!isOff(d)) working += 1;
  const { min, max, published } = plausibleWorkingDays;
  if (working < min || working > max) {
    problems.push({
      // too few working days: days off too many; too many: make-up days too many
      field: working < min ? 'holidays' : 'workdays',
      message:
        `全年工作日 ${working} 天，不在 ${min}–${max} 天之间` +
        `（2025、2026 年均为 ${published} 天）：请核对${working < min ? '放假日' : '调休上班日'}`,
    });
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
