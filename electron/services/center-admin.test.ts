import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ApiResult } from '../../shared/api';
import { buildApp } from '../../server/app';
import { createTestDatabase } from '../../server/db/test-db';
import { lockout } from '../../server/auth/lockout';
import { seedCenter } from '../../server/seed';
import { testPasswordCost } from '../../server/test-app';
import { centerAdmin } from '../../tests/support/center-admin';
import { quietTerminal } from '../../tests/support/sync';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { setSetting } from '../store/reference';
import { syncKeys } from '../store/sync-state';
import type { Terminal } from './context';

// The manager's administration relayed by main to a real center (Fastify on a temp SQLite, over
// loopback HTTP): what the renderer gets back is the center's answer, with the field it names.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const managerPassword = 'manager-pass-1';

/** A seeded center with a manager `manager` (the demo terminal's manager's username). */
async function center() {
  const db = await createTestDatabase('sqlite');
  cleanups.push(() => db.dispose());
  // a low scrypt cost, as every route test: 128 MiB hashes would be most of these tests' time
  const admin = await seedCenter(db.db, { passwordCost: testPasswordCost });
  const app = buildApp({
    db: db.db,
    dialect: db.dialect,
    checkResponses: true,
    passwordCost: testPasswordCost,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const manager = await centerAdmin(url, { username: admin!.username, password: admin!.password });
  await manager.createStaff({
    username: 'manager',
    name: '陈静',
    role: 'manager',
    windowId: null,
    password: managerPassword,
  });
  return { url, app, db: db.db, admin: manager };
}

async function terminalAt(url: string | null) {
  const q = quietTerminal();
  cleanups.push(q.cleanup);
  if (url) setSetting(q.t.db, syncKeys.server, url);
  const token = await q.as('manager');
  const run = (name: string, input: unknown, as = token) => call(q.t, as, name, input);
  return { ...q, run };
}

function call(t: Terminal, token: string, name: string, input: unknown) {
  return dispatch(handlers, name, input, {
    terminal: t,
    session: t.sessions.resolve(token),
    token,
  });
}

function value<T>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
}

describe('center administration from the terminal', () => {
  it('points an unjoined terminal to the settings page', async () => {
    const { run } = await terminalAt(null);
    expect(value(await run('admin.center.status', {}))).toMatchObject({
      serverUrl: null,
      signedIn: false,
      username: 'manager',
    });
    const r = await run('admin.windows.list', {});
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', rule: 'terminal.notEnrolled' },
    });
    expect(!r.ok && r.error.message).toMatch(/终端设置/);
  });

  it('asks for the password first, and shows a wrong one at the password field with its rule', async () => {
    const c = await center();
    const { run } = await terminalAt(c.url);
    expect(await run('admin.windows.list', {})).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', rule: 'center.signIn' },
    });
    // the center's rule reaches the renderer for its English; invalid_input, not unauthenticated,
    // which would sign the manager out of this terminal
    const wrong = await run('admin.center.signIn', { password: 'not-it-at-all' });
    expect(wrong).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: '用户名或密码错误',
        field: 'password',
        rule: 'signIn.wrongPassword',
      },
    });
    expect(value(await run('admin.center.signIn', { password: managerPassword }))).toMatchObject({
      signedIn: true,
    });
  });

  it('names a locked or deactivated center account by its rule, still at the password field', async () => {
    const c = await center();
    const { run } = await terminalAt(c.url);
    for (let i = 0; i < lockout.failures; i += 1) {
      await run('admin.center.signIn', { password: 'not-it-at-all' });
    }
    expect(await run('admin.center.signIn', { password: managerPassword })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'password', rule: 'signIn.locked' },
    });
    await c.db.deleteFrom('login_guards').execute();
    const staff = await c.admin.call<{ id: string; username: string }[]>('GET', '/api/staff');
    const me = staff.find((s) => s.username === 'manager')!;
    await c.admin.call('POST', `/api/staff/${me.id}/deactivate`);
    expect(await run('admin.center.signIn', { password: managerPassword })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'password', rule: 'signIn.inactive' },
    });
  });

  it('relays the calls and maps the center’s refusals to the fields of the input', async () => {
    const c = await center();
    const { run, as } = await terminalAt(c.url);
    value(await run('admin.center.signIn', { password: managerPassword }));

    const window = value<{ id: string }>(
      await run('admin.windows.create', {
        code: 'SJ09',
        name: '市监九号窗口',
        departmentCode: 'SJ',
      }),
    );
    const twice = await run('admin.windows.create', {
      code: 'SJ09',
      name: '又一个',
      departmentCode: 'SJ',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', field: 'code' } });
    expect(!twice.ok && twice.error.message).toBe('窗口编号已存在: SJ09');
    expect(
      await run('admin.windows.update', { id: window.id, code: 'sj9', name: '九号' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'code' } });

    const code = value<{ code: string; expiresAt: string }>(
      await run('admin.enrollmentCode.create', { windowId: window.id }),
    );
    expect(code.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(await run('admin.enrollmentCode.create', { windowId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    expect(
      await run('admin.closures.set', {
        closures: [
          { date: '2026-05-06', reason: '设备检修' },
          { date: '2026-05-06', reason: '又一次' },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'closures.1.date' } });

    const items = value<{ code: string; promisedDays: number; statutoryDays: number }[]>(
      await run('admin.items.list', {}),
    );
    const item = items.find((i) => i.code.startsWith('SJ-'))!;
    expect(
      await run('admin.items.update', {
        code: item.code,
        item: { ...item, promisedDays: item.statutoryDays + 1 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'item.promisedDays' } });
    expect(
      await run('admin.powers.set', {
        windowId: window.id,
        grants: [{ itemCode: 'XX-999', powers: ['accept'] }],
      }),
    ).toMatchObject({ ok: false, error: { field: 'grants.0.itemCode' } });
    value(
      await run('admin.powers.set', {
        windowId: window.id,
        grants: [{ itemCode: item.code, powers: ['accept', 'deliver'] }],
      }),
    );
    expect(value(await run('admin.powers.get', { windowId: window.id }))).toEqual([
      { itemCode: item.code, powers: ['accept', 'deliver'] },
    ]);

    expect(
      await run('admin.settings.set', {
        centerName: '示范区政务服务中心',
        thresholds: { warningWorkingDays: 1, yellowWorkingDays: 2 },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'thresholds.yellowWorkingDays' },
    });
    expect(
      value(await run('admin.departments.update', { code: 'SJ', name: '市场监管局' })),
    ).toEqual({ code: 'SJ', name: '市场监管局' });
    expect(value(await run('admin.items.delete', { code: 'WL-002' }))).toEqual({});
    expect(await run('admin.items.delete', { code: 'WL-002' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const staff = {
      username: 'zhou9',
      name: '周九',
      role: 'clerk',
      windowId: window.id,
      password: 'short',
    };
    expect(await run('admin.staff.create', staff)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'password' },
    });
    const clerk = value<{ id: string }>(
      await run('admin.staff.create', { ...staff, password: 'zhou9-pass-1' }),
    );
    expect(value(await run('admin.staff.deactivate', { id: clerk.id }))).toMatchObject({
      active: false,
    });
    // the center decides, but a clerk at this PC never gets that far
    expect(await run('admin.staff.list', {}, await as('clerk'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('asks for the password again when the center ended the session', async () => {
    const c = await center();
    const { run } = await terminalAt(c.url);
    value(await run('admin.center.signIn', { password: managerPassword }));
    const staff = await c.admin.call<{ id: string; username: string }[]>('GET', '/api/staff');
    const me = staff.find((s) => s.username === 'manager')!;
    await c.admin.call('POST', `/api/staff/${me.id}/reset-password`, { password: 'new-pass-22' });
    expect(await run('admin.settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', rule: 'center.signIn' },
    });
    expect(value(await run('admin.center.status', {}))).toMatchObject({ signedIn: false });
  });

  it('signs the manager out at the center too when they sign out here', async () => {
    const c = await center();
    const { run } = await terminalAt(c.url);
    value(await run('admin.center.signIn', { password: managerPassword }));
    const sessionsOfManager = async () =>
      (
        await c.db
          .selectFrom('sessions')
          .innerJoin('staff', 'staff.id', 'sessions.staff_id')
          .where('staff.username', '=', 'manager')
          .select('sessions.token_hash')
          .execute()
      ).length;
    expect(await sessionsOfManager()).toBe(1);
    value(await run('auth.logout', {}));
    // the sign-out at the center does not hold up the one here: wait for it, boundedly
    for (let i = 0; i < 50 && (await sessionsOfManager()) > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await sessionsOfManager()).toBe(0);
  });

  it('says the center cannot be reached: unavailable, never a refusal', async () => {
    const c = await center();
    const { run } = await terminalAt(c.url);
    value(await run('admin.center.signIn', { password: managerPassword }));
    await c.app.close();
    const r = await run('admin.devices.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!r.ok && r.error.message).toMatch(
      /^中心暂时无法连接，请稍后重试。无法连接中心（http:\/\/127\.0\.0\.1:\d+）：连接被(拒绝|中断)/,
    );
    const again = await run('admin.center.signIn', { password: managerPassword });
    expect(again).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('says a center failing with 5xx is unavailable, and keeps ids inside their path segment', async () => {
    const c = await center();
    const { run } = await terminalAt(c.url);
    value(await run('admin.center.signIn', { password: managerPassword }));
    // an id that would walk to another route were it not one encoded segment
    const walk = await run('admin.staff.deactivate', { id: '../../departments' });
    expect(walk).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await sql`drop table closures`.execute(c.db);
    const broken = await run('admin.closures.get', {});
    expect(broken).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!broken.ok && broken.error.message).toMatch(
      /^中心暂时无法连接，请稍后重试。中心返回错误：服务器内部错误$/,
    );
    expect(!broken.ok && broken.error.message).not.toMatch(/无权/);
  });
});
