import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isLocalDate, toDayNumber, weekdayOf } from './local-date';

const MS_PER_DAY = 86_400_000;
// Day numbers of 1900-01-01 and 2199-12-31.
const dayNumbers = fc.integer({ min: -25567, max: 84006 });

describe('local dates', () => {
  it('round-trips day numbers and agrees with the UTC calendar of Date', () => {
    fc.assert(
      fc.property(dayNumbers, (n) => {
        const date = fromDayNumber(n);
        const utc = new Date(n * MS_PER_DAY);
        expect(date).toBe(utc.toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(n);
        expect(weekdayOf(n)).toBe(utc.getUTCDay());
      }),
    );
  });

  it('rejects days that do not exist and malformed strings', () => {
    for (const bad of [
      '2025-02-30',
      '2023-02-29',
      '1900-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-2-3',
      '20250203',
      '2025-02-03T00:00:00Z',
      '',
    ]) {
      expect(() => toDayNumber(bad), bad).toThrow(/Invalid date/);
      expect(isLocalDate(bad)).toBe(false);
    }
    expect(() => toDayNumber('2025-02-30')).toThrow(
      "Invalid date '2025-02-30': no such day in the calendar",
    );
  });

  it('accepts leap days of leap years only', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('2100-02-29')).toBe(false);
  });

  it('steps across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
