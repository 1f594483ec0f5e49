import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { serviceItemSchema } from '../../shared/catalog';
import { itemJson } from '../../shared/catalog/catalog.fixture';
import { itemRow } from '../admin/items';
import { eachDialect } from '../db/test-db';
import { bumpVersion, readVersions } from '../reference/versions';
import { actors, caseScript, reviewedCase, seedHall, syncHarness, testNow } from './test-support';

eachDialect('sync: pull', (t) => {
  // `records: false`: the reference test below writes the catalog and staff it expects itself
  const setup = async (records = true) => {
    await seedHall(t().db, { records });
    return syncHarness(t());
  };

  it('stores a decision after another window sealed one as conflicted, shown to both windows', async () => {
    const h = await setup();
    const one = await h.enroll('w-sj-1');
    const two = await h.enroll('w-sj-2');
    const { script, events } = reviewedCase();
    await one.pushOk(one.sign(events));
    // both chiefs decide offline; window two syncs first, its decision already stamped
    const first = script.decided(actors.chief2, 'w-sj-2');
    const stamp = script.next(
      'stamped',
      { decisionEventId: first.id, decisionHash: 'f'.repeat(64), decisionNumber: 'N1' },
      actors.chief2,
      'w-sj-2',
    );
    const second = script.decided(actors.chief, 'w-sj-1');
    const sealed = await two.pushOk(two.sign(await h.sealed(two, [first, stamp])));
    expect(sealed.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const late = await one.pushOk(one.sign([second]));
    expect(late.results[0]).toMatchObject({
      status: 'conflicted',
      conflict: { rule: 'decision.final', message: expect.any(String) },
    });
    const row = await t()
      .db.selectFrom('cases')
      .select(['status', 'state'])
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('stamped');
    expect(JSON.parse(row.state)).toMatchObject({ decision: { eventId: first.id } });

    // window one learnt of its conflict from the push answer; window two learns it by pulling,
    // and neither gets its own events back
    const byOne = await one.pull(0);
    expect(byOne.events.map((e) => e.event.id)).toEqual([first, stamp].map((e) => e.id));
    const byTwo = await two.pull(0);
    expect(byTwo.events.map((e) => e.event.id)).toEqual([...events, second].map((e) => e.id));
    expect(byTwo.events.at(-1)).toMatchObject({
      status: 'conflicted',
      conflict: { rule: 'decision.final' },
      event: { id: second.id, actor: actors.chief },
    });
  });

  it('pages the department’s events by server order and resumes from the cursor', async () => {
    const h = await setup();
    const sj = await h.enroll('w-sj-1');
    const zj = await h.enroll('w-zj-1');
    const other = await h.enroll('w-sj-2');
    await zj.pushOk(
      zj.sign(reviewedCase({ windowId: 'w-zj-1', departmentCode: 'ZJ' }).events.slice(0, 2)),
    );
    const ours = sj.sign(reviewedCase().events.concat(reviewedCase().events.slice(0, 1)));
    await sj.pushOk(ours);

    const seen: string[] = [];
    let cursor = 0;
    const mores: boolean[] = [];
    for (;;) {
      const page = await other.pull(cursor, { limit: 2 });
      seen.push(...page.events.map((e) => e.event.id));
      mores.push(page.more);
      expect(page.cursor).toBe(page.events.at(-1)?.serverSeq ?? cursor);
      cursor = page.cursor;
      if (!page.more) break;
    }
    expect(seen).toEqual(ours.map((e) => e.id));
    expect(mores).toEqual([true, true, false]);
    // the pulled events are the signed ones, byte for byte
    const again = await other.pull(0, { limit: 1 });
    expect(again.events[0]!.event).toEqual(ours[0]);
    const end = await other.pull(cursor);
    expect(end).toMatchObject({ events: [], cursor, more: false });
  });

  it('moves the cursor past the PC’s own events, so that an idle pull starts after them (issue 19)', async () => {
    const h = await setup();
    const alone = await h.enroll('w-sj-1');
    const mine = alone.sign(reviewedCase().events);
    const pushed = await alone.pushOk(mine);
    const newest = Math.max(...pushed.results.map((r) => r.serverSeq ?? 0));
    // nothing of others: the cursor stands at its own newest event, named so a restore shows
    const first = await alone.pull(0);
    expect(first).toMatchObject({ events: [], cursor: newest, more: false });
    expect(first.cursorEventId).toBe(mine.at(-1)!.id);
    const idle = await alone.pull(newest, { cursorEventId: first.cursorEventId! });
    expect(idle).toMatchObject({ events: [], cursor: newest, more: false });
    expect(idle.cursorEventId).toBeUndefined();

    // a colleague's event between two of its own comes, and the cursor goes past both
    const colleague = await h.enroll('w-sj-2');
    const theirs = colleague.sign(reviewedCase({ windowId: 'w-sj-2' }).events.slice(0, 1));
    await colleague.pushOk(theirs);
    const later = alone.sign(reviewedCase().events.slice(0, 1));
    const after = await alone.pushOk(later);
    const page = await alone.pull(newest, { cursorEventId: first.cursorEventId! });
    expect(page.events.map((e) => e.event.id)).toEqual(theirs.map((e) => e.id));
    expect(page.cursor).toBe(after.results[0]!.serverSeq);
    expect(page.cursorEventId).toBe(later[0]!.id);

    // a page full of others' events stops at the last it carries: its own come after the rest
    const many = colleague.sign(reviewedCase({ windowId: 'w-sj-2' }).events);
    await colleague.pushOk(many);
    await alone.pushOk(alone.sign(reviewedCase().events.slice(0, 1)));
    const full = await alone.pull(page.cursor, { limit: 2, cursorEventId: page.cursorEventId! });
    expect(full.events.map((e) => e.event.id)).toEqual(many.slice(0, 2).map((e) => e.id));
    expect(full).toMatchObject({ cursor: full.events[1]!.serverSeq, more: true });
    expect(full.cursorEventId).toBeUndefined();

    // a cursor at its own event that names another event is a restored center's: from the start
    const wrong = await alone.pull(newest, { cursorEventId: theirs[0]!.id });
    expect(wrong).toMatchObject({ restart: true, cursor: 0 });
  });

  it('keeps a terminal of protocol 1 at the last event it received: it could not store the id', async () => {
    const h = await setup();
    const alone = await h.enroll('w-sj-1');
    await alone.pushOk(alone.sign(reviewedCase().events));
    const old = await alone.pull(0, { protocol: 1 });
    expect(old).toMatchObject({ events: [], cursor: 0, more: false });
    expect(old.cursorEventId).toBeUndefined();
  });

  it('sends a reference kind only when its version moved, scoped to the department', async () => {
    const h = await setup(false);
    const db = t().db;
    const sjItem = serviceItemSchema.parse(itemJson());
    const zjItem = serviceItemSchema.parse(
      itemJson({
        code: 'ZJ-001',
        name: '建筑工程施工许可',
        initials: 'jzgcsgxk',
        departmentCode: 'ZJ',
      }),
    );
    await db
      .insertInto('items')
      .values([itemRow(sjItem), itemRow(zjItem)])
      .execute();
    await db
      .insertInto('window_powers')
      .values([
        { window_id: 'w-sj-2', item_code: 'SJ-001', powers: '["accept"]' },
        { window_id: 'w-zj-1', item_code: 'ZJ-001', powers: '["accept","approve"]' },
      ])
      .execute();
    const person = (id: string, window_id: string | null, role: string) => ({
      id,
      username: id,
      name: id,
      role,
      window_id,
      password_hash: 'scrypt$x',
      active: 1,
    });
    await db
      .insertInto('staff')
      .values([
        person('s-sj', 'w-sj-1', 'clerk'),
        person('s-zj', 'w-zj-1', 'clerk'),
        person('s-sup', null, 'supervisor'),
      ])
      .execute();
    const device = await h.enroll('w-sj-1');
    const revoked = await h.enroll('w-sj-2');
    await h.enroll('w-zj-1');
    await db
      .updateTable('devices')
      .set({ revoked_at: testNow.toISOString() })
      .where('id', '=', revoked.id)
      .execute();

    const all = (await device.pull(0)).reference;
    expect(all.catalog).toMatchObject({
      departments: [
        { code: 'SJ', name: '市场监督管理局' },
        { code: 'ZJ', name: '住房和城乡建设局' },
      ],
      items: [sjItem, zjItem],
      powers: [{ windowId: 'w-sj-2', itemCode: 'SJ-001', powers: ['accept'] }],
    });
    expect(all.calendar).toEqual({ version: 1, closures: [] });
    expect(all.staff!.windows.map((w) => w.id)).toEqual(['w-sj-1', 'w-sj-2', 'w-zj-1']);
    expect(all.staff!.staff.map((s) => s.id).sort()).toEqual(['s-sj', 's-sup']);
    expect(all.staff!.devices.map((d) => [d.id, d.revoked]).sort()).toEqual(
      [
        [device.id, false],
        [revoked.id, true],
      ].sort(),
    );
    expect(all.staff!.devices.find((d) => d.id === device.id)!.publicKey).toBe(
      device.keys.publicKey,
    );
    expect(all.settings).toMatchObject({
      centerName: expect.any(String),
      thresholds: { warningWorkingDays: 2 },
    });

    const held = await readVersions(db);
    expect((await device.pull(0, { versions: held })).reference).toEqual({});
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('closures').values({ date: '2025-03-14', reason: '设备检修' }).execute();
      await bumpVersion(trx, 'calendar');
    });
    const moved = (await device.pull(0, { versions: held })).reference;
    expect(moved).toEqual({
      calendar: {
        version: held.calendar + 1,
        closures: [{ date: '2025-03-14', reason: '设备检修' }],
      },
    });
  });

  it('keeps conflicted receipts of unknown cases out of the case table but in the log', async () => {
    const h = await setup();
    const device = await h.enroll('w-sj-1');
    const orphan = caseScript({ caseId: randomUUID() }).accepted();
    const res = await device.pushOk(device.sign([orphan]));
    expect(res.results[0]).toMatchObject({
      status: 'conflicted',
      conflict: { rule: 'case.firstMustBeReceived' },
    });
    // another window of the department sees it, conflicted
    const peer = await h.enroll('w-sj-2');
    expect((await peer.pull(0)).events).toMatchObject([
      { status: 'conflicted', event: { id: orphan.id } },
    ]);
  });
});
