import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Role } from '../shared/case';
import type { ReferenceVersions } from '../shared/sync';
import { buildApp } from './app';
import { hashPassword } from '../node-shared/passwords';
import { createSession } from './auth/sessions';
import type { TestDatabase } from './db/test-db';
import { sha256Hex } from './http/tokens';
import { readVersions } from './reference/versions';
import { recordStaff } from './admin/history';
import { shanghaiIso } from '../shared/calendar';

// What route tests share: the real app on a real test database, and signed-in staff made
// straight in the tables, their password hashed at a low scrypt cost (the production cost takes
// ~100 ms per sign-in on a busy CI machine).

export const testPassword = 'correct horse 1';
/** the app's scrypt cost too, so that signing in does not make the hash anew at full cost */
export const testPasswordCost = 1024;
let testHash: Promise<string> | null = null;

export type TestMember = { id: string; username: string; token: string };

export type TestApp = {
  app: FastifyInstance;
  /** a new active staff member of `role` (password `testPassword`), signed in */
  member(role: Role, windowId?: string | null): Promise<TestMember>;
  /** the bearer token of a new signed-in member of `role` */
  tokenFor(role: Role, windowId?: string | null): Promise<string>;
  call(
    method: NonNullable<InjectOptions['method']>,
    url: string,
    opts?: { token?: string; body?: unknown },
  ): Promise<LightMyRequestResponse>;
  versions(): Promise<ReferenceVersions>;
  /** a window (and its department, if new) straight in the tables: its id */
  window(code?: string, departmentCode?: string): Promise<string>;
  /** an enrolled terminal at `windowId` whose bearer token is `token` */
  device(opts: { id: string; windowId: string; token: string; revoked?: boolean }): Promise<void>;
};

export function testApp(
  t: TestDatabase,
  now: () => Date = () => new Date(),
  /** part C (issue 15): the center's data folder (updates, crash reports) */
  opts: { dataDir?: string } = {},
): TestApp {
  // every answer of every route test is parsed with its contract's schema (a mismatch is a 500)
  const app = buildApp({
    db: t.db,
    dialect: t.dialect,
    now,
    checkResponses: true,
    passwordCost: testPasswordCost,
    ...opts,
  });
  const member = async (role: Role, windowId: string | null = null): Promise<TestMember> => {
    const id = randomUUID();
    const username = `${role}-${id.slice(0, 8)}`;
    await t.db
      .insertInto('staff')
      .values({
        id,
        username,
        name: '测试',
        role,
        window_id: windowId,
        password_hash: await (testHash ??= hashPassword(testPassword, testPasswordCost)),
        active: 1,
      })
      .execute();
    await recordStaff(t.db, id, shanghaiIso(now()));
    return { id, username, token: await createSession(t.db, id, now()) };
  };
  return {
    app,
    member,
    tokenFor: async (role, windowId) => (await member(role, windowId)).token,
    call(method, url, opts = {}) {
      return app.inject({
        method,
        url,
        ...(opts.token ? { headers: { authorization: `Bearer ${opts.token}` } } : {}),
        ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
      });
    },
    versions: () => readVersions(t.db),
    async window(code = 'SJ01', departmentCode = code.slice(0, 2)) {
      await t.db
        .insertInto('departments')
        .values({ code: departmentCode, name: `部门${departmentCode}` })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      const id = randomUUID();
      await t.db
        .insertInto('windows')
        .values({ id, code, name: `${code}窗口`, department_code: departmentCode })
        .execute();
      return id;
    },
    async device({ id, windowId, token, revoked = false }) {
      const window = await t.db
        .selectFrom('windows')
        .select('department_code')
        .where('id', '=', windowId)
        .executeTakeFirstOrThrow();
      const terminals = await t.db
        .selectFrom('devices')
        .select('id')
        .where('window_id', '=', windowId)
        .execute();
      await t.db
        .insertInto('devices')
        .values({
          id,
          window_id: windowId,
          department_code: window.department_code,
          terminal_number: terminals.length + 1,
          label: `PC-${id}`,
          public_key: 'pem',
          token_hash: sha256Hex(token),
          enrolled_at: '2026-03-02T09:00:00.000+08:00',
          revoked_at: revoked ? '2026-03-02T10:00:00.000+08:00' : null,
          last_seq: 0,
          last_hash: '0'.repeat(64),
        })
        .execute();
    },
  };
}
