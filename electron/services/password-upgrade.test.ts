import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { createTestDatabase } from '../../server/db/test-db';
import { bumpVersion } from '../../server/reference/versions';
import { seedHall, syncHarness } from '../../server/sync/test-support';
import { hashPassword, verifyPasswordSync } from '../../node-shared/passwords';
import { noPasswordHash } from '../../shared/sync';
import { callAs, quietTerminal } from '../../tests/support/sync';
import { findStaffByUsername } from '../store/reference';
import { lastPasswordUpgrade } from './password-upgrade';

// Issue 15 point 7, end to end: a terminal against the real center (Fastify on a temp SQLite,
// real HTTP on loopback) holds only the hashes of staff who may sign in at it, drops the ones it
// held before at its next pull, and a hash made with old parameters becomes a stronger one made
// at the center when its owner signs in at the window.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const password = 'window-pass-1';
// the center's target cost: low, so the test does not spend 128 MiB per hash; the hashes below
// are made at half of it, as a hash of an older release is below today's
const centerCost = 2048;

async function center() {
  const db = await createTestDatabase('sqlite');
  cleanups.push(() => db.dispose());
  await seedHall(db.db, { records: false });
  const old = await hashPassword(password, centerCost / 2);
  const member = (id: string, role: string, window_id: string | null, center_only = 0) => ({
    id,
    username: id,
    name: `名${id}`,
    role,
    window_id,
    password_hash: old,
    active: 1,
    center_only,
  });
  await db.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff')
      .values([
        member('clerk-sj1', 'clerk', 'w-sj-1'),
        member('clerk-zj1', 'clerk', 'w-zj-1'),
        member('supervisor', 'supervisor', null),
        // as a center upgraded to issue 15 holds it before 0018 marks it
        member('admin', 'manager', null, 0),
      ])
      .execute();
    await bumpVersion(trx, 'staff');
  });
  const app = buildApp({ db: db.db, dialect: db.dialect, passwordCost: centerCost });
  await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { db, url: `http://127.0.0.1:${port}`, harness: syncHarness(db, () => new Date()), old };
}

it('a terminal drops the hashes it may not hold, and an old hash comes back stronger from the center', async () => {
  const c = await center();
  // background sync on (hourly): only such a terminal calls the center of its own accord
  const q = quietTerminal(() => new Date(), { intervalMs: 3_600_000 });
  cleanups.push(q.cleanup);
  const manager = await q.as('manager');
  const code = await c.harness.issueCode('w-sj-1');
  await callAs(q.t, manager, 'sync.enroll', { serverUrl: c.url, code });
  await q.t.sync.syncNow();
  const t = q.t;
  // what an older center sent: the admin's hash too
  expect(findStaffByUsername(t.db, 'admin')?.password_hash).toBe(c.old);
  expect(findStaffByUsername(t.db, 'clerk-zj1')).toBeUndefined();

  // what 0018 does at the center: the admin becomes center-only and the staff version moves on
  await c.db.db.transaction().execute(async (trx) => {
    await trx.updateTable('staff').set({ center_only: 1 }).where('id', '=', 'admin').execute();
    await bumpVersion(trx, 'staff');
  });
  expect(await t.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null });
  expect(findStaffByUsername(t.db, 'admin')).toMatchObject({
    name: '名admin',
    password_hash: noPasswordHash,
  });
  await expect(callAs(t, null, 'auth.login', { username: 'admin', password })).rejects.toThrow(
    '用户名或密码错误',
  );
  expect(findStaffByUsername(t.db, 'supervisor')?.password_hash).toBe(c.old);

  // the clerk signs in at the window with the old hash: the center makes it anew, it comes down
  await callAs(t, null, 'auth.login', { username: 'clerk-sj1', password });
  expect(await lastPasswordUpgrade(t)).toBe(true);
  // the next sync round brings the stronger hash down
  expect(await t.sync.syncNow()).toMatchObject({ state: 'idle', lastError: null });
  const atCenter = await c.db.db
    .selectFrom('staff')
    .select('password_hash')
    .where('id', '=', 'clerk-sj1')
    .executeTakeFirstOrThrow();
  expect(atCenter.password_hash.split('$')[1]).toBe(String(centerCost));
  const here = findStaffByUsername(t.db, 'clerk-sj1')!.password_hash;
  expect(here).toBe(atCenter.password_hash);
  expect(verifyPasswordSync(password, here)).toBe(true);
  // and signs in here again with it
  expect(await callAs(t, null, 'auth.login', { username: 'clerk-sj1', password })).toMatchObject({
    user: { username: 'clerk-sj1' },
  });
});
