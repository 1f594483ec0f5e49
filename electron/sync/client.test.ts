import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../shared/catalog';
import { buildApp } from '../../server/app';
import { testPasswordCost } from '../../server/test-app';
import { createTestDatabase, type TestDatabase } from '../../server/db/test-db';
import { bumpVersion } from '../../server/reference/versions';
import { seedHall, syncHarness } from '../../server/sync/test-support';
import { recordItem, recordPowers, recordStaff } from '../../server/admin/history';
import { sinceAlways } from '../../server/db/migrations/0008-authority-history';
import { callAs, quietTerminal } from '../../tests/support/sync';
import { personApplicant } from '../../tests/support/applicants';
import type { Terminal } from '../services/context';
import { hashPasswordSync } from '../../node-shared/passwords';
import { getCaseState } from '../store/cases';

// The terminal's sync client against the real center server (Fastify on a temp SQLite), over
// real HTTP on loopback: enroll, push, pull, conflicts, as two PCs of one department live them.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const password = 'center-pass-1';

async function center() {
  const db: TestDatabase = await createTestDatabase('sqlite');
  cleanups.push(() => db.dispose());
  // the catalog and staff below are this test's own, each recorded in the center's history
  await seedHall(db.db, { records: false });
  const item = parseCatalog(
    JSON.parse(readFileSync('resources/catalog/default-catalog.json', 'utf8')),
  ).items.find((i) => i.departmentCode === 'SJ')!;
  const hash = hashPasswordSync(password, testPasswordCost);
  await db.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('items')
      .values({
        code: item.code,
        department_code: 'SJ',
        name: item.name,
        data: JSON.stringify(item),
      })
      .execute();
    await trx
      .insertInto('window_powers')
      .values(
        ['w-sj-1', 'w-sj-2'].map((windowId) => ({
          window_id: windowId,
          item_code: item.code,
          powers: JSON.stringify(['accept', 'approve', 'deliver']),
        })),
      )
      .execute();
    await trx
      .insertInto('staff')
      .values([
        {
          id: 's-clerk-1',
          username: 'clerk1',
          name: '周一窗',
          role: 'clerk',
          window_id: 'w-sj-1',
          password_hash: hash,
          active: 1,
        },
        {
          id: 's-clerk-2',
          username: 'clerk2',
          name: '吴二窗',
          role: 'clerk',
          // SJ01's second clerk: a withdrawal is the case's own window's (shared/case/scope.ts)
          window_id: 'w-sj-1',
          password_hash: hash,
          active: 1,
        },
      ])
      .execute();
    await recordItem(trx, item.code, sinceAlways);
    await recordPowers(trx, sinceAlways);
    for (const id of ['s-clerk-1', 's-clerk-2']) await recordStaff(trx, id, sinceAlways);
    await bumpVersion(trx, 'catalog');
    await bumpVersion(trx, 'staff');
  });
  const app = buildApp({
    db: db.db,
    dialect: db.dialect,
    checkResponses: true,
    passwordCost: testPasswordCost,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    db,
    url: `http://127.0.0.1:${port}`,
    harness: syncHarness(db, () => new Date()),
    itemCode: item.code,
  };
}

async function enrolledTerminal(c: Awaited<ReturnType<typeof center>>, windowId: string) {
  const q = quietTerminal(() => new Date());
  cleanups.push(q.cleanup);
  const manager = await q.as('manager');
  const code = await c.harness.issueCode(windowId);
  const enrolled = await callAs(q.t, manager, 'sync.enroll', { serverUrl: c.url, code });
  expect(enrolled).toMatchObject({ windowId, deviceId: q.t.device.id });
  expect(q.t.demoAccounts).toEqual([]);
  const status = await q.t.sync.syncNow();
  expect(status).toMatchObject({ enrolled: true, online: true, state: 'idle', lastError: null });
  return q.t;
}

async function signIn(t: Terminal, username: string): Promise<string> {
  return (await callAs(t, null, 'auth.login', { username, password })).token as string;
}

describe('sync with the center server', () => {
  it('enrolls, pushes the cases a window writes, and the other window pulls them', async () => {
    const c = await center();
    const a = await enrolledTerminal(c, 'w-sj-1');
    const clerk = await signIn(a, 'clerk1');
    const cases: string[] = [];
    for (let n = 0; n < 3; n++) {
      const r = await callAs(a, clerk, 'cases.receive', {
        itemCode: c.itemCode,
        applicant: personApplicant(n),
        channel: 'window',
      });
      cases.push(r.caseId as string);
    }
    expect(a.sync.status().pending).toBe(3);
    const after = await a.sync.syncNow();
    expect(after).toMatchObject({ pending: 0, state: 'idle', conflicts: 0 });
    const onServer = await c.db.db.selectFrom('events').select(['id', 'status']).execute();
    expect(onServer).toHaveLength(3);
    expect(onServer.every((e) => e.status === 'accepted')).toBe(true);

    const b = await enrolledTerminal(c, 'w-sj-2');
    for (const id of cases) expect(getCaseState(b.db, id)).toEqual(getCaseState(a.db, id));

    // Two PCs of the case's window withdraw it; A's reaches the center first, the other's
    // conflicts. (Another window may not withdraw it at all: tests/security/authority.test.ts.)
    const a2 = await enrolledTerminal(c, 'w-sj-1');
    const clerkB = await signIn(a2, 'clerk2');
    await callAs(a, clerk, 'cases.record', {
      caseId: cases[0],
      type: 'withdrawn',
      payload: { reason: '一号窗：申请人撤回' },
    });
    await callAs(a2, clerkB, 'cases.record', {
      caseId: cases[0],
      type: 'withdrawn',
      payload: { reason: '二号窗：申请人撤回' },
    });
    await a.sync.syncNow();
    const bStatus = await a2.sync.syncNow();
    expect(bStatus).toMatchObject({ pending: 0, conflicts: 1 });
    expect(getCaseState(a2.db, cases[0]!)).toEqual(getCaseState(a.db, cases[0]!));
    await a.sync.syncNow();
    const listed = (await callAs(a, clerk, 'cases.conflicts', {})) as unknown as {
      caseId: string;
      actorName: string;
    }[];
    expect(listed).toEqual([expect.objectContaining({ caseId: cases[0], actorName: '吴二窗' })]);
  });

  it('sends again what a center restored from a backup has forgotten', async () => {
    const c = await center();
    const a = await enrolledTerminal(c, 'w-sj-1');
    const clerk = await signIn(a, 'clerk1');
    for (let n = 0; n < 2; n++) {
      await callAs(a, clerk, 'cases.receive', {
        itemCode: c.itemCode,
        applicant: personApplicant(n),
        channel: 'window',
      });
    }
    await a.sync.syncNow();
    // the backup was taken before the second event arrived
    const second = await c.db.db
      .selectFrom('events')
      .select(['server_seq', 'case_id'])
      .orderBy('server_seq', 'desc')
      .executeTakeFirstOrThrow();
    await c.db.db.deleteFrom('cases').where('id', '=', second.case_id).execute();
    await c.db.db.deleteFrom('events').where('server_seq', '=', second.server_seq).execute();
    const device = a.device.id;
    const last = await c.db.db
      .selectFrom('events')
      .select(['device_seq', 'hash'])
      .where('device_id', '=', device)
      .executeTakeFirstOrThrow();
    await c.db.db
      .updateTable('devices')
      .set({ last_seq: last.device_seq, last_hash: last.hash })
      .where('id', '=', device)
      .execute();

    const status = await a.sync.syncNow();
    expect(status).toMatchObject({ pending: 0, state: 'idle', lastError: null });
    expect(await c.db.db.selectFrom('events').select('id').execute()).toHaveLength(2);
  });
});
