import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import type { CalendarData } from './calendar-data';
import { addDays, fromDayNumber, toDayNumber, type LocalDate } from './local-date';
import { officialCalendarData, officialYears } from './official';
import { statutoryHolidays } from './statutory';

// The reference: the rule read straight from the data, one day at a time, with no precomputation.
function naiveIsWorking(data: CalendarData, date: LocalDate): boolean {
  if (data.closures.some((c) => c.date === date)) return false;
  const year = Number(date.slice(0, 4));
  const table = data.official[String(year)];
  if (table?.workdays.includes(date)) return true;
  if (table?.holidays.includes(date)) return false;
  if (!table && data.provisional === 'statutoryHolidays' && year >= 2025) {
    if (statutoryHolidays(year).some((h) => h.date === date)) return false;
  }
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function naiveAdd(data: CalendarData, from: LocalDate, n: number): LocalDate {
  let date = from;
  for (let left = n; left > 0;) {
    date = addDays(date, 1);
    if (naiveIsWorking(data, date)) left--;
  }
  return date;
}

function naiveBetween(data: CalendarData, from: LocalDate, to: LocalDate): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1))
    if (naiveIsWorking(data, date)) count++;
  return count;
}

const closures = [
  { date: '2025-03-05', reason: '系统升级停办' },
  { date: '2025-09-28', reason: '大厅消防检修' }, // a make-up Sunday: the closure wins
];
const data = officialCalendarData(closures);
const cal = createCalendar(data);
const plain = createCalendar(officialCalendarData());

// 2024-12-01 … 2027-01-31, so that sums cross year ends and reach a year without a table.
const dates = fc
  .integer({ min: toDayNumber('2024-12-01'), max: toDayNumber('2027-01-31') })
  .map(fromDayNumber);

describe('createCalendar', () => {
  it('applies weekends, holidays, make-up days and closures', () => {
    expect(plain.isWorkingDay('2025-03-03')).toBe(true); // Monday
    expect(plain.isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(plain.isWorkingDay('2025-10-08')).toBe(false); // Wednesday in the National Day holiday
    expect(plain.isWorkingDay('2025-01-26')).toBe(true); // Sunday made a working day
    expect(plain.isWorkingDay('2025-03-05')).toBe(true);
    expect(cal.isWorkingDay('2025-03-05')).toBe(false);
    expect(plain.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.isWorkingDay('2025-09-28')).toBe(false);
  });

  it('agrees with the day-by-day rule on every day of 2024–2027', () => {
    for (let d = '2024-01-01'; d <= '2027-12-31'; d = addDays(d, 1)) {
      expect(cal.isWorkingDay(d), d).toBe(naiveIsWorking(data, d));
    }
  });

  it('adds and counts working days like the day-by-day loop', () => {
    fc.assert(
      fc.property(dates, dates, fc.integer({ min: 0, max: 60 }), (from, to, n) => {
        expect(cal.addWorkingDays(from, n)).toBe(naiveAdd(data, from, n));
        expect(cal.workingDaysBetween(from, to)).toBe(naiveBetween(data, from, to));
      }),
    );
  });

  it('counts nothing back in time, and adding 0 stays put even on a day off', () => {
    expect(cal.workingDaysBetween('2025-03-10', '2025-03-03')).toBe(0);
    expect(cal.workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
    expect(cal.addWorkingDays('2025-10-01', 0)).toBe('2025-10-01');
  });

  it('says which dates are provisional', () => {
    // The first year without a table: 2027 with chinese-days 1.5.7, later once it learns 2027.
    const next = Math.max(...officialYears()) + 1;
    expect(next).toBeGreaterThanOrEqual(2027);
    expect(cal.isProvisional('2026-12-31')).toBe(false);
    expect(cal.isProvisional('2025-06-01')).toBe(false);
    expect(cal.isProvisional(`${next}-01-01`)).toBe(true);
    expect(cal.isProvisional(`${next}-10-01`)).toBe(true);
    // Such a year has its statutory days off and otherwise the Mon–Fri rule: its make-up
    // working days are unknown, which is why it is flagged.
    const statutory = new Set(statutoryHolidays(next).map((h) => h.date));
    expect(statutory.size).toBe(13);
    for (let d = `${next}-01-01`; d <= `${next}-12-31`; d = addDays(d, 1)) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      expect(cal.isWorkingDay(d), d).toBe(weekday !== 0 && weekday !== 6 && !statutory.has(d));
    }
  });

  it('counts a year without a table Mon–Fri for data stored without the statutory rule', () => {
    // What every terminal stored before the rule existed, pinned by the cases received under it.
    const stored = createCalendar({ official: data.official, closures: data.closures });
    expect(stored.isWorkingDay('2027-01-01')).toBe(true); // a Friday, 元旦
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(stored.isWorkingDay('2027-02-08')).toBe(true); // 春节 初二, a Monday
    expect(cal.isWorkingDay('2027-02-08')).toBe(false);
    for (let d = '2025-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      expect(stored.isWorkingDay(d), d).toBe(cal.isWorkingDay(d));
    }
  });

  it('applies the statutory days only from 2025, when the 2024 text of the law took effect', () => {
    const noTables = createCalendar({
      official: {},
      closures: [],
      provisional: 'statutoryHolidays',
    });
    expect(noTables.isWorkingDay('2024-05-02')).toBe(true); // a Thursday: not yet a holiday
    expect(noTables.isWorkingDay('2025-05-02')).toBe(false); // a Friday, 劳动节
    expect(noTables.isWorkingDay('2025-05-05')).toBe(true); // the table's bridging day is unknown
  });

  it('lets a published table replace the statutory days and end the provisional flag', () => {
    // A made-up 2027 table: what the center manager enters once the State Council publishes it.
    const published = {
      '2027': { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-09'] },
    };
    const withTable = createCalendar(officialCalendarData([], published));
    expect(withTable.isProvisional('2027-06-01')).toBe(false);
    expect(withTable.isWorkingDay('2027-01-09')).toBe(true); // a Saturday made a working day
    // the table is the whole truth for its year: 国庆 is not in this made-up one
    expect(withTable.isWorkingDay('2027-10-01')).toBe(true);
    expect(withTable.version).not.toBe(plain.version);
    // a shipped year is replaced too
    const replaced = createCalendar(
      officialCalendarData([], { '2026': { holidays: ['2026-01-01'], workdays: [] } }),
    );
    expect(replaced.isWorkingDay('2026-02-16')).toBe(true);
    expect(plain.isWorkingDay('2026-02-16')).toBe(false);
  });

  it('rejects bad input with clear errors', () => {
    expect(() => cal.isWorkingDay('2025-02-30')).toThrow("Invalid date '2025-02-30'");
    expect(() => cal.addWorkingDays('2025-02-29', 1)).toThrow(/Invalid date/);
    expect(() => cal.addWorkingDays('2025-03-03', -1)).toThrow(/whole number/);
    expect(() => cal.addWorkingDays('2025-03-03', 1.5)).toThrow(/whole number/);
    expect(() => cal.isWorkingDay('1999-12-31')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2100-12-20', 30)).toThrow(/beyond 2100-12-31/);
  });
});

describe('calendar data and version', () => {
  it('names content: same data → same version, in any order', () => {
    expect(cal.version).toMatch(/^cal-[0-9a-f]{12}$/);
    const reordered = officialCalendarData([...closures].reverse());
    expect(createCalendar(reordered).version).toBe(cal.version);
    expect(plain.version).not.toBe(cal.version);
  });

  it('keeps the version of data stored without the statutory rule, so pinned cases still find it', () => {
    // The version terminals stored for chinese-days' tables and no closure before the rule existed
    // (tests/reports/golden-events.json was written on it): the same bytes must hash the same.
    const stored = createCalendar({ official: plain.data.official, closures: [] });
    expect(stored.version).toBe('cal-7db649b51088');
    expect(stored.data).not.toHaveProperty('provisional');
    expect(plain.data.provisional).toBe('statutoryHolidays');
    expect(plain.version).not.toBe(stored.version);
    expect(() =>
      createCalendar({
        official: {},
        closures: [],
        provisional: 'weekdays' as 'statutoryHolidays',
      }),
    ).toThrow(/Unknown provisional rule/);
  });

  it('changes the version when a closure is added, moved or re-explained', () => {
    const versions = new Set([
      plain.version,
      cal.version,
      createCalendar(officialCalendarData([closures[0]!])).version,
      createCalendar(officialCalendarData([{ date: '2025-03-06', reason: '系统升级停办' }]))
        .version,
      createCalendar(officialCalendarData([{ date: '2025-03-05', reason: '停电' }])).version,
    ]);
    expect(versions.size).toBe(5);
  });

  it('freezes its data', () => {
    expect(Object.isFrozen(cal.data.closures)).toBe(true);
    expect(() =>
      (cal.data.closures as unknown as unknown[]).push({ date: '2025-03-07', reason: 'x' }),
    ).toThrow();
    expect(cal.data.closures.map((c) => c.date)).toEqual(['2025-03-05', '2025-09-28']);
  });

  it('rejects inconsistent data', () => {
    const table = { holidays: ['2025-01-01'], workdays: [] };
    expect(() =>
      createCalendar({ official: { '2025': table }, closures: [closures[0]!, closures[0]!] }),
    ).toThrow(/twice/);
    expect(() =>
      createCalendar({ official: {}, closures: [{ date: '2025-03-05', reason: ' ' }] }),
    ).toThrow(/reason/);
    expect(() =>
      createCalendar({ official: {}, closures: [{ date: '2025-02-30', reason: 'x' }] }),
    ).toThrow(/Invalid date/);
    expect(() => createCalendar({ official: { '2026': table }, closures: [] })).toThrow(
      /another year/,
    );
    expect(() =>
      createCalendar({
        official: { '2025': { holidays: ['2025-01-01'], workdays: ['2025-01-01'] } },
        closures: [],
      }),
    ).toThrow(/both holiday and workday/);
    expect(() => createCalendar({ official: { '25': table }, closures: [] })).toThrow(/key/);
  });
});
