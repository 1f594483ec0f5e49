import { describe, expect, it } from 'vitest';
import { fixedDays2027 } from './law-days.fixture';
import { officialCalendarData } from './official';
import { statutoryHolidays } from './statutory';

describe('statutoryHolidays', () => {
  it('names the thirteen days of 2027 an almanac gives', () => {
    // 春节 2027: 正月初一 is Saturday Feb 6; 端午 Jun 9; 中秋 Sep 15; 清明 Apr 5
    expect(statutoryHolidays(2027).map((d) => d.date)).toEqual(fixedDays2027);
  });

  it('lists one day once when 中秋 falls within 国庆', () => {
    const days = statutoryHolidays(2020).map((d) => d.date);
    expect(days.filter((d) => d === '2020-10-01')).toHaveLength(1);
    expect(days).toHaveLength(12);
  });

  it('every fixed day of a year since the 2024 text is a holiday in the State Council’s table', () => {
    for (const year of [2025, 2026]) {
      const table = officialCalendarData().official[String(year)]!;
      for (const day of statutoryHolidays(year)) expect(table.holidays).toContain(day.date);
    }
  });

  it('refuses a year it cannot compute', () => {
    expect(() => statutoryHolidays(2100)).toThrow(/2000–2099/);
  });
});
