import { expect, it } from 'vitest';
import {
  queueContract,
  type QueueBoard,
  type QueueStats,
  type Ticket,
  type WindowDisplay,
  type WindowQueue,
} from '../../shared/center-api';
import { eachDialect } from '../db/test-db';
import { actors, caseScript, seedHall, syncHarness, type TestDevice } from '../sync/test-support';
import { testApp } from '../test-app';

// Issue 17, part 1: the hall's queue at the center — tickets, the window's actions, the screens
// and the figures — through the real routes, on both dialects.

type Failure = { error: { code: string; message: string; field?: string } };

const paths = Object.fromEntries(
  Object.entries(queueContract).map(([name, entry]) => [name, entry.path]),
) as Record<keyof typeof queueContract, string>;

eachDialect('center: the hall queue', (t) => {
  let clock = new Date('2025-03-10T08:30:00+08:00');
  const minutes = (n: number) => {
    clock = new Date(clock.getTime() + n * 60_000);
  };

  const setup = async () => {
    clock = new Date('2025-03-10T08:30:00+08:00');
    await seedHall(t().db);
    const h = syncHarness(t(), () => clock);
    const sj1 = await h.enroll('w-sj-1');
    const sj2 = await h.enroll('w-sj-2');
    const zj1 = await h.enroll('w-zj-1');
    const take = async (departmentCode: string) => {
      const res = await h.call('POST', paths['queue.take'], { body: { departmentCode } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<Ticket>();
    };
    const act = (device: TestDevice, { staffId, ...action }: Record<string, unknown>) =>
      h.call('POST', paths['queue.act'], {
        token: device.token,
        body: { staffId: staffId ?? staffAt[device.windowId], act: action },
      });
    const actOk = async (device: TestDevice, body: Record<string, unknown>) => {
      const res = await act(device, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<WindowQueue>();
    };
    const board = async () => (await h.call('GET', paths['queue.board'])).json<QueueBoard>();
    const ticket = async (id: string) =>
      (await h.call('GET', paths['queue.ticket'].replace(':id', id))).json<Ticket>();
    return { h, sj1, sj2, zj1, take, act, actOk, board, ticket };
  };
  const staffAt: Record<string, string> = {
    'w-sj-1': actors.clerk.userId,
    'w-sj-2': actors.clerkSj2.userId,
    'w-zj-1': actors.clerkZj.userId,
  };

  it('numbers tickets per line and day, and tells each how many are before it', async () => {
    const { h, take } = await setup();
    const a1 = await take('SJ');
    const a2 = await take('SJ');
    const b1 = await take('ZJ');
    const a3 = await take('SJ');
    expect([a1.number, a2.number, b1.number, a3.number]).toEqual(['A001', 'A002', 'B001', 'A003']);
    expect([a1.ahead, a2.ahead, b1.ahead, a3.ahead]).toEqual([0, 1, 0, 2]);
    expect(a3.departmentName).toBe('市场监督管理局');
    // the next morning the line starts again at 001
    clock = new Date('2025-03-11T08:30:00+08:00');
    expect((await take('SJ')).number).toBe('A001');

    const lines = (await h.call('GET', paths['queue.lines'])).json<{
      lines: { departmentCode: string; prefix: string | null; waiting: number }[];
    }>();
    expect(lines.lines).toEqual([
      expect.objectContaining({ departmentCode: 'SJ', prefix: 'A', waiting: 1 }),
      expect.objectContaining({ departmentCode: 'ZJ', prefix: 'B', waiting: 0 }),
    ]);

    const unknown = await h.call('POST', paths['queue.take'], { body: { departmentCode: 'XX' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<Failure>().error.message).toContain('没有窗口');
    const empty = await h.call('POST', paths['queue.take'], { body: { departmentCode: ' ' } });
    expect(empty.statusCode).toBe(400);
  });

  it('calls in order, recalls, skips a no-show only after a recall, and refuses a second current', async () => {
    const { take, act, actOk, board, ticket, sj1 } = await setup();
    const a1 = await take('SJ');
    const a2 = await take('SJ');
    minutes(7);
    const called = await actOk(sj1, { action: 'callNext' });
    expect(called.current?.number).toBe('A001');
    expect(called.state).toBe('calling');
    expect(called.next.map((n) => n.number)).toEqual(['A002']);
    expect((await board()).calls[0]).toMatchObject({
      number: 'A001',
      kind: 'call',
      text: '请A001号到市场监管一号窗办理',
    });

    const twice = await act(sj1, { action: 'callNext' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Failure>().error.message).toContain('A001');
    const early = await act(sj1, { action: 'noShow' });
    expect(early.statusCode).toBe(409);
    expect(early.json<Failure>().error.message).toContain('重呼');

    await actOk(sj1, { action: 'recall' });
    const b = await board();
    expect(b.calls.map((c) => [c.number, c.kind])).toEqual([
      ['A001', 'recall'],
      ['A001', 'call'],
    ]);
    expect(b.calls[0]!.seq).toBeGreaterThan(b.calls[1]!.seq);
    const skipped = await actOk(sj1, { action: 'noShow' });
    expect(skipped.current).toBeNull();
    expect((await ticket(a1.id)).status).toBe('noShow');

    expect((await actOk(sj1, { action: 'callNext' })).current?.number).toBe('A002');
    minutes(12);
    await actOk(sj1, { action: 'finish' });
    const done = await ticket(a2.id);
    expect(done.status).toBe('done');
    expect(done.windowCode).toBe('SJ01');
    // nobody waits: 叫号 answers with no current ticket, not an error
    expect((await actOk(sj1, { action: 'callNext' })).current).toBeNull();
  });

  it('a transfer lands first in the other window’s queue, and only there', async () => {
    const { take, act, actOk, ticket, sj1, sj2, zj1 } = await setup();
    const a1 = await take('SJ');
    await take('SJ');
    await take('SJ');
    await actOk(sj1, { action: 'callNext' });
    const short = await act(sj1, { action: 'transfer', toWindowCode: 'ZJ01', note: '' });
    expect(short.statusCode).toBe(400);
    const self = await act(sj1, { action: 'transfer', toWindowCode: 'SJ01', note: '应由本窗办理' });
    expect(self.statusCode).toBe(409);
    const nowhere = await act(sj1, { action: 'transfer', toWindowCode: 'SJ09', note: '转窗' });
    expect(nowhere.statusCode).toBe(400);

    const after = await actOk(sj1, { action: 'transfer', toWindowCode: 'ZJ01', note: '住建事项' });
    expect(after.current).toBeNull();
    const moved = await ticket(a1.id);
    expect(moved).toMatchObject({ status: 'waiting', windowCode: 'ZJ01' });
    // the window's note is the hall's: not in what the slip's QR shows
    expect(moved).not.toHaveProperty('transferNote');
    expect(moved).not.toHaveProperty('cases');
    // SJ02 of the same department does not get it; ZJ01 calls it before its own line
    expect((await actOk(sj2, { action: 'callNext' })).current?.number).toBe('A002');
    await take('ZJ');
    expect((await actOk(zj1, { action: 'callNext' })).current?.number).toBe('A001');
  });

  it('a paused window calls nobody and shows 暂停服务; staff of another department may not act', async () => {
    const { h, take, act, actOk, board, sj1 } = await setup();
    await take('SJ');
    await actOk(sj1, { action: 'callNext' });
    expect((await act(sj1, { action: 'pause' })).statusCode).toBe(409);
    await actOk(sj1, { action: 'finish' });
    expect((await actOk(sj1, { action: 'pause' })).state).toBe('paused');
    await take('SJ');
    const refused = await act(sj1, { action: 'callNext' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Failure>().error.message).toContain('暂停');
    const display = (
      await h.call('GET', paths['queue.display'].replace(':code', 'SJ01'))
    ).json<WindowDisplay>();
    expect(display).toMatchObject({ state: 'paused', text: '暂停服务' });
    expect((await board()).windows.find((w) => w.code === 'SJ01')?.state).toBe('paused');
    await actOk(sj1, { action: 'resume' });

    const foreign = await act(sj1, { action: 'callNext', staffId: actors.clerkZj.userId });
    expect(foreign.statusCode).toBe(403);
    const nobody = await h.call('POST', paths['queue.act'], {
      body: { act: { action: 'callNext' }, staffId: actors.clerk.userId },
    });
    expect(nobody.statusCode).toBe(401);
  });

  it('the counter number is what the hall hears, and no two windows share one', async () => {
    const { h, take, actOk, board, sj1 } = await setup();
    const staff = testApp(t(), () => clock);
    const manager = await staff.tokenFor('manager');
    const set = (code: string, counter: number | null) =>
      staff.call('PUT', paths['queue.setCounter'].replace(':code', code), {
        token: manager,
        body: { counter },
      });
    expect((await set('SJ01', 3)).statusCode).toBe(200);
    expect((await set('SJ02', 3)).statusCode).toBe(409);
    expect((await set('SJ09', 4)).statusCode).toBe(404);
    // the manager's windows tab reads them back; a window without a number is not listed
    const counters = await staff.call('GET', paths['queue.counters'], { token: manager });
    expect(counters.json()).toEqual([{ windowCode: 'SJ01', counter: 3 }]);
    await take('SJ');
    await actOk(sj1, { action: 'callNext' });
    expect((await board()).calls[0]?.text).toBe('请A001号到3号窗口办理');
    const display = (
      await h.call('GET', paths['queue.display'].replace(':code', 'SJ01'))
    ).json<WindowDisplay>();
    expect(display.text).toBe('请A001号到3号窗口办理');
    // a clerk's device may not set it
    const clerk = await staff.tokenFor('clerk');
    const byClerk = await staff.call('PUT', paths['queue.setCounter'].replace(':code', 'SJ01'), {
      token: clerk,
      body: { counter: 5 },
    });
    expect(byClerk.statusCode).toBe(403);
  });

  it('a case received for a ticket is listed under it and counted per item, with the waits', async () => {
    const { take, actOk, sj1 } = await setup();
    const a1 = await take('SJ');
    const a2 = await take('SJ');
    minutes(10);
    await actOk(sj1, { action: 'callNext' });
    minutes(20);
    const script = caseScript({
      start: clock.toISOString(),
      ticket: { id: a1.id, number: a1.number },
    });
    await sj1.pushOk(sj1.sign([script.received()]));
    // a ticket this center never issued links nothing and refuses nothing
    const stray = caseScript({ ticket: { id: 'not-a-ticket', number: 'Z999' } });
    await sj1.pushOk(sj1.sign([stray.received()]));
    await actOk(sj1, { action: 'finish' });
    minutes(5);
    await actOk(sj1, { action: 'callNext' });
    await actOk(sj1, { action: 'recall' });
    await actOk(sj1, { action: 'noShow' });
    const linked = async (id: string) =>
      (
        await t()
          .db.selectFrom('queue_ticket_cases')
          .select('case_number')
          .where('ticket_id', '=', id)
          .execute()
      ).map((r) => r.case_number);
    expect(await linked(a1.id)).toEqual([script.caseNumber]);
    expect(await linked(a2.id)).toEqual([]);

    const staff = testApp(t(), () => clock);
    const manager = await staff.tokenFor('manager');
    const res = await staff.call('GET', `${paths['reports.queue']}?from=2025-03-10&to=2025-03-10`, {
      token: manager,
    });
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json<QueueStats>();
    expect(stats.total).toEqual({
      taken: 2,
      served: 1,
      noShows: 1,
      // A001 waited 10 minutes, A002 35
      averageWait: (600 + 2100) / 2,
      longestWait: 2100,
      averageService: 1200,
    });
    expect(stats.windows).toEqual([
      expect.objectContaining({ code: 'SJ01', served: 1, noShows: 1 }),
    ]);
    expect(stats.items).toEqual([
      expect.objectContaining({ code: 'SJ-001', taken: 1, served: 1, averageWait: 600 }),
    ]);
    expect(stats.hours).toEqual([expect.objectContaining({ hour: 8, taken: 2 })]);

    const backwards = await staff.call(
      'GET',
      `${paths['reports.queue']}?from=2025-03-10&to=2025-03-01`,
      { token: manager },
    );
    expect(backwards.statusCode).toBe(400);
    const year = await staff.call(
      'GET',
      `${paths['reports.queue']}?from=2025-01-01&to=2025-12-31`,
      {
        token: manager,
      },
    );
    expect(year.statusCode).toBe(400);
  });

  it('the ticket’s QR opens a page that says where it stands, with nothing else in it', async () => {
    const { h, take } = await setup();
    await take('SJ');
    const a2 = await take('SJ');
    const res = await h.call('GET', paths['queue.ticket'].replace(':id', a2.id), {
      headers: { accept: 'text/html' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).toContain('A002');
    expect(res.body).toMatch(/前面还有 <b>1<\/b> 人/);
    expect(res.body).not.toContain('<script');
    const missing = await h.call('GET', paths['queue.ticket'].replace(':id', 'nope'));
    expect(missing.statusCode).toBe(404);
  });

  it('two windows calling at once never take one ticket, and one window never holds two', async () => {
    const { take, act, ticket, sj1, sj2 } = await setup();
    const tickets = [];
    for (let i = 0; i < 12; i += 1) tickets.push(await take('SJ'));
    const calledBy = new Map<string, string>();
    for (let round = 0; round < 6; round += 1) {
      const answers = await Promise.all(
        [sj1, sj1, sj2, sj2].map((device) => act(device, { action: 'callNext' })),
      );
      // each 叫号 either took a ticket, found its window's ticket taken by the other at the same
      // moment (its answer shows that one), or was told the window is busy — never an error else
      const round_ = new Map<string, string>();
      for (const a of answers) {
        if (a.statusCode === 409) continue;
        expect(a.statusCode, a.body).toBe(200);
        const q = a.json<WindowQueue>();
        const number = q.current!.number;
        expect(round_.get(number) ?? q.windowCode).toBe(q.windowCode);
        round_.set(number, q.windowCode);
      }
      // one ticket per window this round, none called before
      expect([...round_.values()].sort()).toEqual(['SJ01', 'SJ02']);
      for (const [number, window] of round_) {
        expect(calledBy.has(number)).toBe(false);
        calledBy.set(number, window);
      }
      await Promise.all([sj1, sj2].map((device) => act(device, { action: 'finish' })));
    }
    expect(calledBy.size).toBe(12);
    for (const x of tickets) expect((await ticket(x.id)).status).toBe('done');
  });

  it('a script taking tickets is held to the kiosk’s pace', async () => {
    const { h, take } = await setup();
    for (let i = 0; i < 20; i += 1) await take(i % 2 ? 'ZJ' : 'SJ');
    const flood = await h.call('POST', paths['queue.take'], { body: { departmentCode: 'SJ' } });
    expect(flood.statusCode).toBe(409);
    expect(flood.json<Failure>().error.message).toContain('频繁');
    minutes(1.1);
    expect((await take('SJ')).number).toBe('A011');
  });

  it('the hall closes on the day’s unserved tickets: the next morning starts clean, the day’s figures stay', async () => {
    const { h, take, actOk, board, ticket, sj1 } = await setup();
    const a1 = await take('SJ');
    const a2 = await take('SJ');
    await actOk(sj1, { action: 'callNext' });
    clock = new Date('2025-03-11T08:30:00+08:00');
    const fresh = await take('SJ');
    expect(fresh.number).toBe('A001');
    expect((await ticket(a1.id)).status).toBe('expired');
    expect((await ticket(a2.id)).status).toBe('expired');
    // the window calls today's ticket, not last night's
    expect((await actOk(sj1, { action: 'callNext' })).current?.id).toBe(fresh.id);
    expect((await board()).windows.find((w) => w.code === 'SJ01')?.number).toBe('A001');
    const staff = testApp(t(), () => clock);
    const res = await staff.call('GET', `${paths['reports.queue']}?from=2025-03-10&to=2025-03-10`, {
      token: await staff.tokenFor('manager'),
    });
    expect(res.json<QueueStats>().total).toMatchObject({ taken: 2, served: 0, noShows: 0 });
    void h;
  });

  it('no transfer to a paused window; a window that pauses gives its transfers back to the line', async () => {
    const { take, act, actOk, ticket, sj1, sj2, zj1 } = await setup();
    await take('SJ');
    await take('SJ');
    await actOk(zj1, { action: 'pause' });
    await actOk(sj1, { action: 'callNext' });
    const toPaused = await act(sj1, { action: 'transfer', toWindowCode: 'ZJ01', note: '住建事项' });
    expect(toPaused.statusCode).toBe(409);
    expect(toPaused.json<Failure>().error.message).toContain('暂停');
    const sent = await actOk(sj1, { action: 'transfer', toWindowCode: 'SJ02', note: '二号窗办理' });
    expect(sent.current).toBeNull();
    const a1 = (await actOk(sj2, { action: 'pause' })).windowCode;
    expect(a1).toBe('SJ02');
    // back in SJ's line: SJ01 calls it again, first by its number
    const again = await actOk(sj1, { action: 'callNext' });
    expect(again.current?.number).toBe('A001');
    expect((await ticket(again.current!.id)).windowCode).toBe('SJ01');
  });

  it('every action on a ticket is kept, by window and member, and service counts from the serving call', async () => {
    const { take, actOk, sj1, sj2 } = await setup();
    const a1 = await take('SJ');
    minutes(5);
    await actOk(sj1, { action: 'callNext' });
    await actOk(sj1, { action: 'recall' });
    minutes(10);
    await actOk(sj1, { action: 'transfer', toWindowCode: 'SJ02', note: '二号窗办理' });
    minutes(20);
    await actOk(sj2, { action: 'callNext' });
    minutes(3);
    await actOk(sj2, { action: 'finish' });
    const actions = await t()
      .db.selectFrom('queue_actions')
      .select(['action', 'window_id', 'staff_id', 'note'])
      .where('ticket_id', '=', a1.id)
      .orderBy('at')
      .execute();
    expect(actions.map((a) => [a.action, a.window_id, a.staff_id])).toEqual([
      ['take', null, null],
      ['callNext', 'w-sj-1', actors.clerk.userId],
      ['recall', 'w-sj-1', actors.clerk.userId],
      ['transfer', 'w-sj-1', actors.clerk.userId],
      ['callNext', 'w-sj-2', actors.clerkSj2.userId],
      ['finish', 'w-sj-2', actors.clerkSj2.userId],
    ]);
    expect(actions[3]?.note).toBe('SJ02：二号窗办理');
    const staff = testApp(t(), () => clock);
    const res = await staff.call('GET', `${paths['reports.queue']}?from=2025-03-10&to=2025-03-10`, {
      token: await staff.tokenFor('manager'),
    });
    const stats = res.json<QueueStats>();
    // waited 5 minutes for its first call; served 3 minutes at SJ02 — not the 30 since
    expect(stats.total).toMatchObject({ averageWait: 300, averageService: 180 });
    expect(stats.windows).toEqual([expect.objectContaining({ code: 'SJ02', served: 1 })]);
  });

  it('a case links only to the ticket its window called, by that ticket’s number', async () => {
    const { take, actOk, sj1, sj2 } = await setup();
    const a1 = await take('SJ');
    await actOk(sj1, { action: 'callNext' });
    const wrongNumber = caseScript({ ticket: { id: a1.id, number: 'A999' } });
    await sj1.pushOk(sj1.sign([wrongNumber.received()]));
    const otherWindow = caseScript({ windowId: 'w-sj-2', ticket: { id: a1.id, number: 'A001' } });
    await sj2.pushOk(sj2.sign([otherWindow.received()]));
    const right = caseScript({ ticket: { id: a1.id, number: 'A001' } });
    await sj1.pushOk(sj1.sign([right.received()]));
    const linked = await t()
      .db.selectFrom('queue_ticket_cases')
      .select('case_number')
      .where('ticket_id', '=', a1.id)
      .execute();
    expect(linked.map((r) => r.case_number)).toEqual([right.caseNumber]);
  });
});
