import { expect, it } from 'vitest';
import { buildApp } from '../app';
import { openServerDb } from '../db/open';
import { eachDialect } from '../db/test-db';
import { testApp, testPassword, testPasswordCost } from '../test-app';

const at = (iso: string) => new Date(iso);

eachDialect('auth', (t) => {
  it('signs in with the right password, and signing out ends that session', async () => {
    const { call, member } = testApp(t());
    const clerk = await member('clerk');
    const res = await call('POST', '/api/auth/login', {
      body: { username: clerk.username, password: testPassword },
    });
    expect(res.statusCode).toBe(200);
    const { token, staff } = res.json<{ token: string; staff: unknown }>();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(staff).toEqual({
      id: clerk.id,
      username: clerk.username,
      name: '测试',
      role: 'clerk',
      windowId: null,
    });
    const stored = await t().db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    expect((await call('GET', '/api/reference/versions', { token })).statusCode).toBe(200);
    expect((await call('POST', '/api/auth/logout', { token })).statusCode).toBe(200);
    expect((await call('GET', '/api/reference/versions', { token })).statusCode).toBe(401);
    // the member's other session lives on
    expect((await call('GET', '/api/reference/versions', { token: clerk.token })).statusCode).toBe(
      200,
    );
  });

  it('refuses a wrong password, an unknown name and a deactivated member alike with 401', async () => {
    const { call, member } = testApp(t());
    const clerk = await member('clerk');
    const login = (username: string, password: string) =>
      call('POST', '/api/auth/login', { body: { username, password } });
    const wrong = await login(clerk.username, 'not it');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    expect((await login('nobody', testPassword)).statusCode).toBe(401);
    await t().db.updateTable('staff').set({ active: 0 }).where('id', '=', clerk.id).execute();
    expect((await login(clerk.username, testPassword)).statusCode).toBe(401);
    // and the session it already had stops working
    const versions = await call('GET', '/api/reference/versions', { token: clerk.token });
    expect(versions.statusCode).toBe(401);
  });

  it('locks a username after 5 failures for 15 minutes, in every process', async () => {
    let now = at('2026-03-02T09:00:00+08:00');
    const first = testApp(t(), () => now);
    const clerk = await first.member('clerk');
    const login = (app: typeof first.app, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: clerk.username, password },
      });
    for (let i = 0; i < 5; i++) expect((await login(first.app, 'wrong')).statusCode).toBe(401);
    const locked = await login(first.app, testPassword);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'unauthenticated' } });

    // a second server process on the same database
    const other = await openServerDb(t().options);
    try {
      const second = buildApp({
        db: other.db,
        dialect: other.dialect,
        now: () => now,
        checkResponses: true,
        passwordCost: testPasswordCost,
      });
      expect((await login(second, testPassword)).statusCode).toBe(429);
      now = at('2026-03-02T09:15:01+08:00');
      expect((await login(second, testPassword)).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('forgets failures older than 15 minutes and after a success', async () => {
    let now = at('2026-03-02T09:00:00+08:00');
    const { call, member } = testApp(t(), () => now);
    const clerk = await member('clerk');
    const login = (password: string) =>
      call('POST', '/api/auth/login', { body: { username: clerk.username, password } });
    for (let i = 0; i < 4; i++) await login('wrong');
    now = at('2026-03-02T09:20:00+08:00');
    for (let i = 0; i < 4; i++) await login('wrong');
    expect((await login(testPassword)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login('wrong');
    expect((await login(testPassword)).statusCode).toBe(200);
  });

  it('ends a session after 12 hours', async () => {
    let now = at('2026-03-02T09:00:00+08:00');
    const { call, tokenFor } = testApp(t(), () => now);
    const token = await tokenFor('manager');
    now = at('2026-03-02T20:59:00+08:00');
    expect((await call('GET', '/api/reference/versions', { token })).statusCode).toBe(200);
    now = at('2026-03-02T21:00:00+08:00');
    const expired = await call('GET', '/api/reference/versions', { token });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});
