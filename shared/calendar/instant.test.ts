import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfDay, instantMs, shanghaiDate } from './instant';
import { addDays, fromDayNumber } from './local-date';

describe('Asia/Shanghai dates of instants', () => {
  it('puts 23:30 Shanghai and 00:30 Shanghai the next day on different days, whatever the machine zone', () => {
    // 2025-03-03T23:30+08:00 is 15:30Z — still Monday the 3rd in Shanghai.
    expect(shanghaiDate('2025-03-03T23:30:00+08:00')).toBe('2025-03-03');
    expect(shanghaiDate('2025-03-03T15:30:00Z')).toBe('2025-03-03');
    // 16:30Z is 00:30 on Tuesday the 4th in Shanghai, though still the 3rd in UTC (and in New York).
    expect(shanghaiDate('2025-03-03T16:30:00Z')).toBe('2025-03-04');
    expect(shanghaiDate(Date.UTC(2025, 2, 3, 16, 30))).toBe('2025-03-04');
    expect(shanghaiDate(new Date(Date.UTC(2025, 2, 3, 16, 30)))).toBe('2025-03-04');
    expect(shanghaiDate('2025-03-03T11:30:00-05:00')).toBe('2025-03-04');
  });

  it('switches day exactly at 16:00Z', () => {
    expect(shanghaiDate('2025-03-03T15:59:59.999Z')).toBe('2025-03-03');
    expect(shanghaiDate('2025-03-03T16:00:00Z')).toBe('2025-03-04');
  });

  it('refuses strings whose zone would be guessed from the machine, and unreal dates', () => {
    expect(() => shanghaiDate('2025-03-03T10:00:00')).toThrow(/offset/);
    expect(() => shanghaiDate('2025-03-03')).toThrow(/offset/);
    expect(() => shanghaiDate('2025-02-30T10:00:00+08:00')).toThrow(/Invalid date/);
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(/Invalid instant/);
    expect(() => shanghaiDate(Number.POSITIVE_INFINITY)).toThrow(/Invalid instant/);
  });

  it('ends a day at the next midnight in Shanghai', () => {
    expect(endOfDay('2025-12-31')).toBe('2026-01-01T00:00:00+08:00');
    fc.assert(
      fc.property(fc.integer({ min: 10957, max: 47482 }), (n) => {
        const date = fromDayNumber(n);
        const end = instantMs(endOfDay(date));
        expect(shanghaiDate(end - 1)).toBe(date);
        expect(shanghaiDate(end)).toBe(addDays(date, 1));
      }),
    );
  });
});
