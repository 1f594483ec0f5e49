import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import { addDays, type LocalDate } from './local-date';
import { officialCalendarData, officialYears } from './official';

function range(from: LocalDate, to: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

// The State Council tables as written in DOMAIN.md, typed in independently of chinese-days.
const domainTables: Record<string, { holidays: LocalDate[]; workdays: LocalDate[] }> = {
  '2025': {
    holidays: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  '2026': {
    holidays: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe('official calendar data from chinese-days', () => {
  const data = officialCalendarData();
  const cal = createCalendar(data);

  for (const [year, table] of Object.entries(domainTables)) {
    it(`matches the ${year} table of DOMAIN.md`, () => {
      for (const date of table.holidays) expect(cal.isWorkingDay(date), date).toBe(false);
      for (const date of table.workdays) expect(cal.isWorkingDay(date), date).toBe(true);
      expect(data.official[year]?.holidays).toEqual(table.holidays);
      expect(data.official[year]?.workdays).toEqual(table.workdays);
      expect(cal.workingDaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`)).toBe(248);
    });
  }

  it('derives the covered years from the data: contiguous, including 2025 and 2026', () => {
    const years = officialYears();
    expect(years).toContain(2025);
    expect(years).toContain(2026);
    expect(Object.keys(data.official).map(Number)).toEqual(years);
    years.forEach((year, i) => {
      if (i > 0) expect(year).toBe((years[i - 1] ?? 0) + 1);
      // New Year's Day is a holiday every year: a table shifted by a time-zone bug would miss it.
      expect(data.official[String(year)]?.holidays).toContain(`${year}-01-01`);
    });
  });

  it('hands out copies, so a caller cannot edit the shared tables', () => {
    const copy = officialCalendarData();
    copy.official['2025']?.holidays.push('2025-03-03');
    expect(officialCalendarData().official['2025']?.holidays).not.toContain('2025-03-03');
  });

  it('carries the closures it is given', () => {
    const closures = [{ date: '2025-03-05', reason: '系统升级停办' }];
    expect(officialCalendarData(closures).closures).toEqual(closures);
    expect(data.closures).toEqual([]);
  });
});
