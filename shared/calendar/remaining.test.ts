import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import { deadlineFrom } from './deadline';
import { instantMs } from './instant';
import { officialCalendarData } from './official';
import { defaultThresholds, remainingAt, type Level } from './remaining';

const cal = createCalendar(officialCalendarData());
// Mon 2025-03-03 + 5 → Mon Mar 10, due Tue Mar 11 00:00 Shanghai.
const deadline = deadlineFrom(cal, '2025-03-03T10:00:00+08:00', 5);
const HOUR = 3_600_000;

describe('remainingAt', () => {
  it('walks from normal through warning and yellow to red across the deadline', () => {
    const at = (now: string) => remainingAt(cal, deadline, now);
    // Mar 4: Mar 5, 6, 7, 10 left → normal.
    expect(at('2025-03-04T09:00:00+08:00')).toMatchObject({
      workingDays: 4,
      level: 'normal',
      overdue: false,
    });
    // Thu Mar 6: Fri 7 and Mon 10 left → warning.
    expect(at('2025-03-06T09:00:00+08:00')).toMatchObject({ workingDays: 2, level: 'warning' });
    // Fri Mar 7 and the weekend: only Mon 10 left → yellow.
    expect(at('2025-03-07T09:00:00+08:00')).toMatchObject({ workingDays: 1, level: 'yellow' });
    expect(at('2025-03-09T20:00:00+08:00')).toMatchObject({ workingDays: 1, level: 'yellow' });
    // The last day itself: nothing after today, 14 hours left.
    expect(at('2025-03-10T10:00:00+08:00')).toEqual({
      ms: 14 * HOUR,
      workingDays: 0,
      level: 'yellow',
      overdue: false,
    });
    // 24:00 is already too late.
    expect(at('2025-03-11T00:00:00+08:00')).toEqual({
      ms: 0,
      workingDays: 0,
      level: 'red',
      overdue: true,
    });
    expect(at('2025-03-12T09:00:00+08:00')).toMatchObject({
      ms: -33 * HOUR,
      level: 'red',
      overdue: true,
    });
  });

  it('measures ms against dueAt to the millisecond', () => {
    const r = remainingAt(cal, deadline, '2025-03-10T15:59:59.999Z');
    expect(r.ms).toBe(1);
    expect(r.overdue).toBe(false);
  });

  it('honours custom thresholds and rejects nonsense ones', () => {
    const t = { warningWorkingDays: 5, yellowWorkingDays: 3 };
    expect(remainingAt(cal, deadline, '2025-03-04T09:00:00+08:00', t).level).toBe('warning');
    expect(remainingAt(cal, deadline, '2025-03-05T09:00:00+08:00', t).level).toBe('yellow');
    expect(() =>
      remainingAt(cal, deadline, '2025-03-05T09:00:00+08:00', {
        warningWorkingDays: 1,
        yellowWorkingDays: 2,
      }),
    ).toThrow(/thresholds/);
    expect(defaultThresholds).toEqual({ warningWorkingDays: 2, yellowWorkingDays: 1 });
  });

  it('never gets less severe as time passes', () => {
    const severity: Record<Level, number> = { normal: 0, warning: 1, yellow: 2, red: 3 };
    const start = instantMs('2025-01-01T00:00:00+08:00');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 80 * 24 }), { minLength: 2, maxLength: 12 }),
        (startDay, n, hourOffsets) => {
          const trigger = start + startDay * 24 * HOUR;
          const d = deadlineFrom(cal, trigger, n);
          const levels = [...hourOffsets]
            .sort((a, b) => a - b)
            .map((h) => severity[remainingAt(cal, d, trigger + h * HOUR).level]);
          levels.forEach((level, i) => expect(level).toBeGreaterThanOrEqual(levels[i - 1] ?? 0));
        },
      ),
    );
  });
});
