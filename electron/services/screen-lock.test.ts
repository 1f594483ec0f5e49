import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { tempTerminal } from '../../tests/support/terminal';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { setSetting } from '../store/reference';
import type { Terminal } from './context';
import { Sessions } from './sessions';

// Issue 16 point 8: while a session is locked, main itself refuses it (a script in the page
// gets nothing past the lock screen); only the same person's password unlocks it, and wrong
// passwords count toward the sign-in throttle. Real terminals on temp SQLite files.

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function terminal(options: { lockAfterMs?: number } = {}) {
  const opened = tempTerminal(undefined, { sync: false, ...options });
  cleanups.push(opened.cleanup);
  return opened.terminal;
}

function run(t: Terminal, token: string | null, name: string, input: unknown = {}) {
  return dispatch(handlers, name, input, {
    terminal: t,
    session: t.sessions.resolve(token),
    token,
  });
}

function value<T = Record<string, unknown>>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
}

function account(t: Terminal, role: string) {
  const a = t.demoAccounts.find((x) => x.role === role);
  if (!a) throw new Error(`no demo ${role}`);
  return a;
}

async function signIn(t: Terminal, role: string): Promise<string> {
  const a = account(t, role);
  const s = value<{ token: string }>(
    await run(t, null, 'auth.login', { username: a.username, password: a.password }),
  );
  return s.token;
}

describe('a locked session at main', () => {
  it('refuses every call but unlock and sign-out, and unlocks with its own password', async () => {
    const t = terminal();
    const token = await signIn(t, 'clerk');
    value(await run(t, token, 'cases.list', {}));
    value(await run(t, token, 'session.lock'));

    for (const name of ['cases.list', 'session.current', 'sync.status', 'catalog.items']) {
      const r = await run(t, token, name, {});
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'forbidden', rule: 'screenLock.locked' });
    }
    // reporting input does not unlock
    expect(value(await run(t, token, 'session.activity'))).toMatchObject({ locked: true });
    expect((await run(t, token, 'cases.list', {})).ok).toBe(false);

    // another person's password is not this session's
    const r = await run(t, token, 'session.unlock', { password: account(t, 'chief').password });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({ code: 'unauthenticated', rule: 'signIn.wrongPassword' });
    expect((await run(t, token, 'cases.list', {})).ok).toBe(false);

    value(await run(t, token, 'session.unlock', { password: account(t, 'clerk').password }));
    value(await run(t, token, 'cases.list', {}));
    expect(value(await run(t, token, 'session.activity'))).toMatchObject({ locked: false });
  });

  it('counts wrong unlock passwords toward the sign-in throttle', async () => {
    const t = terminal();
    const clerk = account(t, 'clerk');
    const token = await signIn(t, 'clerk');
    value(await run(t, token, 'session.lock'));
    for (let i = 0; i < 5; i++) {
      const r = await run(t, token, 'session.unlock', { password: 'not-the-password' });
      expect(r.ok).toBe(false);
    }
    // the right password now waits, at the lock screen and at the sign-in page alike
    const unlock = await run(t, token, 'session.unlock', { password: clerk.password });
    expect(unlock.ok).toBe(false);
    if (!unlock.ok) expect(unlock.error.rule).toBe('signIn.locked');
    const login = await run(t, null, 'auth.login', {
      username: clerk.username,
      password: clerk.password,
    });
    expect(login.ok).toBe(false);
    if (!login.ok) expect(login.error.rule).toBe('signIn.locked');
    expect((await run(t, token, 'cases.list', {})).ok).toBe(false);
  });

  it('is ended by signing out: another person signs in, the locked session is gone', async () => {
    const t = terminal();
    const token = await signIn(t, 'clerk');
    value(await run(t, token, 'session.lock'));
    value(await run(t, token, 'auth.logout'));
    const r = await run(t, token, 'session.unlock', { password: account(t, 'clerk').password });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unauthenticated');
    const chief = await signIn(t, 'chief');
    value(await run(t, chief, 'cases.list', {}));
  });

  it('locks only the session that was locked', async () => {
    const t = terminal();
    const clerk = await signIn(t, 'clerk');
    const manager = await signIn(t, 'manager');
    value(await run(t, clerk, 'session.lock'));
    value(await run(t, manager, 'screenLock.get'));
  });
});

describe('the idle time', () => {
  it('is set per PC by the manager, 1 to 60 minutes, and holds for the next call', async () => {
    const t = terminal();
    const manager = await signIn(t, 'manager');
    const clerk = await signIn(t, 'clerk');
    expect(value(await run(t, clerk, 'screenLock.get'))).toEqual({
      idleMinutes: 5,
      lockAfterMs: 300_000,
    });
    const byClerk = await run(t, clerk, 'screenLock.set', { idleMinutes: 10 });
    expect(byClerk.ok).toBe(false);
    if (!byClerk.ok) expect(byClerk.error.code).toBe('forbidden');
    for (const idleMinutes of [0, 61, 2.5, '5']) {
      const r = await run(t, manager, 'screenLock.set', { idleMinutes });
      expect(r.ok, String(idleMinutes)).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_input', field: 'idleMinutes' });
    }
    expect(value(await run(t, manager, 'screenLock.set', { idleMinutes: 12 }))).toEqual({
      idleMinutes: 12,
      lockAfterMs: 720_000,
    });
    expect(value(await run(t, clerk, 'session.activity'))).toEqual({
      locked: false,
      lockAfterMs: 720_000,
    });
  });

  it('falls back to the default when the stored value was damaged by hand', async () => {
    const t = terminal();
    setSetting(t.db, 'screenLock.settings', { idleMinutes: -3 });
    const clerk = await signIn(t, 'clerk');
    expect(value(await run(t, clerk, 'screenLock.get'))).toMatchObject({ idleMinutes: 5 });
  });

  it('is replaced by the test-only option, whatever the manager set', async () => {
    const t = terminal({ lockAfterMs: 2000 });
    const clerk = await signIn(t, 'clerk');
    expect(value(await run(t, clerk, 'session.activity'))).toMatchObject({ lockAfterMs: 2000 });
  });
});

describe('sessions lock by themselves', () => {
  const clerk = { userId: 'u1', name: '张敏', role: 'clerk' as const };

  it('after the idle time (and one report interval) without reported input', () => {
    let now = 0;
    const sessions = new Sessions(
      () => now,
      () => 60_000,
    );
    const token = sessions.open(clerk);
    now += 60_000; // the renderer locks here; main allows one report interval (15 s) more
    expect(sessions.resolve(token)?.locked).toBe(false);
    sessions.touched(sessions.resolve(token)!);
    now += 60_000 + 14_999;
    expect(sessions.resolve(token)?.locked).toBe(false);
    now += 1;
    expect(sessions.resolve(token)?.locked).toBe(true);
    // input reported after the lock changes nothing; calls do not count as input either
    sessions.touched(sessions.resolve(token)!);
    expect(sessions.resolve(token)?.locked).toBe(true);
    sessions.unlock(sessions.resolve(token)!);
    now += 60_000;
    expect(sessions.resolve(token)?.locked).toBe(false);
  });
});
