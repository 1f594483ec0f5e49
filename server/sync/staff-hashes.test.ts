import { expect, it } from 'vitest';
import { noPasswordHash } from '../../shared/sync';
import { hashPassword, needsRehash, verifyPassword } from '../../node-shared/passwords';
import { eachDialect } from '../db/test-db';
import { bumpVersion, readVersions } from '../reference/versions';
import { testPasswordCost } from '../test-app';
import { seedHall, syncHarness } from './test-support';

// Issue 15 point 7: what a terminal receives of the staff's password hashes, and how a hash made
// with older scrypt parameters is made anew at the center and reaches the terminals.

const password = 'window-pass-1';

eachDialect('sync: the staff hashes a terminal receives', (t) => {
  const setup = async () => {
    await seedHall(t().db, { records: false });
    const h = syncHarness(t());
    // made at a cost below the app's (testPasswordCost): as a hash of an older release is
    const old = await hashPassword(password, testPasswordCost / 2);
    const person = (
      id: string,
      role: string,
      window_id: string | null,
      more: { active?: number; center_only?: number } = {},
    ) => ({
      id,
      username: id,
      name: `名${id}`,
      role,
      window_id,
      password_hash: old,
      active: 1,
      center_only: 0,
      ...more,
    });
    await t()
      .db.insertInto('staff')
      .values([
        person('clerk-sj1', 'clerk', 'w-sj-1'),
        person('chief-sj2', 'chief', 'w-sj-2'),
        person('gone-sj1', 'clerk', 'w-sj-1', { active: 0 }),
        person('clerk-zj1', 'clerk', 'w-zj-1'),
        person('manager', 'manager', null),
        person('supervisor', 'supervisor', null),
        person('admin', 'manager', null, { center_only: 1 }),
      ])
      .execute();
    return { h, old };
  };

  it('carries hashes only of those who may sign in there: never admin, never another department', async () => {
    const { h, old } = await setup();
    const device = await h.enroll('w-sj-1');
    const staff = (await device.pull(0)).reference.staff!.staff;
    const hashes = Object.fromEntries(staff.map((s) => [s.id, s.passwordHash]));
    expect(hashes).toEqual({
      'clerk-sj1': old,
      'chief-sj2': old,
      manager: old,
      supervisor: old,
      // by name, for the history a terminal shows, without anything to verify a password with
      'gone-sj1': noPasswordHash,
      admin: noPasswordHash,
    });
    expect(staff.find((s) => s.id === 'admin')).toMatchObject({ name: '名admin', role: 'manager' });
    expect(await verifyPassword(password, noPasswordHash)).toBe(false);
  });

  it('drops the hash of a supervisor the manager keeps to the center, and brings it back', async () => {
    const { h, old } = await setup();
    const device = await h.enroll('w-sj-1');
    const hashOf = async (id: string) =>
      (await device.pull(0)).reference.staff!.staff.find((s) => s.id === id)!.passwordHash;
    expect(await hashOf('supervisor')).toBe(old);
    const login = await h.call('POST', '/api/auth/login', {
      body: { username: 'manager', password },
    });
    const token = login.json<{ token: string }>().token;
    const keep = (centerOnly: boolean) =>
      h.call('PUT', '/api/staff/supervisor', {
        token,
        body: { name: '名supervisor', role: 'supervisor', windowId: null, centerOnly },
      });
    expect((await keep(true)).statusCode).toBe(200);
    expect(await hashOf('supervisor')).toBe(noPasswordHash);
    expect((await keep(false)).statusCode).toBe(200);
    expect(await hashOf('supervisor')).toBe(old);
  });

  it('makes an old hash anew at sign-in, and the terminals pull the new one', async () => {
    const { h, old } = await setup();
    const device = await h.enroll('w-sj-1');
    const held = await readVersions(t().db);
    expect((await device.pull(0, { versions: held })).reference.staff).toBeUndefined();

    const login = await h.call('POST', '/api/auth/login', {
      body: { username: 'clerk-sj1', password },
    });
    expect(login.statusCode).toBe(200);
    const row = await t()
      .db.selectFrom('staff')
      .select('password_hash')
      .where('id', '=', 'clerk-sj1')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).not.toBe(old);
    expect(row.password_hash.split('$')[1]).toBe(String(testPasswordCost));
    expect(needsRehash(row.password_hash, testPasswordCost)).toBe(false);
    expect(await verifyPassword(password, row.password_hash)).toBe(true);

    const after = await readVersions(t().db);
    expect(after.staff).toBe(held.staff + 1);
    const pulled = (await device.pull(0, { versions: held })).reference.staff!.staff;
    expect(pulled.find((s) => s.id === 'clerk-sj1')!.passwordHash).toBe(row.password_hash);

    // signing in again with the hash already current changes nothing
    const again = await h.call('POST', '/api/auth/login', {
      body: { username: 'clerk-sj1', password },
    });
    expect(again.statusCode).toBe(200);
    expect((await readVersions(t().db)).staff).toBe(after.staff);
    // a wrong password re-hashes nothing
    await h.call('POST', '/api/auth/login', { body: { username: 'manager', password: 'nope' } });
    const manager = await t()
      .db.selectFrom('staff')
      .select('password_hash')
      .where('id', '=', 'manager')
      .executeTakeFirstOrThrow();
    expect(manager.password_hash).toBe(old);
  });

  it('refuses the old password after a reset, and keeps the reset hash as it is', async () => {
    const { h } = await setup();
    const reset = await hashPassword('new-pass-2', testPasswordCost);
    await t()
      .db.transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('staff')
          .set({ password_hash: reset })
          .where('id', '=', 'chief-sj2')
          .execute();
        await bumpVersion(trx, 'staff');
      });
    const login = await h.call('POST', '/api/auth/login', {
      body: { username: 'chief-sj2', password },
    });
    expect(login.statusCode).toBe(401);
    const row = await t()
      .db.selectFrom('staff')
      .select('password_hash')
      .where('id', '=', 'chief-sj2')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toBe(reset);
  });
});
