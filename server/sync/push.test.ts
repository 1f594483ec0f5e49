import { sign } from 'node:crypto';
import { expect, it } from 'vitest';
import { newKeyPair } from '../../node-shared/events/crypto';
import { syncPaths } from '../../shared/center-api';
import type { WireEvent } from '../../shared/sync';
import { eachDialect } from '../db/test-db';
import {
  caseScript,
  count,
  itemOf,
  reviewedCase,
  seedHall,
  syncHarness,
  testNow,
} from './test-support';

eachDialect('sync: push', (t) => {
  const setup = async (now?: Date) => {
    await seedHall(t().db);
    const h = syncHarness(t(), now ? () => now : undefined);
    return { h, device: await h.enroll('w-sj-1') };
  };

  it('stores a chain, projects its case, and answers a replay the same without storing twice', async () => {
    // the center's clock a day after testNow: the events below are dated an hour before it
    const { h, device } = await setup(new Date('2025-03-11T10:00:00+08:00'));
    const { events } = reviewedCase({
      start: '2025-03-11T09:00:00+08:00',
      applicantName: '申请人乙',
    });
    const signed = device.sign(events);
    const first = await device.pushOk(signed);
    expect(first.lastSeq).toBe(4);
    expect(first.results.map((r) => [r.id, r.deviceSeq, r.status])).toEqual(
      signed.map((e) => [e.id, e.deviceSeq, 'accepted']),
    );
    const seqs = first.results.map((r) => r.serverSeq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    const stored = await t().db.selectFrom('events').selectAll().orderBy('server_seq').execute();
    expect(stored.map((e) => e.received_at)).toEqual(
      Array(4).fill('2025-03-11T10:00:00.000+08:00'),
    );
    // only the acceptance issues a notice, so only it carries a verification code
    expect(stored.map((e) => e.verification_code !== null)).toEqual([false, false, true, false]);
    const row = await t().db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      id: events[0]!.caseId,
      department_code: 'SJ',
      window_id: 'w-sj-1',
      item_code: 'SJ-001',
      applicant_name: '申请人乙',
      status: 'reviewed',
      open: 1,
      received_at: '2025-03-11T09:00:00.000+08:00',
      last_server_seq: seqs[3],
    });
    expect(row.due_at).toMatch(/^2025-03-\d\dT00:00:00\+08:00$/);

    const again = await device.pushOk(signed);
    expect(again).toEqual(first);
    // a batch of old and new events: the old answered again, the new stored
    // later cases, later in the day: a PC writes forward in time (time.backdated)
    const more = device.sign([reviewedCase({ start: '2025-03-11T09:35:00+08:00' }).events[0]!]);
    const mixed = await device.pushOk([...signed.slice(2), ...more]);
    expect(mixed.results.slice(0, 2)).toEqual(first.results.slice(2));
    expect(mixed.results[2]).toMatchObject({ deviceSeq: 5, status: 'accepted' });
    // the same new event twice in one batch: stored once, answered the same twice
    const [twice] = device.sign([reviewedCase({ start: '2025-03-11T09:40:00+08:00' }).events[0]!]);
    const doubled = await device.pushOk([twice!, twice!]);
    expect(doubled.results[1]).toEqual(doubled.results[0]);
    expect(await count(t().db, 'events')).toBe(6);
    const status = await h.call('GET', syncPaths.device, { token: device.token });
    expect(status.json()).toMatchObject({ lastSeq: 6 });
  });

  it('decides a batch of interleaved cases in order: later events see earlier ones, a refused one is stored as conflicted', async () => {
    const { device } = await setup();
    const a = caseScript({ caseId: 'case-a' });
    const b = caseScript({ caseId: 'case-b' });
    const signed = device.sign([
      a.received(),
      b.received(),
      a.checked(),
      b.checked(),
      a.accepted(),
      a.accepted(), // accepted twice: the reducer refuses the second
      b.accepted(),
    ]);
    const res = await device.pushOk(signed);
    expect(res.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'conflicted',
      'accepted',
    ]);
    expect(res.results[5]!.conflict).toEqual({
      rule: expect.any(String),
      message: expect.any(String),
    });
    const seqs = res.results.map((r) => r.serverSeq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);

    const rows = await t()
      .db.selectFrom('cases')
      .select(['id', 'window_id', 'status', 'last_server_seq'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'case-a', window_id: 'w-sj-1', status: 'accepted', last_server_seq: seqs[4] },
      { id: 'case-b', window_id: 'w-sj-1', status: 'accepted', last_server_seq: seqs[6] },
    ]);
    const conflicted = await t()
      .db.selectFrom('events')
      .select(['status', 'conflict_rule'])
      .where('id', '=', signed[5]!.id)
      .executeTakeFirstOrThrow();
    expect(conflicted).toEqual({
      status: 'conflicted',
      conflict_rule: res.results[5]!.conflict!.rule,
    });

    // a later batch continues from the stored state; an id used twice is refused whole
    const next = device.sign([a.reviewed()]);
    const [reused] = device.sign([{ ...b.reviewed(), id: next[0]!.id }]);
    const refused = await device.push([...next, reused!]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: 'conflict', event: { id: next[0]!.id, deviceSeq: 9 } },
    });
    expect(await count(t().db, 'events')).toBe(7);
  });

  it('answers a gap with 409 and the center’s last seq', async () => {
    const { device } = await setup();
    const [, second] = device.sign(reviewedCase().events.slice(0, 2));
    const res = await device.push([second!]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: {
        code: 'sequence_gap',
        message: expect.any(String),
        lastSeq: 0,
        event: { id: second!.id, deviceSeq: 2 },
      },
    });
  });

  it('refuses the whole batch for one bad event, names it, and stores nothing', async () => {
    const { h, device } = await setup();
    const stranger = newKeyPair();
    const [first, second] = device.sign(reviewedCase().events.slice(0, 2)) as [
      WireEvent,
      WireEvent,
    ];
    const cases: [string, WireEvent, number, string][] = [
      [
        'wrong prevHash',
        device.resign({ ...second, prevHash: 'a'.repeat(64) }),
        409,
        'chain_broken',
      ],
      ['altered payload', { ...second, payload: { materials: [] } }, 400, 'chain_broken'],
      [
        'signed by another key',
        {
          ...second,
          signature: sign(null, Buffer.from(second.hash), stranger.privateKey).toString('base64'),
        },
        400,
        'bad_signature',
      ],
      ['garbage signature', { ...second, signature: 'AAAA' }, 400, 'bad_signature'],
      [
        'another department’s window',
        device.resign({ ...second, windowId: 'w-zj-1' }),
        403,
        'forbidden',
      ],
      [
        'another device’s event',
        device.resign({ ...second, deviceId: 'someone-else' }),
        403,
        'forbidden',
      ],
      [
        'caseEventSchema violation',
        device.resign({ ...second, payload: { materials: [] } }),
        400,
        'invalid_input',
      ],
    ];
    for (const [what, bad, status, code] of cases) {
      const res = await device.push([first, bad]);
      expect(res.statusCode, what).toBe(status);
      expect(res.json(), what).toMatchObject({
        error: { code, event: { id: bad.id, deviceSeq: 2 } },
      });
    }
    const schema = await device.push([
      first,
      device.resign({ ...second, payload: { materials: [] } }),
    ]);
    expect(schema.json()).toMatchObject({ error: { field: 'body.events.1.payload.materials' } });

    const unsigned = await device.push([first, { ...second, signature: '' }]);
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json()).toMatchObject({
      error: { code: 'invalid_input', field: 'body.events.1.signature' },
    });

    // a case of another department, even from this department's window
    const foreign = device.resign({
      ...first,
      payload: { ...(first.payload as object), item: itemOf('ZJ') },
    });
    const res = await device.push([foreign]);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'forbidden', event: { deviceSeq: 1 } } });

    expect(await count(t().db, 'events')).toBe(0);
    expect(await count(t().db, 'cases')).toBe(0);
    const status = await h.call('GET', syncPaths.device, { token: device.token });
    expect(status.json()).toMatchObject({ lastSeq: 0 });
    // the untouched batch still goes through: nothing of the refused ones was kept
    expect((await device.pushOk([first, second])).lastSeq).toBe(2);

    // once stored, another event under the same seq is a fork
    const fork = await device.push([
      device.resign({ ...first, occurredAt: '2025-03-03T08:00:00.000+08:00' }),
    ]);
    expect(fork.statusCode).toBe(409);
    expect(fork.json()).toMatchObject({ error: { code: 'chain_forked', event: { deviceSeq: 1 } } });
    expect(await count(t().db, 'events')).toBe(2);
  });

  it('refuses an outdated protocol with 426, an unknown token with 401, a revoked device with 403', async () => {
    const { h, device } = await setup();
    const batch = device.sign(reviewedCase().events.slice(0, 1));
    for (const url of Object.values(syncPaths)) {
      const method = url === syncPaths.device || url === syncPaths.supervision ? 'GET' : 'POST';
      const outdated = await h.call(method, url, { token: device.token, protocol: 99 });
      expect(outdated.statusCode, url).toBe(426);
    }
    const unknown = await h.call('POST', syncPaths.push, {
      token: 'not-a-token',
      body: { events: batch },
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    await t().db.updateTable('devices').set({ revoked_at: testNow.toISOString() }).execute();
    const revoked = await device.push(batch);
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toMatchObject({ error: { code: 'device_revoked' } });
    expect(await count(t().db, 'events')).toBe(0);
  });

  it('accepts a case whose dates the calendar cannot measure, with no due date', async () => {
    // a center whose clock is in 2150 too: a date in the future of the center is time.future
    const { device } = await setup(new Date('2150-01-01T10:00:00+08:00'));
    const { events } = reviewedCase({ start: '2150-01-01T09:00:00+08:00' });
    const res = await device.pushOk(device.sign(events.slice(0, 1)));
    expect(res.results[0]!.status).toBe('accepted');
    const row = await t()
      .db.selectFrom('cases')
      .select(['status', 'due_at'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'received', due_at: null });
  });
});
