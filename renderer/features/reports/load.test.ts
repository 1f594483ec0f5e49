import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, endOfDay } from '../../../shared/calendar';

// The terminal answers like dailyReport: today's report judged at its now, a past day at its end,
// and a period ending more than a year after its today refused (dates by meaning, issue 16).
let terminalNow = '';
const asked: string[] = [];
vi.mock('../../api', () => ({
  call: (_name: string, input: { from: string; to: string }) => {
    asked.push(`${input.from}..${input.to}`);
    const today = terminalNow.slice(0, 10);
    if (input.to > addDays(today, 366))
      return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'too far' } });
    const asOf = input.to < today ? endOfDay(input.to) : terminalNow;
    return Promise.resolve({ ok: true, value: { from: input.from, to: input.to, asOf } });
  },
}));

const { loadToday } = await import('./load');

describe("today's report by the terminal's clock", () => {
  beforeEach(() => {
    asked.length = 0;
    vi.useFakeTimers({ toFake: ['Date'] });
    // this PC: 2 March 2026, 10:00 in Beijing
    vi.setSystemTime(new Date('2026-03-02T02:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('asks once when the terminal and the PC agree', async () => {
    terminalNow = '2026-03-02T10:00:00.000+08:00';
    const r = await loadToday();
    expect(r.ok && r.value.from).toBe('2026-03-02');
    expect(asked).toEqual(['2026-03-02..2026-03-02']);
  });

  it("takes the terminal's earlier day from the answer's asOf", async () => {
    terminalNow = '2026-02-12T10:00:00.000+08:00';
    const r = await loadToday();
    expect(r.ok && r.value.from).toBe('2026-02-12');
    expect(asked).toEqual(['2026-03-02..2026-03-02', '2026-02-12..2026-02-12']);
  });

  it('finds a terminal ahead of the PC by asking for a day surely after it', async () => {
    terminalNow = '2026-03-05T09:00:00.000+08:00';
    const r = await loadToday();
    expect(r.ok && r.value.from).toBe('2026-03-05');
    expect(asked).toHaveLength(3);
    expect(asked[2]).toBe('2026-03-05..2026-03-05');
  });

  it('finds a terminal more than a year ahead of the PC, never asking past what it accepts', async () => {
    terminalNow = '2027-05-20T09:00:00.000+08:00';
    const r = await loadToday();
    expect(r.ok && r.value.from).toBe('2027-05-20');
    expect(asked.at(-1)).toBe('2027-05-20..2027-05-20');
  });
});
