import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';

type Member = {
  id: string;
  username: string;
  role: string;
  windowId: string | null;
  active: boolean;
};

eachDialect('admin: staff', (t) => {
  it('adds, changes, resets and deactivates a member, bumping the staff version each time', async () => {
    const { call, tokenFor, versions, window } = testApp(t());
    const token = await tokenFor('manager');
    const windowId = await window('SJ01');
    const created = await call('POST', '/api/staff', {
      token,
      body: {
        username: 'zhang.san',
        name: '张三',
        role: 'clerk',
        windowId,
        password: 'first pass 1',
      },
    });
    expect(created.statusCode).toBe(201);
    const member = created.json<Member>();
    expect(member).toEqual({
      id: expect.any(String),
      username: 'zhang.san',
      name: '张三',
      role: 'clerk',
      windowId,
      active: true,
    });
    expect(JSON.stringify(created.json())).not.toContain('scrypt');
    expect((await versions()).staff).toBe(2);

    const login = (password: string) =>
      call('POST', '/api/auth/login', { body: { username: 'zhang.san', password } });
    const session = (await login('first pass 1')).json<{ token: string }>().token;

    const promoted = await call('PUT', `/api/staff/${member.id}`, {
      token,
      body: { name: '张三', role: 'supervisor', windowId: null },
    });
    expect(promoted.json()).toMatchObject({ role: 'supervisor', windowId: null });
    expect((await versions()).staff).toBe(3);

    const reset = await call('POST', `/api/staff/${member.id}/reset-password`, {
      token,
      body: { password: 'second pass 2' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await versions()).staff).toBe(4);
    // a reset ends the sessions opened with the old password
    expect((await call('GET', '/api/staff', { token: session })).statusCode).toBe(401);
    expect((await login('first pass 1')).statusCode).toBe(401);
    expect((await login('second pass 2')).statusCode).toBe(200);

    const off = await call('POST', `/api/staff/${member.id}/deactivate`, { token });
    expect(off.json()).toMatchObject({ active: false });
    expect((await versions()).staff).toBe(5);
    const again = await call('POST', `/api/staff/${member.id}/deactivate`, { token });
    expect(again.statusCode).toBe(200);
    expect((await versions()).staff).toBe(5);
    expect((await login('second pass 2')).statusCode).toBe(401);
  });

  it('keeps window staff at a window and managers at none, with the field at fault', async () => {
    const { call, tokenFor, versions, window } = testApp(t());
    const token = await tokenFor('manager');
    const windowId = await window('SJ01');
    const post = (body: object) =>
      call('POST', '/api/staff', {
        token,
        body: { username: 'li.si', name: '李四', password: 'long enough', ...body },
      });
    const field = async (body: object) =>
      (await post(body)).json<{ error: { field?: string } }>().error.field;
    expect(await field({ role: 'clerk' })).toBe('body.windowId');
    expect(await field({ role: 'manager', windowId })).toBe('body.windowId');
    expect(await field({ role: 'reviewer', windowId: 'nope' })).toBe('body.windowId');
    expect(await field({ role: 'clerk', windowId, password: 'short' })).toBe('body.password');
    expect(await field({ role: 'boss', windowId })).toBe('body.role');
    expect((await versions()).staff).toBe(1);
    expect((await post({ role: 'chief', windowId })).statusCode).toBe(201);
    const taken = await post({ role: 'chief', windowId });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ error: { code: 'conflict', field: 'body.username' } });
    expect((await versions()).staff).toBe(2);
  });

  it('lets nobody deactivate themselves, and only the manager write', async () => {
    const { call, member, tokenFor, versions } = testApp(t());
    const manager = await member('manager');
    const self = await call('POST', `/api/staff/${manager.id}/deactivate`, {
      token: manager.token,
    });
    expect(self.statusCode).toBe(409);
    expect((await call('POST', `/api/staff/${manager.id}/deactivate`)).statusCode).toBe(401);
    const supervisor = await tokenFor('supervisor');
    const res = await call('POST', `/api/staff/${manager.id}/deactivate`, { token: supervisor });
    expect(res.statusCode).toBe(403);
    expect((await call('GET', '/api/staff', { token: supervisor })).statusCode).toBe(200);
    expect((await versions()).staff).toBe(1);
  });
});
