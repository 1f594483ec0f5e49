import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';

eachDialect('admin: windows', (t) => {
  it('creates a window and changes its code, bumping the staff version once each', async () => {
    const { call, tokenFor, versions, window } = testApp(t());
    const token = await tokenFor('manager');
    await window('SJ09');
    const created = await call('POST', '/api/windows', {
      token,
      body: { code: 'SJ01', name: '市场监管一号窗', departmentCode: 'SJ' },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await versions()).staff).toBe(2);
    const changed = await call('PUT', `/api/windows/${id}`, {
      token,
      body: { code: 'SJ02', name: '市场监管二号窗' },
    });
    expect(changed.json()).toEqual({
      id,
      code: 'SJ02',
      name: '市场监管二号窗',
      departmentCode: 'SJ',
    });
    expect(await versions()).toEqual({ catalog: 1, calendar: 1, staff: 3, settings: 1 });
    const list = await call('GET', '/api/windows', { token: await tokenFor('supervisor') });
    expect(list.json<{ code: string }[]>().map((w) => w.code)).toEqual(['SJ02', 'SJ09']);
  });

  it('refuses a bad code, an unknown department and a taken code, changing nothing', async () => {
    const { call, tokenFor, versions, window } = testApp(t());
    const token = await tokenFor('manager');
    const other = await window('SJ09');
    const post = (body: object) => call('POST', '/api/windows', { token, body });
    const bad = await post({ code: 'window1', name: '一号', departmentCode: 'SJ' });
    expect(bad.json()).toMatchObject({ error: { code: 'invalid_input', field: 'body.code' } });
    const unknown = await post({ code: 'ZZ01', name: '一号', departmentCode: 'ZZ' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { field: 'body.departmentCode' } });
    const taken = await post({ code: 'SJ09', name: '重复', departmentCode: 'SJ' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'conflict', field: 'body.code' } });
    const mine = await window('SJ08');
    const renameToTaken = await call('PUT', `/api/windows/${mine}`, {
      token,
      body: { code: 'SJ09', name: 'x' },
    });
    expect(renameToTaken.statusCode).toBe(409);
    expect(
      (await call('PUT', '/api/windows/nope', { token, body: { code: 'SJ07', name: 'x' } }))
        .statusCode,
    ).toBe(404);
    expect((await versions()).staff).toBe(1);
    expect(other).toBeTruthy();
  });

  it('lets only the manager write', async () => {
    const { call, tokenFor } = testApp(t());
    const body = { code: 'SJ01', name: '一号', departmentCode: 'SJ' };
    expect((await call('POST', '/api/windows', { body })).statusCode).toBe(401);
    const token = await tokenFor('supervisor');
    expect((await call('POST', '/api/windows', { token, body })).statusCode).toBe(403);
  });
});
