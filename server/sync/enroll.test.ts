import { generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { newKeyPair } from '../../node-shared/events/crypto';
import { syncPaths } from '../../shared/center-api';
import { openServerDb } from '../db/open';
import { eachDialect } from '../db/test-db';
import { readVersions } from '../reference/versions';
import { count, seedHall, syncHarness, testNow } from './test-support';

eachDialect('sync: enroll', (t) => {
  const setup = async () => {
    await seedHall(t().db);
    return syncHarness(t());
  };
  const enrollBody = (code: string, publicKey = newKeyPair().publicKey) => ({
    code,
    publicKey,
    label: 'PC-01',
  });

  it('binds the key to the code’s window with the next terminal number, then refuses the code', async () => {
    const h = await setup();
    const before = await readVersions(t().db);
    const code = await h.issueCode('w-sj-1');
    // typed as a clerk might: lower case, spaces
    const res = await h.call('POST', syncPaths.enroll, {
      body: enrollBody(` ${code.toLowerCase().replace(/(....)/g, '$1 ')} `),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ deviceId: string; deviceToken: string }>();
    expect(body).toMatchObject({
      windowId: 'w-sj-1',
      terminalNumber: 1,
      centerName: expect.any(String),
    });
    expect(body.deviceToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const device = await t()
      .db.selectFrom('devices')
      .selectAll()
      .where('id', '=', body.deviceId)
      .executeTakeFirstOrThrow();
    expect(device).toMatchObject({ department_code: 'SJ', last_seq: 0, revoked_at: null });
    expect(device.token_hash).not.toContain(body.deviceToken);
    // the department's other terminals must learn the new key
    expect((await readVersions(t().db)).staff).toBe(before.staff + 1);

    const second = await h.enroll('w-sj-1');
    expect(second.id).not.toBe(body.deviceId);
    const numbers = await t()
      .db.selectFrom('devices')
      .select('terminal_number')
      .orderBy('terminal_number')
      .execute();
    expect(numbers.map((n) => n.terminal_number)).toEqual([1, 2]);

    const replay = await h.call('POST', syncPaths.enroll, { body: enrollBody(code) });
    expect(replay.statusCode).toBe(409);
    expect(replay.json()).toMatchObject({ error: { code: 'enrollment_used' } });

    const status = await h.call('GET', syncPaths.device, { token: body.deviceToken });
    expect(status.json()).toEqual({ deviceId: body.deviceId, lastSeq: 0, revoked: false });
  });

  it('answers unknown 404, expired 410, a key that is not Ed25519 400 — and enrolls nothing', async () => {
    const h = await setup();
    const unknown = await h.call('POST', syncPaths.enroll, { body: enrollBody('NOPE-NOPE-NOPE') });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });

    const old = await h.issueCode('w-sj-1', { expiresAt: new Date(testNow.getTime() - 1000) });
    const expired = await h.call('POST', syncPaths.enroll, { body: enrollBody(old) });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ error: { code: 'enrollment_expired' } });

    const code = await h.issueCode('w-sj-1');
    const keys = newKeyPair();
    for (const publicKey of ['not a key', keys.privateKey, x25519PublicKey()]) {
      const bad = await h.call('POST', syncPaths.enroll, { body: enrollBody(code, publicKey) });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({
        error: { code: 'invalid_input', field: 'body.publicKey' },
      });
    }
    expect(await count(t().db, 'devices')).toBe(0);
    // a refused key did not spend the code
    const ok = await h.call('POST', syncPaths.enroll, { body: enrollBody(code, keys.publicKey) });
    expect(ok.statusCode).toBe(201);
  });

  it('lets exactly one of concurrent redemptions win, across two server processes on PostgreSQL', async () => {
    await seedHall(t().db);
    // The embedded SQLite serves one process; on PostgreSQL the second pool is a second server.
    const other = t().dialect === 'postgres' ? await openServerDb(t().options) : null;
    try {
      const a = syncHarness(t());
      const b = other ? syncHarness({ ...t(), db: other.db }) : a;
      const code = await a.issueCode('w-sj-1');
      const results = await Promise.all([
        a.call('POST', syncPaths.enroll, { body: enrollBody(code) }),
        b.call('POST', syncPaths.enroll, { body: enrollBody(code) }),
        a.call('POST', syncPaths.enroll, { body: enrollBody(code) }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
      expect(await count(t().db, 'devices')).toBe(1);
    } finally {
      await other?.close();
    }
  });
});

/** A well-formed public key of another algorithm. */
function x25519PublicKey(): string {
  return generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
}
