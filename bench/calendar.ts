import cd from 'chinese-days';
import {
  createCalendar,
  deadlineFrom,
  endOfDay,
  officialCalendarData,
  officialYears,
  shanghaiDate,
  statutoryHolidays,
} from '../shared/calendar';
import type { BenchResult } from './types';

type Input = { trigger: string; n: number };
type DeadlineFn = (input: Input) => string;

const INPUT_COUNT = 4096;
const CHECKED_COUNT = 512;
const RUN_MS = 1000;
const TARGET_RATIO = 20;

// A fixed seed keeps the inputs identical from run to run and between the two contenders.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeInputs(): Input[] {
  const random = mulberry32(20250303);
  const from = Date.parse('2025-01-01T00:00:00+08:00');
  const span = Date.parse('2027-01-01T00:00:00+08:00') - from;
  return Array.from({ length: INPUT_COUNT }, () => ({
    trigger: new Date(from + Math.floor(random() * span)).toISOString(),
    n: 1 + Math.floor(random() * 60),
  }));
}

// chinese-days answers Mon–Fri for a year it has no table for; a deadline from late 2026 reaches
// 2027, where the statutory days are holidays all the same (shared/calendar/statutory.ts).
const lastTable = Math.max(...officialYears());
const statutoryAfterTables = new Set(
  [lastTable + 1, lastTable + 2].flatMap((year) => statutoryHolidays(year).map((h) => h.date)),
);

// What one would write without precomputation: step one day at a time and ask chinese-days.
function naiveDeadline({ trigger, n }: Input): string {
  const day = new Date(`${shanghaiDate(trigger)}T00:00:00Z`);
  for (let left = n; left > 0;) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (cd.isWorkday(day) && !statutoryAfterTables.has(day.toISOString().slice(0, 10))) left--;
  }
  return endOfDay(day.toISOString().slice(0, 10));
}

/** Runs whole passes over the inputs for at least `ms`; returns computations per second. */
function rate(inputs: readonly Input[], fn: DeadlineFn, ms = RUN_MS): number {
  let sink = 0;
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const input of inputs) sink += fn(input).length;
    done += inputs.length;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  if (sink === 0) throw new Error('benchCalendar: nothing was computed');
  return (done / elapsed) * 1000;
}

function measureCalendar(): BenchResult {
  const cal = createCalendar(officialCalendarData());
  const ours: DeadlineFn = ({ trigger, n }) => deadlineFrom(cal, trigger, n).dueAt;
  const inputs = makeInputs();

  // Both must give the same answers, or the comparison means nothing. chinese-days itself is
  // wrong on machines west of UTC (it works in local time), which this check also catches.
  for (const input of inputs.slice(0, CHECKED_COUNT)) {
    const expected = naiveDeadline(input);
    const actual = ours(input);
    if (actual !== expected) {
      const hint =
        new Date(0).getTimezoneOffset() > 0
          ? ' (chinese-days is only right at UTC or east of it: run with TZ=Asia/Shanghai)'
          : '';
      throw new Error(
        `benchCalendar: ${input.trigger} + ${input.n} working days: ours ${actual}, chinese-days loop ${expected}${hint}`,
      );
    }
  }

  // Warm up both so the JIT has compiled them before the measured second.
  rate(inputs, ours, 200);
  rate(inputs, naiveDeadline, 200);
  const oursRate = rate(inputs, ours);
  const peerRate = rate(inputs, naiveDeadline);
  const ratio = oursRate / peerRate;
  return {
    name: 'calendar: deadlineFrom vs day-by-day chinese-days isWorkday',
    ours: Math.round(oursRate),
    peer: Math.round(peerRate),
    ratio: Math.round(ratio * 10) / 10,
    unit: 'deadlines/s',
    target: `ratio >= ${TARGET_RATIO}`,
    pass: ratio >= TARGET_RATIO,
  };
}

/** Deadline computations per second: deadlineFrom vs a day-by-day chinese-days loop, same inputs. */
export function benchCalendar(): Promise<BenchResult> {
  return Promise.resolve().then(measureCalendar);
}
