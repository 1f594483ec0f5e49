import { afterEach, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { eachDialect } from '../db/test-db';
import { testApp, testPassword, type TestApp } from '../test-app';

// Part U of issue 16: the console's API answers the renderer's contract at the center, through
// real HTTP on loopback, with the center's own sign-in, sessions, roles and lockout.

type Console = {
  call: (
    name: string,
    input: unknown,
    opts?: { token?: string; headers?: Record<string, string> },
  ) => Promise<{ status: number; result: ApiResult<unknown> }>;
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listening(t: TestApp): Promise<Console> {
  const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  closers.push(() => t.app.close());
  return {
    async call(name, input, { token, headers = {} } = {}) {
      const res = await fetch(`${url}/console/api/${name}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify(input),
      });
      return { status: res.status, result: (await res.json()) as ApiResult<unknown> };
    },
  };
}

function value<T>(answer: { result: ApiResult<unknown> }): T {
  if (!answer.result.ok) throw new Error(`refused: ${JSON.stringify(answer.result.error)}`);
  return answer.result.value as T;
}

type Session = { token: string; user: { role: string }; window: null; centerName: string };

eachDialect('center console API', (t) => {
  const now = () => new Date('2026-03-02T10:00:00+08:00');

  it('signs a manager in and runs an admin call as the center route would', async () => {
    const app = testApp(t(), now);
    const manager = await app.member('manager');
    const c = await listening(app);

    const login = await c.call('auth.login', {
      username: manager.username,
      password: testPassword,
    });
    expect(login.status).toBe(200);
    const session = value<Session>(login);
    // the center's own name, no window: the console works for the whole center
    expect(session).toMatchObject({ user: { role: 'manager' }, window: null, department: null });
    expect(session.centerName).toBeTruthy();
    const current = value<Session>(await c.call('session.current', {}, { token: session.token }));
    expect(current.user).toEqual(session.user);

    value(
      await c.call(
        'admin.departments.create',
        { code: 'SJ', name: '市场监督管理局' },
        { token: session.token },
      ),
    );
    const window = value<{ id: string }>(
      await c.call(
        'admin.windows.create',
        { code: 'SJ01', name: '市场监管一号窗', departmentCode: 'SJ' },
        { token: session.token },
      ),
    );
    // nothing of this department yet: the center refuses and the field is the call's own
    const refused = await c.call(
      'admin.windows.create',
      { code: 'XX01', name: '无部门', departmentCode: 'XX' },
      { token: session.token },
    );
    expect(refused.result).toMatchObject({ ok: false, error: { field: 'departmentCode' } });

    const code = value<{ code: string; expiresAt: string }>(
      await c.call(
        'admin.enrollmentCode.create',
        { windowId: window.id },
        { token: session.token },
      ),
    );
    expect(code.code).toMatch(/\S{6,}/);
    // the same center call over /api sees the window the console made
    const listed = await app.call('GET', '/api/windows', { token: session.token });
    expect(listed.json()).toEqual([expect.objectContaining({ id: window.id, code: 'SJ01' })]);
    // an unknown window: the center's 404, its field named as the console's input names it
    const missing = await c.call(
      'admin.enrollmentCode.create',
      { windowId: 'no-such-window' },
      { token: session.token },
    );
    expect(missing.status).toBe(404);
    expect(missing.result).toMatchObject({ ok: false, error: { code: 'not_found' } });

    expect(value(await c.call('auth.logout', {}, { token: session.token }))).toEqual({});
    const after = await c.call('session.current', {}, { token: session.token });
    expect(after.status).toBe(401);
    expect(after.result).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('refuses a role without the right, a window clerk, an unknown call and a foreign page', async () => {
    const app = testApp(t(), now);
    const supervisor = await app.member('supervisor');
    const windowId = await app.window('SJ01');
    const clerk = await app.member('clerk', windowId);
    const c = await listening(app);

    const token = value<Session>(
      await c.call('auth.login', { username: supervisor.username, password: testPassword }),
    ).token;
    // the supervisor reads alerts, but terminals are the manager's
    expect(value(await c.call('admin.alerts.list', {}, { token }))).toEqual([]);
    const devices = await c.call('admin.devices.list', {}, { token });
    expect(devices.status).toBe(403);
    expect(devices.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // right password, wrong place: a window's clerk signs in at their terminal
    const clerkLogin = await c.call('auth.login', {
      username: clerk.username,
      password: testPassword,
    });
    expect(clerkLogin.status).toBe(403);
    expect(clerkLogin.result).toMatchObject({
      ok: false,
      error: { code: 'forbidden', rule: 'console.centerStaffOnly' },
    });
    // and a clerk's center session (from /api) opens nothing here either
    const clerkCall = await c.call('session.current', {}, { token: clerk.token });
    expect(clerkCall.status).toBe(403);

    // a terminal-only call is no call of the console
    const intake = await c.call('cases.list', {}, { token });
    expect(intake.status).toBe(404);
    expect(intake.result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    // the renderer's schema checks the input first
    const bad = await c.call('admin.alerts.list', { status: 'whatever' }, { token });
    expect(bad.result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'status' },
    });

    const foreign = await c.call(
      'admin.alerts.list',
      {},
      { token, headers: { origin: 'https://evil.example' } },
    );
    expect(foreign.status).toBe(403);
    const form = await c.call(
      'admin.alerts.list',
      {},
      { token, headers: { 'content-type': 'text/plain' } },
    );
    expect(form.status).toBe(415);
  });

  it('locks a username after five wrong passwords, as the center sign-in does', async () => {
    const app = testApp(t(), now);
    const manager = await app.member('manager');
    const c = await listening(app);
    for (let i = 0; i < 5; i++) {
      const wrong = await c.call('auth.login', { username: manager.username, password: 'wrong-1' });
      expect(wrong.status).toBe(401);
      expect(wrong.result).toMatchObject({ ok: false, error: { rule: 'signIn.wrongPassword' } });
    }
    const locked = await c.call('auth.login', {
      username: manager.username,
      password: testPassword,
    });
    expect(locked.status).toBe(429);
    expect(locked.result).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', rule: 'signIn.locked' },
    });
    // one budget with /api/auth/login: the lock holds there too
    const api = await app.call('POST', '/api/auth/login', {
      body: { username: manager.username, password: testPassword },
    });
    expect(api.statusCode).toBe(429);
  });
});
