import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import { domainTables } from './law-days.fixture';
import { officialCalendarData, officialYears } from './official';

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
