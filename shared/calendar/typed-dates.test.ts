import { describe, expect, it } from 'vitest';
import { contract } from '../api';
import { closuresSchema, dashboardQuerySchema, reportQuerySchema } from '../center-api';
import { latestTypedDay, periodProblem, typedDayProblem } from './typed-dates';

// Issue 16 part Q: a typed date means something. The terminal's report call and the center's
// report query parse with one refinement; the clock-bound part each side judges with its today.

const today = '2026-12-05';

describe('a typed day', () => {
  it('lies between 2000-01-01 and a year and a day from today', () => {
    expect(typedDayProblem('1999-12-31', today)).toBe('日期不能早于 2000-01-01');
    expect(typedDayProblem('1990-01-01')).toBe('日期不能早于 2000-01-01');
    expect(typedDayProblem('2000-01-01', today)).toBe(null);
    expect(latestTypedDay(today)).toBe('2027-12-06');
    expect(typedDayProblem('2027-12-06', today)).toBe(null);
    expect(typedDayProblem('2027-12-07', today)).toMatch(/^日期不能晚于 2027-12-06/);
    // without a clock only the lower bound is judged (a zod schema has none)
    expect(typedDayProblem('2999-01-01')).toBe(null);
  });
});

describe('a report period', () => {
  it('names the field to mark: before 2000, after next year, reversed, longer than a year', () => {
    const p = (from: string, to: string) => periodProblem({ from, to }, today);
    expect(p('2026-01-01', '2026-12-31')).toBe(null);
    expect(p('1990-01-01', '2026-12-31')).toMatchObject({ field: 'from' });
    expect(p('2026-01-01', '2030-01-01')).toMatchObject({ field: 'to' });
    expect(p('2026-03-16', '2026-03-02')).toEqual({
      field: 'to',
      message: '开始日期不能晚于结束日期',
    });
    // a leap year whole is 366 days, both ends counted; a day more is refused
    expect(p('2024-01-01', '2024-12-31')).toBe(null);
    expect(p('2024-01-01', '2025-01-01')).toEqual({
      field: 'to',
      message: '一次最多统计一年（366天）',
    });
  });

  it('is refused alike by the terminal call and the center query, at the same field', () => {
    const terminal = contract['reports.metrics'].input;
    const bodies = [
      { from: '1990-01-01', to: '1990-01-31' },
      { from: '2026-03-16', to: '2026-03-02' },
      { from: '2024-01-01', to: '2025-01-01' },
      { from: '2026-02-30', to: '2026-03-02' },
    ];
    for (const body of bodies) {
      const atTerminal = terminal.safeParse(body);
      const atCenter = reportQuerySchema.safeParse(body);
      expect(atTerminal.success, JSON.stringify(body)).toBe(false);
      expect(atCenter.success).toBe(false);
      expect(atCenter.error?.issues[0]?.path).toEqual(atTerminal.error?.issues[0]?.path);
      expect(atCenter.error?.issues[0]?.message).toBe(atTerminal.error?.issues[0]?.message);
    }
    expect(terminal.safeParse({ from: '2026-03-02', to: '2026-03-16' }).success).toBe(true);
    expect(reportQuerySchema.safeParse({ from: '2026-03-02', to: '2026-03-16' }).success).toBe(
      true,
    );
  });
});

describe('the dashboard day and the closures', () => {
  it('refuse a day before 2000 with the field, a malformed one with the format message', () => {
    const day = dashboardQuerySchema.safeParse({ date: '1990-01-01' });
    expect(day.error?.issues[0]).toMatchObject({
      path: ['date'],
      message: '日期不能早于 2000-01-01',
    });
    expect(dashboardQuerySchema.safeParse({}).success).toBe(true);
    const closures = closuresSchema.safeParse([
      { date: '2026-03-04', reason: '消防检查' },
      { date: '1990-01-01', reason: '系统升级' },
    ]);
    expect(closures.error?.issues).toHaveLength(1);
    expect(closures.error?.issues[0]).toMatchObject({ path: [1, 'date'] });
    const malformed = closuresSchema.safeParse([{ date: '2026-02-30', reason: '系统升级' }]);
    expect(malformed.error?.issues.map((i) => i.message)).toEqual(['日期须为 YYYY-MM-DD']);
  });
});
