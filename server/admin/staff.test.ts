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
      centerOnly: false,
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

  it('keeps a manager or supervisor to the center on request, never window staff nor oneself', async () => {
    const { call, member, versions, window } = testApp(t());
    const manager = await member('manager');
    const token = manager.token;
    const windowId = await window('SJ01');
    const created = await call('POST', '/api/staff', {
      token,
      body: {
        username: 'it.wang',
        name: '王工',
        role: 'supervisor',
        centerOnly: true,
        password: 'long enough',
      },
    });
    expect(created.json()).toMatchObject({ role: 'supervisor', centerOnly: true });
    const id = created.json<Member>().id;
    const put = (body: object, as = token) =>
      call('PUT', `/api/staff/${id}`, { token: as, body: { name: '王工', ...body } });

    // an update that does not name the field (a client of an earlier release) keeps it
    expect((await put({ role: 'manager', windowId: null })).json()).toMatchObject({
      role: 'manager',
      centerOnly: true,
    });
    expect(
      (await put({ role: 'manager', windowId: null, centerOnly: false })).json(),
    ).toMatchObject({ centerOnly: false });
    // window staff sign in at the window's PCs
    const refused = await put({ role: 'clerk', windowId, centerOnly: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { field: 'body.centerOnly' } });
    const clerk = await call('POST', '/api/staff', {
      token,
      body: {
        username: 'li.si',
        name: '李四',
        role: 'clerk',
        windowId,
        centerOnly: true,
        password: 'long enough',
      },
    });
    expect(clerk.json()).toMatchObject({ error: { field: 'body.centerOnly' } });
    // back to the center and then to a window: the window's PCs get the hash again
    await put({ role: 'supervisor', windowId: null, centerOnly: true });
    expect((await put({ role: 'clerk', windowId })).json()).toMatchObject({ centerOnly: false });

    // the manager would lock themselves out of every window PC, where they administer the center
    const self = await call('PUT', `/api/staff/${manager.id}`, {
      token,
      body: { name: '测试', role: 'manager', windowId: null, centerOnly: true },
    });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ error: { field: 'body.centerOnly' } });
    const list = (await call('GET', '/api/staff', { token })).json<
      { id: string; centerOnly: boolean }[]
    >();
    expect(list.find((s) => s.id === manager.id)!.centerOnly).toBe(false);
    expect((await versions()).staff).toBe(6);
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
