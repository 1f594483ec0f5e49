import { expect, it } from 'vitest';
import type { CaseEvent, EventOf } from '../../shared/case';
import { centerContract } from '../../shared/center-api';
import { shanghaiIso } from '../../shared/calendar';
import { sealStamp, testRegistration, testSealKey } from '../../node-shared/seal/test-keys';
import { sealFault } from '../../node-shared/seal/verdict';
import { sealKeysById } from './keys';
import { hashPassword } from '../../node-shared/passwords';
import { createSession } from '../auth/sessions';
import { eachDialect } from '../db/test-db';
import {
  actors,
  chiefPassword,
  reviewedCase,
  seedHall,
  syncHarness,
  testNow,
  type CaseOptions,
  type SyncHarness,
  type TestDevice,
} from '../sync/test-support';

// The center's side of the chief's seal (issue 13): who may register a seal key, and which
// stamps it takes — every one of them judged on the seal, whatever the device key signed.

const register = centerContract['seal.register'].path;

/** A case ready for the seal: intake and review pushed, then the chief's decision. */
let serial = 0;

async function decidedCase(h: SyncHarness, one: TestDevice, o: CaseOptions = {}) {
  serial += 1;
  // each case an hour after the last: a PC writes forward in time (time.backdated)
  const start = shanghaiIso(new Date(Date.parse('2025-03-03T09:00:00+08:00') + serial * 3_600_000));
  const { script, events } = reviewedCase({
    start,
    ...o,
    caseNumber: `SJ-20250303-01-${serial}`,
  });
  const decided = script.decided();
  await one.pushOk(one.sign([...events, decided]));
  // what the case's number gives (shared/case decisionNumber)
  const number = `SJ许准〔2025〕0303-01-${serial}号`;
  const stamp = (payload: Partial<EventOf<'stamped'>['payload']> = {}) =>
    script.next(
      'stamped',
      {
        decisionEventId: decided.id,
        decisionHash: 'f'.repeat(64),
        decisionNumber: number,
        ...payload,
      },
      actors.chief,
    ) as EventOf<'stamped'>;
  return { stamp };
}

async function pushOne(one: TestDevice, e: CaseEvent) {
  const answer = await one.pushOk(one.sign([e]));
  return answer.results[0]!;
}

eachDialect('center: the chief’s seal', (t) => {
  it('registers a seal key only with the chief’s password, the key’s proof and the device’s department', async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const one = await h.enroll('w-sj-1');
    const zj = await h.enroll('w-zj-1');
    await h.sealKey(one, actors.chief);
    const at = shanghaiIso(testNow);
    const post = (device: TestDevice, body: unknown) =>
      h.call('POST', register, { token: device.token, body });
    const key = testSealKey();
    const good = testRegistration(key, actors.chief.userId, chiefPassword, at);

    // the proof must be the key's own: another key's signature, or an id of another key, fail
    const stolen = testRegistration(testSealKey(), actors.chief.userId, chiefPassword, at);
    expect((await post(one, { ...good, proof: stolen.proof })).statusCode).toBe(400);
    expect((await post(one, { ...good, keyId: stolen.keyId })).statusCode).toBe(400);
    // the device token alone is not enough: a wrong password is the sign-in's failure
    const wrong = await post(one, { ...good, password: 'guess' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { rule: 'signIn.wrongPassword' } });
    // counted against the chief at this address, as a wrong sign-in is
    expect(
      await t()
        .db.selectFrom('login_guards')
        .select('attempts')
        .where('key', 'like', 'pair|%')
        .execute(),
    ).toEqual([{ attempts: 1 }]);
    expect((await h.call('POST', register, { body: good })).statusCode).toBe(401);
    // a chief of another department's terminal
    expect((await post(zj, good)).statusCode).toBe(403);

    const ok = await post(one, good);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ keyId: key.keyId, staffId: actors.chief.userId });
    // sent again after a lost answer: the same registration
    expect((await post(one, good)).json()).toEqual(ok.json());
    // a clerk has no seal
    await t()
      .db.updateTable('staff')
      .set({ password_hash: await hashPassword(chiefPassword, 1024) })
      .where('id', '=', 'u-clerk')
      .execute();
    const clerkKey = testRegistration(testSealKey(), 'u-clerk', chiefPassword, at);
    expect((await post(one, clerkKey)).statusCode).toBe(403);
    const rows = await t().db.selectFrom('seal_keys').select(['staff_id', 'device_id']).execute();
    expect(rows).toEqual([
      { staff_id: actors.chief.userId, device_id: one.id },
      { staff_id: actors.chief.userId, device_id: one.id },
    ]);
  });

  it('conflicts a stamp without a sound seal, each under its own rule, and takes the sound one', async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const one = await h.enroll('w-sj-1');
    const mine = await h.sealKey(one, actors.chief);
    const others = await h.sealKey(one, actors.chief2);
    const cases = async () => decidedCase(h, one);

    const cases1 = await cases();
    expect(await pushOne(one, cases1.stamp())).toMatchObject({
      status: 'conflicted',
      conflict: { rule: 'seal.missing' },
    });
    const cases2 = await cases();
    expect(await pushOne(one, sealStamp(cases2.stamp(), testSealKey()))).toMatchObject({
      conflict: { rule: 'seal.keyUnknown' },
    });
    const cases3 = await cases();
    expect(await pushOne(one, sealStamp(cases3.stamp(), others))).toMatchObject({
      conflict: { rule: 'seal.keyNotActor' },
    });
    // the chief's own key, registered from the department's other PC, used on this one
    const two = await h.enroll('w-sj-2');
    const fromTwo = await h.sealKey(two, actors.chief);
    const cases3b = await cases();
    expect(await pushOne(one, sealStamp(cases3b.stamp(), fromTwo))).toMatchObject({
      conflict: { rule: 'seal.otherDevice' },
    });
    // signed over one number, sent with another
    const cases4 = await cases();
    const signed = sealStamp(cases4.stamp(), mine);
    const swapped = { ...signed, payload: { ...signed.payload, decisionHash: 'e'.repeat(64) } };
    expect(await pushOne(one, swapped)).toMatchObject({ conflict: { rule: 'seal.badSignature' } });
    // a made-up number, honestly sealed, is still not the case's
    const cases5 = await cases();
    expect(
      await pushOne(one, sealStamp(cases5.stamp({ decisionNumber: 'SJ许准〔2025〕9号' }), mine)),
    ).toMatchObject({
      conflict: { rule: 'seal.decisionNumber', message: expect.stringContaining('应为 SJ许准') },
    });
    const cases6 = await cases();
    expect(await pushOne(one, sealStamp(cases6.stamp(), mine))).toMatchObject({
      status: 'accepted',
    });
    // a new PIN at the same PC makes a new key: the old one seals nothing from then on
    const renewed = testSealKey();
    // made (the new PIN set) before the next stamps were written
    const later = '2025-03-03T16:30:00+08:00';
    expect(
      (
        await h.call('POST', centerContract['seal.register'].path, {
          token: one.token,
          body: testRegistration(renewed, actors.chief.userId, chiefPassword, later),
        })
      ).statusCode,
    ).toBe(201);
    const cases7 = await cases();
    expect(await pushOne(one, sealStamp(cases7.stamp(), mine))).toMatchObject({
      conflict: { rule: 'seal.keyRevoked' },
    });
    const cases8 = await cases();
    expect(await pushOne(one, sealStamp(cases8.stamp(), renewed))).toMatchObject({
      status: 'accepted',
    });
  });

  it('a deactivated chief’s keys seal nothing from then on; earlier stamps still hold', async () => {
    await seedHall(t().db);
    let now = testNow;
    const h = syncHarness(t(), () => now);
    const one = await h.enroll('w-sj-1');
    const mine = await h.sealKey(one, actors.chief);
    // stamped before the deactivation (testNow), offline, pushed after it
    const before = await decidedCase(h, one);
    const after = await decidedCase(h, one, { start: '2025-03-11T09:00:00+08:00' });

    await t()
      .db.insertInto('staff')
      .values({
        id: 'u-manager',
        username: 'manager',
        name: '管理员',
        role: 'manager',
        window_id: null,
        password_hash: 'x',
        active: 1,
      })
      .execute();
    const manager = await createSession(t().db, 'u-manager', testNow);
    const off = await h.call('POST', `/api/staff/${actors.chief.userId}/deactivate`, {
      token: manager,
      protocol: null,
    });
    expect(off.statusCode).toBe(200);
    expect(
      await t().db.selectFrom('seal_keys').select('revoked_at').executeTakeFirstOrThrow(),
    ).toEqual({ revoked_at: shanghaiIso(testNow) });

    // the PC comes back online two days later
    now = new Date('2025-03-12T10:00:00+08:00');
    expect(await pushOne(one, sealStamp(before.stamp(), mine))).toMatchObject({
      status: 'accepted',
    });
    // the center names the chief off duty first; the seal itself was revoked with the chief
    const late = sealStamp(after.stamp(), mine);
    expect(await pushOne(one, late)).toMatchObject({
      status: 'conflicted',
      conflict: { rule: 'actor.inactive' },
    });
    const keys = await sealKeysById(t().db, [mine.keyId]);
    expect(sealFault({ ...late, deviceId: one.id }, keys.get(mine.keyId))).toBe('seal.keyRevoked');
  });
});
