import { expect, it } from 'vitest';
import type { Actor, CaseEvent } from '../../shared/case';
import type { RuleId } from '../../shared/case';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';
import {
  actors,
  caseScript,
  itemOf,
  seedHall,
  serviceItemOf,
  syncHarness,
  testNow,
} from './test-support';

// The center's own records judge each pushed event (server/sync/authority.ts): the actor as its
// staff history had them at the event's time, the case's window or department, and a receipt's
// item and powers as published. Each broken rule stores the event as conflicted under its id.

const pushedAt = new Date('2025-03-20T10:00:00+08:00');

eachDialect('sync: the center’s records of who and what', (t) => {
  const setup = async () => {
    await seedHall(t().db);
    // the PCs push after every event of these tests was written (a later event is time.future)
    const h = syncHarness(t(), () => pushedAt);
    const staff = testApp(t(), () => testNow);
    const manager = await staff.tokenFor('manager');
    return { h, staff, manager, sj1: await h.enroll('w-sj-1'), sj2: await h.enroll('w-sj-2') };
  };
  type Device = Awaited<ReturnType<typeof setup>>['sj1'];
  /** The rule each event was stored under, null where accepted. */
  const verdicts = async (device: Device, events: CaseEvent[]) =>
    (await device.pushOk(device.sign(events))).results.map(
      (r) => (r.conflict?.rule ?? null) as RuleId | null,
    );

  it('refuses an actor the center does not know, a forged role, name or window', async () => {
    const { sj1 } = await setup();
    const s = caseScript();
    const impostor: Actor = { userId: 'u-fake', name: '冒名首席', role: 'chief' };
    const posing: Actor = { ...actors.clerk, role: 'chief' };
    expect(
      await verdicts(sj1, [
        s.received(),
        s.checked(),
        s.accepted(),
        s.reviewed(),
        s.decided(impostor, 'w-sj-1'),
        s.decided(posing, 'w-sj-1'),
        s.decided({ ...actors.chief, name: '张首长' }, 'w-sj-1'),
        // SJ01's chief writing as if at SJ02
        s.decided(actors.chief, 'w-sj-2'),
        // SJ02's own chief, at SJ02 — but written on SJ01's PC: a copy of SJ01's files at work
        s.decided(actors.chief2, 'w-sj-2'),
        // SJ01's PC naming SJ02's chief at SJ01's window
        s.decided(actors.chief2, 'w-sj-1'),
        s.decided(),
      ]),
    ).toEqual([
      null,
      null,
      null,
      null,
      'actor.unknown',
      'actor.roleMismatch',
      'actor.nameMismatch',
      'device.otherWindow',
      'device.otherWindow',
      'actor.windowMismatch',
      null,
    ]);
  });

  it('lets any window of the department record the counter acts, and no other department', async () => {
    const { h, sj1, sj2 } = await setup();
    const zj = await h.enroll('w-zj-1');
    const s = caseScript();
    await verdicts(sj1, [s.received(), s.checked(), s.accepted(), s.reviewed()]);
    // part T of issue 16: the applicant came back to another department's window by mistake
    // (another department's PC is answered before any rule: the batch is refused whole)
    const refused = await zj.push(
      zj.sign([s.next('withdrawn', { reason: '申请人撤回' }, actors.clerkZj)]),
    );
    expect(refused.statusCode).toBe(403);
    // … and to SJ02, which the hall's queue called them to: the department's case is SJ02's to act on
    expect(
      await verdicts(sj2, [s.next('withdrawn', { reason: '申请人撤回' }, actors.clerkSj2)]),
    ).toEqual([null]);
    const rows = await t().db.selectFrom('cases').select(['status', 'window_id']).execute();
    // the case stays the receiving window's
    expect(rows).toEqual([{ status: 'withdrawn', window_id: 'w-sj-1' }]);
  });

  it('judges by the staff record in force at the event’s time: after deactivation, refused', async () => {
    const { sj1, staff, manager } = await setup();
    // deactivated at the center's now (10 March); the PC, offline, still writes on the 11th
    const res = await staff.call('POST', `/api/staff/${actors.clerk.userId}/deactivate`, {
      token: manager,
    });
    expect(res.statusCode).toBe(200);
    const before = caseScript({ start: '2025-03-07T09:00:00+08:00' });
    const after = caseScript({ start: '2025-03-11T09:00:00+08:00' });
    expect(await verdicts(sj1, [before.received(), after.received()])).toEqual([
      null,
      'actor.inactive',
    ]);
  });

  it('takes any published version of the item up to the event’s time, and nothing else', async () => {
    const { sj1, staff, manager } = await setup();
    const renamed = { ...itemOf('SJ'), name: '食品经营许可证核发' };
    const res = await staff.call('PUT', '/api/items/SJ-001', {
      token: manager,
      body: serviceItemOf(renamed),
    });
    expect(res.statusCode, res.body).toBe(200);
    const receipt = (start: string, item = itemOf('SJ')) => {
      const s = caseScript({ start });
      const r = s.received();
      return { ...r, payload: { ...r.payload, item } } as CaseEvent;
    };
    expect(
      await verdicts(sj1, [
        // the new version before the center published it
        receipt('2025-03-09T09:00:00+08:00', renamed),
        // a PC that has not pulled the new version yet
        receipt('2025-03-11T09:00:00+08:00'),
        receipt('2025-03-11T09:05:00+08:00', renamed),
        receipt('2025-03-11T09:10:00+08:00', { ...itemOf('SJ'), name: '不存在的事项' }),
        receipt('2025-03-11T09:15:00+08:00', { ...itemOf('SJ'), promisedDays: 1 }),
      ]),
    ).toEqual(['item.notPublished', null, null, 'item.notPublished', 'item.notPublished']);
  });

  it('takes the powers recorded for the window, the superseded ones for three days only', async () => {
    const { sj1, staff, manager } = await setup();
    const res = await staff.call('PUT', '/api/windows/w-sj-1/powers', {
      token: manager,
      body: [{ itemCode: 'SJ-001', powers: ['accept', 'deliver'] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const receipt = (start: string, powers?: string[]) => {
      const r = caseScript({ start }).received();
      return { ...r, payload: { ...r.payload, ...(powers ? { powers } : {}) } } as CaseEvent;
    };
    expect(
      await verdicts(sj1, [
        receipt('2025-03-11T09:00:00+08:00', ['deliver', 'accept']),
        // every power (a receipt without powers claims them all): withdrawn on the 10th
        receipt('2025-03-12T09:00:00+08:00'),
        receipt('2025-03-14T09:00:00+08:00'),
        // never recorded for this window
        receipt('2025-03-12T09:10:00+08:00', ['accept', 'approve']),
      ]),
    ).toEqual([null, null, 'powers.mismatch', 'powers.mismatch']);
  });
});
