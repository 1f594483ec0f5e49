import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';

eachDialect('admin: closures', (t) => {
  it('replaces the closure days in date order, bumping the calendar version', async () => {
    const { call, tokenFor, versions } = testApp(t());
    const token = await tokenFor('manager');
    const body = [
      { date: '2026-03-05', reason: '系统升级' },
      { date: '2026-03-04', reason: '消防检查' },
    ];
    const put = await call('PUT', '/api/closures', { token, body });
    expect(put.json()).toEqual([body[1], body[0]]);
    expect((await versions()).calendar).toBe(2);
    await call('PUT', '/api/closures', { token, body: [] });
    const read = await call('GET', '/api/closures', { token: await tokenFor('supervisor') });
    expect(read.json()).toEqual([]);
    expect((await versions()).calendar).toBe(3);
  });

  it('refuses a bad or repeated date with its field, keeping the old days', async () => {
    const { call, tokenFor, versions } = testApp(t());
    const token = await tokenFor('manager');
    const keep = [{ date: '2026-03-04', reason: '消防检查' }];
    await call('PUT', '/api/closures', { token, body: keep });
    const put = (body: object) => call('PUT', '/api/closures', { token, body });
    const bad = await put([{ date: '2026-02-30', reason: '无' }]);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'body.0.date' } });
    const twice = await put([...keep, { date: '2026-03-04', reason: '又一次' }]);
    expect(twice.json()).toMatchObject({ error: { field: 'body.1.date' } });
    const blank = await put([{ date: '2026-03-06', reason: ' ' }]);
    expect(blank.json()).toMatchObject({ error: { field: 'body.0.reason' } });
    expect((await call('GET', '/api/closures', { token })).json()).toEqual(keep);
    expect((await versions()).calendar).toBe(2);
    const clerk = await tokenFor('clerk');
    expect((await call('PUT', '/api/closures', { token: clerk, body: [] })).statusCode).toBe(403);
    expect((await call('PUT', '/api/closures', { body: [] })).statusCode).toBe(401);
  });
});
