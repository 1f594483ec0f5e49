import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import { buildApp } from '../app';
import { errorBodySchema } from '../../shared/sync';
import { eachDialect } from '../db/test-db';
import { testApp, testPassword, testPasswordCost } from '../test-app';
import { lockout } from './lockout';

// The lockout's three counters on both dialects, the clock in the test's hand: an attacker's
// address locks itself and not the manager, locks grow while the guessing goes on and end, and
// many addresses against one account cannot keep its owner out where she signs in.

const at = (iso: string) => new Date(iso);
const attacker = '203.0.113.7';
const managerPc = '10.0.0.5';

eachDialect('sign-in lockout per account and address', (t) => {
  const setup = (start: string) => {
    const clock = { now: at(start) };
    const app = testApp(t(), () => clock.now);
    const signIn = async (username: string, password: string, from: string) => {
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress: from,
      });
      return res.statusCode === 200
        ? { status: 200, rule: null, message: '' }
        : { status: res.statusCode, ...errorBodySchema.parse(res.json()).error };
    };
    const sessions = async () =>
      Number(
        (
          await t()
            .db.selectFrom('sessions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { clock, app, signIn, sessions };
  };

  it('locks the attacker’s address for the manager’s name, not the manager at her own PC; locks grow, then end', async () => {
    const { clock, app, signIn, sessions } = setup('2026-03-02T09:00:00+08:00');
    const manager = await app.member('manager');
    const before = await sessions();
    const guess = () => signIn(manager.username, 'guess', attacker);

    for (let i = 0; i < lockout.failures; i += 1) expect((await guess()).status).toBe(401);
    const locked = await signIn(manager.username, testPassword, attacker);
    expect(locked).toMatchObject({ status: 429, rule: 'signIn.locked' });
    // the answer says until when, in Beijing time
    expect(locked.message).toBe('密码连续输错次数过多，请稍后再试（2026-03-02 09:15 后可再试）');
    expect(await sessions()).toBe(before);
    // meanwhile the manager signs in at her own PC
    expect((await signIn(manager.username, testPassword, managerPc)).status).toBe(200);

    // the lock ends; the next five failures lock twice as long, then four times
    const lockEnds: string[] = [];
    for (const minutes of [15, 30, 60]) {
      const lockedAt = clock.now.getTime();
      clock.now = new Date(lockedAt + minutes * 60_000 - 1000);
      expect((await guess()).status).toBe(429);
      clock.now = new Date(lockedAt + minutes * 60_000);
      for (let i = 0; i < lockout.failures; i += 1) expect((await guess()).status).toBe(401);
      lockEnds.push((await guess()).message);
    }
    expect(lockEnds).toEqual([
      '密码连续输错次数过多，请稍后再试（2026-03-02 09:45 后可再试）',
      '密码连续输错次数过多，请稍后再试（2026-03-02 10:45 后可再试）',
      '密码连续输错次数过多，请稍后再试（2026-03-02 12:45 后可再试）',
    ]);
    // the manager was never kept out
    expect((await signIn(manager.username, testPassword, managerPc)).status).toBe(200);

    // a day after the last lock ended the backoff is forgotten: the next lock is 15 minutes
    clock.now = at('2026-03-03T13:00:00+08:00');
    for (let i = 0; i < lockout.failures; i += 1) expect((await guess()).status).toBe(401);
    expect((await guess()).message).toContain('2026-03-03 13:15');
    clock.now = at('2026-03-03T13:15:00+08:00');
    // and the right password from the attacker's address (she moved desks) clears it
    expect((await signIn(manager.username, testPassword, attacker)).status).toBe(200);
    for (let i = 0; i < lockout.failures - 1; i += 1) expect((await guess()).status).toBe(401);
    expect((await signIn(manager.username, testPassword, attacker)).status).toBe(200);
  });

  it('locks an address that sprays one password over many usernames, whatever the names', async () => {
    const { app, signIn } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await app.member('clerk');
    // real accounts (a cheap test hash) and a few names that do not exist (production scrypt)
    const names = [
      ...(await Promise.all(
        Array.from(
          { length: lockout.addressFailures - 3 },
          async () => (await app.member('clerk')).username,
        ),
      )),
      'nobody-1',
      'nobody-2',
      'nobody-3',
    ];
    const results = [];
    for (const name of names) results.push((await signIn(name, 'Password123', attacker)).status);
    expect(results).toEqual(Array.from({ length: lockout.addressFailures }, () => 401));
    // a real account from that address is refused unchecked; from elsewhere it signs in
    expect(await signIn(clerk.username, testPassword, attacker)).toMatchObject({
      status: 429,
      rule: 'signIn.locked',
    });
    expect((await signIn(clerk.username, testPassword, managerPc)).status).toBe(200);
  });

  it('bounds many addresses against one account without keeping its owner out where she signs in', async () => {
    const { clock, app, signIn } = setup('2026-03-02T09:00:00+08:00');
    const manager = await app.member('manager');
    // she signed in at her PC yesterday
    clock.now = at('2026-03-01T17:00:00+08:00');
    expect((await signIn(manager.username, testPassword, managerPc)).status).toBe(200);
    clock.now = at('2026-03-02T09:00:00+08:00');

    const botnet = (i: number) => `198.51.100.${i + 1}`;
    for (let i = 0; i < lockout.accountFailures; i += 1) {
      expect((await signIn(manager.username, 'guess', botnet(i))).status).toBe(401);
    }
    // the account is closed to new addresses: the next guess is not even checked …
    const next = await signIn(manager.username, testPassword, botnet(50));
    expect(next).toMatchObject({ status: 429, rule: 'signIn.locked' });
    expect(next.message).toContain('2026-03-02 09:15');
    // … yet she signs in at her PC, and can fail there without help from the attackers
    expect((await signIn(manager.username, 'typo', managerPc)).status).toBe(401);
    expect((await signIn(manager.username, testPassword, managerPc)).status).toBe(200);

    // the account lock does not grow however long the attack goes on: 15 minutes each time
    for (let round = 1; round <= 3; round += 1) {
      clock.now = new Date(at('2026-03-02T09:00:00+08:00').getTime() + round * 15 * 60_000);
      for (let i = 0; i < lockout.accountFailures; i += 1) {
        expect((await signIn(manager.username, 'guess', botnet(round * 10 + i))).status).toBe(401);
      }
      const end = new Date(clock.now.getTime() + 15 * 60_000);
      expect((await signIn(manager.username, 'guess', botnet(99))).message).toContain(
        `${String(end.getUTCHours() + 8).padStart(2, '0')}:${String(end.getUTCMinutes()).padStart(2, '0')}`,
      );
    }
  });

  it('counts per socket address, and per forwarded client only when built behind that proxy', async () => {
    const { app } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await app.member('clerk');
    let username = clerk.username;
    const from = (target: FastifyInstance, password: string, forwardedFor: string) =>
      target.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress: '192.0.2.10',
        headers: { 'x-forwarded-for': forwardedFor },
      });
    // a header the client wrote does not make it another address
    for (let i = 0; i < lockout.failures; i += 1) {
      expect((await from(app.app, 'guess', `198.51.100.${i + 1}`)).statusCode).toBe(401);
    }
    expect((await from(app.app, testPassword, '198.51.100.99')).statusCode).toBe(429);

    // behind a proxy at 192.0.2.10 the client it names is the address (another clerk: the
    // first one's failures from two addresses would add up to her account's limit)
    username = (await app.member('clerk')).username;
    const proxied = buildApp({
      db: t().db,
      dialect: t().dialect,
      now: () => at('2026-03-02T09:00:00+08:00'),
      trustProxy: '192.0.2.10',
      checkResponses: true,
      passwordCost: testPasswordCost,
    });
    for (let i = 0; i < lockout.failures; i += 1) {
      expect((await from(proxied, 'guess', '198.51.100.1')).statusCode).toBe(401);
    }
    expect((await from(proxied, testPassword, '198.51.100.1')).statusCode).toBe(429);
    expect((await from(proxied, testPassword, '198.51.100.2')).statusCode).toBe(200);
  });
});
