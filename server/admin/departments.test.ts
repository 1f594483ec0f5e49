import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';

eachDialect('admin: departments', (t) => {
  it('creates and renames a department, bumping the catalog version once each', async () => {
    const { call, tokenFor, versions } = testApp(t());
    const token = await tokenFor('manager');
    const created = await call('POST', '/api/departments', {
      token,
      body: { code: 'SJ', name: '市场监督管理局' },
    });
    expect(created.statusCode).toBe(201);
    expect((await versions()).catalog).toBe(2);
    const renamed = await call('PUT', '/api/departments/SJ', {
      token,
      body: { name: '市场监管局' },
    });
    expect(renamed.json()).toEqual({ code: 'SJ', name: '市场监管局' });
    expect(await versions()).toEqual({ catalog: 3, calendar: 1, staff: 1, settings: 1 });
    const list = await call('GET', '/api/departments', { token: await tokenFor('supervisor') });
    expect(list.json()).toEqual([{ code: 'SJ', name: '市场监管局' }]);
  });

  it('refuses bad input with its field, a duplicate with 409, and bumps nothing', async () => {
    const { call, tokenFor, versions } = testApp(t());
    const token = await tokenFor('manager');
    const bad = await call('POST', '/api/departments', { token, body: { code: 'sj', name: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'body.code' } });
    await call('POST', '/api/departments', { token, body: { code: 'SJ', name: '市场' } });
    const duplicate = await call('POST', '/api/departments', {
      token,
      body: { code: 'SJ', name: '另一个' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ error: { code: 'conflict', field: 'body.code' } });
    const missing = await call('PUT', '/api/departments/ZZ', { token, body: { name: '无' } });
    expect(missing.statusCode).toBe(404);
    expect((await versions()).catalog).toBe(2);
  });

  it('lets only the manager write: 401 without a token, 403 for a supervisor', async () => {
    const { call, tokenFor, versions } = testApp(t());
    const body = { code: 'SJ', name: '市场' };
    expect((await call('POST', '/api/departments', { body })).statusCode).toBe(401);
    const supervisor = await tokenFor('supervisor');
    const res = await call('POST', '/api/departments', { token: supervisor, body });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'forbidden' } });
    const clerk = await tokenFor('clerk');
    expect((await call('GET', '/api/departments', { token: clerk })).statusCode).toBe(403);
    expect((await versions()).catalog).toBe(1);
  });
});
