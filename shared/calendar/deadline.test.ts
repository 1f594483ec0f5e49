import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import { deadlineFrom } from './deadline';
import { fromDayNumber, toDayNumber } from './local-date';
import { officialCalendarData, officialYears } from './official';

const cal = createCalendar(officialCalendarData());
const firstProvisionalDay = `${Math.max(...officialYears()) + 1}-01-01`;

describe('deadlineFrom: worked examples', () => {
  it('skips the National Day holiday', () => {
    // Accepted Tue 2025-09-30; Oct 1–8 are off, so the first working day after is Thu Oct 9,
    // and the limit ends at its 24:00, i.e. Oct 10 00:00 in Shanghai.
    expect(deadlineFrom(cal, '2025-09-30T10:00:00+08:00', 1)).toEqual({
      date: '2025-10-09',
      dueAt: '2025-10-10T00:00:00+08:00',
      provisional: false,
      unit: 'workingDays',
      pausedDays: 0,
    });
  });

  it('counts a make-up Sunday right after a Friday trigger', () => {
    // Fri 2025-01-24: Sat 25 off, Sun 26 is a make-up working day → day 1; Mon 27 → day 2;
    // Jan 28 – Feb 4 is the Spring Festival → day 3 is Wed Feb 5.
    const trigger = '2025-01-24T15:00:00+08:00';
    expect(deadlineFrom(cal, trigger, 1).date).toBe('2025-01-26');
    expect(deadlineFrom(cal, trigger, 2).date).toBe('2025-01-27');
    expect(deadlineFrom(cal, trigger, 3).date).toBe('2025-02-05');
  });

  it('runs the statutory 20 days (Art. 42) across the 2025 Golden Week', () => {
    // Fri 2025-09-26: Sep 28 (make-up Sun) 1, Sep 29–30 2–3, Oct 9–10 4–5, Oct 11 (make-up Sat) 6,
    // Oct 13–17 7–11, Oct 20–24 12–16, Oct 27–30 17–20 → Thu Oct 30.
    expect(deadlineFrom(cal, '2025-09-26T09:00:00+08:00', 20).date).toBe('2025-10-30');
  });

  it('treats 0 days as on the spot: the end of the trigger day, even a Sunday', () => {
    const d = deadlineFrom(cal, '2025-03-09T11:00:00+08:00', 0);
    expect(d.date).toBe('2025-03-09');
    expect(d.dueAt).toBe('2025-03-10T00:00:00+08:00');
  });

  it('takes the trigger day in Shanghai, not in UTC or the machine zone', () => {
    // 23:30 on Mon Mar 3 in Shanghai → trigger day Mar 3 → 1 working day → Tue Mar 4.
    expect(deadlineFrom(cal, '2025-03-03T23:30:00+08:00', 1).date).toBe('2025-03-04');
    // 16:30Z on Mar 3 is 00:30 on Tue Mar 4 in Shanghai → 1 working day → Wed Mar 5.
    expect(deadlineFrom(cal, '2025-03-03T16:30:00Z', 1).date).toBe('2025-03-05');
  });

  it('flags deadlines that reach a year without an official table', () => {
    // 2027 with chinese-days 1.5.7; the test follows the data when a newer table arrives.
    const next = Math.max(...officialYears()) + 1;
    expect(deadlineFrom(cal, `${next - 1}-11-02T10:00:00+08:00`, 20).provisional).toBe(false);
    const late = deadlineFrom(cal, `${next - 1}-12-20T10:00:00+08:00`, 20);
    expect(late.date.startsWith(`${next}-`)).toBe(true);
    expect(late.provisional).toBe(true);
    expect(deadlineFrom(cal, `${next}-03-01T10:00:00+08:00`, 1).provisional).toBe(true);
  });

  it('moves when the center closes a day', () => {
    // Mon 2025-03-03 + 2 → Wed Mar 5; with Mar 5 closed → Thu Mar 6.
    expect(deadlineFrom(cal, '2025-03-03T10:00:00+08:00', 2).date).toBe('2025-03-05');
    const closed = createCalendar(
      officialCalendarData([{ date: '2025-03-05', reason: '系统升级停办' }]),
    );
    expect(deadlineFrom(closed, '2025-03-03T10:00:00+08:00', 2).date).toBe('2025-03-06');
  });

  it('rejects impossible day counts', () => {
    expect(() => deadlineFrom(cal, '2025-03-03T10:00:00+08:00', -1)).toThrow(/whole number/);
    expect(() => deadlineFrom(cal, '2025-03-03T10:00:00+08:00', 2, { extraDays: 0.5 })).toThrow(
      /whole number/,
    );
  });
});

describe('deadlineFrom: pauses and extensions', () => {
  // Mon 2025-03-03 + 5 working days → Mon Mar 10.
  const trigger = '2025-03-03T10:00:00+08:00';

  it('adds granted extensions', () => {
    expect(deadlineFrom(cal, trigger, 5).date).toBe('2025-03-10');
    expect(deadlineFrom(cal, trigger, 20, { extraDays: 10 }).date).toBe(
      deadlineFrom(cal, trigger, 30).date,
    );
  });

  it('adds the working days of a closed pause', () => {
    // Paused Tue Mar 4 → Thu Mar 6: Mar 5 and 6 are not counted → 5 + 2 = 7 → Wed Mar 12.
    const d = deadlineFrom(cal, trigger, 5, {
      pauses: [{ from: '2025-03-04T10:00:00+08:00', to: '2025-03-06T15:00:00+08:00' }],
    });
    expect(d.pausedDays).toBe(2);
    expect(d.date).toBe('2025-03-12');
  });

  it('counts a pause within one day as nothing and one over a weekend by its working days', () => {
    const sameDay = deadlineFrom(cal, trigger, 5, {
      pauses: [{ from: '2025-03-04T09:00:00+08:00', to: '2025-03-04T17:00:00+08:00' }],
    });
    expect(sameDay.pausedDays).toBe(0);
    // Fri Mar 7 → Mon Mar 10: only Monday is a working day after the pause started.
    const weekend = deadlineFrom(cal, trigger, 5, {
      pauses: [{ from: '2025-03-07T16:00:00+08:00', to: '2025-03-10T09:00:00+08:00' }],
    });
    expect(weekend.pausedDays).toBe(1);
    expect(weekend.date).toBe('2025-03-11');
  });

  it('counts an open pause up to now, and needs now to do so', () => {
    const pauses = [{ from: '2025-03-04T10:00:00+08:00' }];
    // Open since Tue Mar 4, now Fri Mar 7 → Mar 5, 6, 7 → 3 days → 8 → Thu Mar 13.
    const d = deadlineFrom(cal, trigger, 5, { pauses, now: '2025-03-07T09:00:00+08:00' });
    expect(d.pausedDays).toBe(3);
    expect(d.date).toBe('2025-03-13');
    expect(() => deadlineFrom(cal, trigger, 5, { pauses })).toThrow(/`now` is required/);
  });

  it('combines several pauses with an extension', () => {
    const d = deadlineFrom(cal, trigger, 5, {
      extraDays: 1,
      pauses: [
        { from: '2025-03-04T10:00:00+08:00', to: '2025-03-05T10:00:00+08:00' },
        { from: '2025-03-06T10:00:00+08:00', to: '2025-03-07T10:00:00+08:00' },
      ],
    });
    expect(d.pausedDays).toBe(2);
    expect(d.date).toBe(cal.addWorkingDays('2025-03-03', 8));
  });

  it('rejects pauses that end before they start, overlap, or precede the trigger', () => {
    expect(() =>
      deadlineFrom(cal, trigger, 5, {
        pauses: [{ from: '2025-03-06T10:00:00+08:00', to: '2025-03-05T10:00:00+08:00' }],
      }),
    ).toThrow(/before it starts/);
    expect(() =>
      deadlineFrom(cal, trigger, 5, {
        pauses: [
          { from: '2025-03-04T10:00:00+08:00', to: '2025-03-06T10:00:00+08:00' },
          { from: '2025-03-05T10:00:00+08:00', to: '2025-03-07T10:00:00+08:00' },
        ],
      }),
    ).toThrow(/overlap/);
    expect(() =>
      deadlineFrom(cal, trigger, 5, {
        pauses: [{ from: '2025-03-01T10:00:00+08:00', to: '2025-03-04T10:00:00+08:00' }],
      }),
    ).toThrow(/before the trigger/);
  });
});

describe('deadlineFrom: properties', () => {
  const triggerDays = fc
    .integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2026-12-31') })
    .map(fromDayNumber);
  const hours = fc.integer({ min: 0, max: 23 });

  it('lands exactly n working days after the trigger day, on a working day', () => {
    fc.assert(
      fc.property(triggerDays, hours, fc.integer({ min: 0, max: 60 }), (day, hour, n) => {
        const trigger = `${day}T${String(hour).padStart(2, '0')}:15:00+08:00`;
        const d = deadlineFrom(cal, trigger, n);
        expect(cal.workingDaysBetween(day, d.date)).toBe(n);
        if (n > 0) {
          expect(cal.isWorkingDay(d.date)).toBe(true);
          expect(d.date > day).toBe(true);
        } else {
          expect(d.date).toBe(day);
        }
        expect(d.provisional).toBe(d.date >= firstProvisionalDay);
      }),
    );
  });

  it('a closed pause shifts the deadline exactly like an extension of its working days', () => {
    fc.assert(
      fc.property(
        triggerDays,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (day, n, startAfter, length) => {
          const trigger = `${day}T10:00:00+08:00`;
          const from = `${fromDayNumber(toDayNumber(day) + startAfter)}T11:00:00+08:00`;
          const to = `${fromDayNumber(toDayNumber(day) + startAfter + length)}T12:00:00+08:00`;
          const paused = deadlineFrom(cal, trigger, n, { pauses: [{ from, to }] });
          expect(paused.date).toBe(
            deadlineFrom(cal, trigger, n, { extraDays: paused.pausedDays }).date,
          );
          expect(paused.pausedDays).toBe(
            cal.workingDaysBetween(from.slice(0, 10), to.slice(0, 10)),
          );
        },
      ),
    );
  });
});
