import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import { deadlineFrom, type DayUnit } from './deadline';
import { domainTables, fixedDays2027, fixedDays2028ToApril } from './law-days.fixture';
import { officialCalendarData } from './official';

// The Done-when property of issue 14: every start date of 2025–2027, every limit 0–60, both units,
// against a reference written here from the law and the published tables alone. Nothing below
// the product's own imports comes from shared/calendar: the reference walks day by day over
// plain day numbers, with the tables typed in from DOMAIN.md and the statutory days written out
// (law-days.fixture.ts, which imports nothing).

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

// The State Council's tables as DOMAIN.md prints them; 2027 and early 2028 have none yet: the
// statutory days, written out by hand.
const holidays = new Set([
  ...domainTables['2025'].holidays,
  ...domainTables['2026'].holidays,
  ...fixedDays2027,
  ...fixedDays2028ToApril,
]);
const makeUpWorkdays = new Set([
  ...domainTables['2025'].workdays,
  ...domainTables['2026'].workdays,
]);
const referenceEnd = dayNumber('2028-04-30');

const holidayDays = new Set([...holidays].map(dayNumber));
const makeUpDays = new Set([...makeUpWorkdays].map(dayNumber));

function isWorking(day: number): boolean {
  // Past this the reference does not know the statutory days: say so rather than guess.
  if (day > referenceEnd)
    throw new Error(`the reference stops at 2028-04-30, asked ${dateOf(day)}`);
  if (makeUpDays.has(day)) return true;
  if (holidayDays.has(day)) return false;
  // day 0 (1970-01-01) was a Thursday
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** Days d with from < d <= to, in the unit. */
function countBetween(unit: DayUnit, from: number, to: number): number {
  let count = 0;
  for (let d = from + 1; d <= to; d++) if (unit === 'calendarDays' || isWorking(d)) count++;
  return count;
}

/**
 * The law read plainly. The trigger day is not counted. Working days: the n-th working day after
 * it. Calendar days (a period in 日): the n-th day after it, and when that day is a holiday or a
 * weekend the next working day (民事诉讼法 Art. 85). 0 days: the trigger day itself.
 */
function referenceDeadline(unit: DayUnit, start: number, n: number): number {
  if (n === 0) return start;
  if (unit === 'calendarDays') {
    let day = start + n;
    while (!isWorking(day)) day++;
    return day;
  }
  let day = start;
  for (let left = n; left > 0;) {
    day++;
    if (isWorking(day)) left--;
  }
  return day;
}

const cal = createCalendar(officialCalendarData());
const units: DayUnit[] = ['workingDays', 'calendarDays'];
const first = dayNumber('2025-01-01');
const last = dayNumber('2027-12-31');
// The hour moves from day to day, so the Shanghai day of the trigger is exercised at its edges.
const hours = ['00:00', '09:30', '16:00', '23:59'];
const trigger = (day: number) => `${dateOf(day)}T${hours[day % hours.length]}:00+08:00`;
const firstProvisionalDay = dayNumber('2027-01-01');

describe('deadlineFrom against the day-by-day reference', () => {
  it('agrees on every start date of 2025–2027, every limit 0–60, in both units', () => {
    let checked = 0;
    for (const unit of units) {
      for (let start = first; start <= last; start++) {
        for (let n = 0; n <= 60; n++) {
          const expected = referenceDeadline(unit, start, n);
          const d = deadlineFrom(cal, trigger(start), n, { unit });
          // one comparison per case keeps 130k expectations fast; the message names the case
          if (
            d.date !== dateOf(expected) ||
            d.dueAt !== `${dateOf(expected + 1)}T00:00:00+08:00` ||
            d.provisional !== expected >= firstProvisionalDay ||
            d.unit !== unit ||
            d.pausedDays !== 0
          ) {
            expect({ start: dateOf(start), n, ...d }).toEqual({
              start: dateOf(start),
              n,
              unit,
              date: dateOf(expected),
              dueAt: `${dateOf(expected + 1)}T00:00:00+08:00`,
              provisional: expected >= firstProvisionalDay,
              pausedDays: 0,
            });
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(2 * 1095 * 61);
  });

  it('agrees through a closed pause, an open pause and an extension', () => {
    let checked = 0;
    for (const unit of units) {
      for (let start = first; start <= last; start += 5) {
        for (const n of [0, 1, 5, 7, 20, 45, 60]) {
          const pauseFrom = start + (start % 9);
          const pauseTo = pauseFrom + (start % 23);
          const extension = start % 16;
          const pauses = [
            {
              from: `${dateOf(pauseFrom)}T10:00:00+08:00`,
              to: `${dateOf(pauseTo)}T15:00:00+08:00`,
            },
          ];
          const paused = countBetween(unit, pauseFrom, pauseTo);
          const expected = referenceDeadline(unit, start, n + extension + paused);
          const d = deadlineFrom(cal, `${dateOf(start)}T09:00:00+08:00`, n, {
            unit,
            pauses,
            extraDays: extension,
          });
          expect({ start: dateOf(start), n, unit, date: d.date, pausedDays: d.pausedDays }).toEqual(
            { start: dateOf(start), n, unit, date: dateOf(expected), pausedDays: paused },
          );
          // the same pause still open, measured at its intended end, counts the same days
          const open = deadlineFrom(cal, `${dateOf(start)}T09:00:00+08:00`, n, {
            unit,
            pauses: [{ from: pauses[0]!.from }],
            extraDays: extension,
            now: pauses[0]!.to,
          });
          expect(open.date).toBe(d.date);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('writes the reference tables the way the law counts a year', () => {
    // 248 working days in each published year (DOMAIN.md) — the tables above are typed right.
    for (const year of [2025, 2026]) {
      const from = dayNumber(`${year}-01-01`) - 1;
      expect(countBetween('workingDays', from, dayNumber(`${year}-12-31`)), String(year)).toBe(248);
    }
  });
});
