import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';

// Issue 16 part Q at the center's API: a report period, the dashboard day and a closure typed
// decades away are refused with the field to mark, by the schema (before 2000, reversed, longer
// than a year) or by the handler with the center's clock (more than a year ahead). The center's
// clock is fixed: 2026-12-05 in Beijing, so a year and a day ahead is 2027-12-06.

const now = () => new Date('2026-12-05T10:00:00+08:00');

eachDialect('dates by meaning at the center', (t) => {
  it('a report period outside 2000 … a year ahead, reversed or over a year, names its field', async () => {
    const { call, tokenFor } = testApp(t(), now);
    const token = await tokenFor('manager');
    const report = (from: string, to: string) =>
      call('GET', `/api/reports/metrics?from=${from}&to=${to}`, { token });
    const refusals: [string, string, string, string][] = [
      ['1990-01-01', '1990-01-31', 'query.from', '日期不能早于 2000-01-01'],
      ['2026-03-16', '2026-03-02', 'query.to', '开始日期不能晚于结束日期'],
      ['2025-01-01', '2026-01-02', 'query.to', '一次最多统计一年（366天）'],
      ['2027-12-01', '2027-12-07', 'query.to', '日期不能晚于 2027-12-06（今天起一年以内）'],
    ];
    for (const [from, to, field, message] of refusals) {
      const answer = await report(from, to);
      expect(answer.statusCode, `${from}…${to}`).toBe(400);
      expect(answer.json()).toMatchObject({ error: { code: 'invalid_input', field, message } });
    }
    expect((await report('2026-01-01', '2026-12-05')).statusCode).toBe(200);
    expect((await report('2027-12-01', '2027-12-06')).statusCode).toBe(200);
  });

  it('the dashboard day: not before 2000, not past a year ahead', async () => {
    const { call, tokenFor } = testApp(t(), now);
    const token = await tokenFor('supervisor');
    const board = (date: string) => call('GET', `/api/reports/dashboard?date=${date}`, { token });
    expect((await board('1990-01-01')).json()).toMatchObject({
      error: { code: 'invalid_input', field: 'query.date', message: '日期不能早于 2000-01-01' },
    });
    expect((await board('2030-01-01')).json()).toMatchObject({
      error: { code: 'invalid_input', field: 'query.date' },
    });
    expect((await board('2026-12-05')).statusCode).toBe(200);
  });

  it('a closure the calendar cannot hold, or years ahead, is refused and nothing is replaced', async () => {
    const { call, tokenFor, versions } = testApp(t(), now);
    const token = await tokenFor('manager');
    const keep = [{ date: '2026-12-07', reason: '消防检查' }];
    await call('PUT', '/api/closures', { token, body: keep });
    const put = (body: object) => call('PUT', '/api/closures', { token, body });
    // 1990 would make every terminal's calendar throw (it starts in 2000)
    const past = await put([...keep, { date: '1990-01-01', reason: '系统升级' }]);
    expect(past.json()).toMatchObject({
      error: { code: 'invalid_input', field: 'body.1.date', message: '日期不能早于 2000-01-01' },
    });
    const far = await put([{ date: '2926-12-07', reason: '系统升级' }]);
    expect(far.json()).toMatchObject({ error: { code: 'invalid_input', field: 'body.0.date' } });
    expect((await call('GET', '/api/closures', { token })).json()).toEqual(keep);
    expect((await versions()).calendar).toBe(2);
  });
});
