import { expect, it } from 'vitest';
import type { Complaint, WindowSupervision } from '../../shared/sync';
import { syncPaths } from '../../shared/center-api';
import { eachDialect } from '../db/test-db';
import { caseScript, seedHall, syncHarness } from '../sync/test-support';
import { testApp } from '../test-app';
import { superviseOpenComplaints } from './engine';

type Alert = {
  rule: string;
  level: string;
  evidence: string[];
  windowName: string | null;
  departmentName: string | null;
};
type Failure = { error: { code: string; message: string; field?: string } };

eachDialect('center: public complaints', (t) => {
  // Wednesday 30 April 2025, the eve of the May Day holiday (1–5 May)
  let clock = new Date('2025-04-30T10:00:00+08:00');
  const setup = async () => {
    clock = new Date('2025-04-30T10:00:00+08:00');
    await seedHall(t().db);
    // the center closes on Wednesday 7 May besides
    await t()
      .db.insertInto('closures')
      .values({ date: '2025-05-07', reason: '设备检修' })
      .execute();
    const h = syncHarness(t(), () => clock);
    const staff = testApp(t(), () => clock);
    const supervisor = await staff.tokenFor('supervisor');
    const record = (body: unknown, token = supervisor) =>
      staff.call('POST', '/api/complaints', { token, body });
    const alerts = async (windowId: string) =>
      (await staff.call('GET', `/api/alerts?window=${windowId}`, { token: supervisor })).json<
        Alert[]
      >();
    return { h, staff, supervisor, record, alerts };
  };
  const body = {
    windowId: 'w-sj-1',
    complainantName: '赵女士',
    complainantPhone: '13900139000',
    channel: '电话',
    content: '办理食品经营许可时窗口人员态度生硬，多次让我回去补材料',
  };

  it('runs 5 working days past the holiday and the closure, and shows at once in the window’s alerts', async () => {
    const { record, alerts } = await setup();
    const res = await record(body);
    expect(res.statusCode).toBe(201);
    const c = res.json<Complaint>();
    // 6, 8, 9, 12, 13 May: 1–5 May are the holiday, the 7th the center's closure
    expect(c).toMatchObject({
      status: 'open',
      dueDate: '2025-05-13',
      dueAt: '2025-05-14T00:00:00+08:00',
      windowName: '市场监管一号窗',
      departmentName: '市场监督管理局',
      departmentCode: 'SJ',
      history: [{ action: 'recorded', text: body.content }],
      clock: { level: 'normal', workingDaysLeft: 5, overdue: false, stopped: false },
    });
    expect(await alerts('w-sj-1')).toEqual([
      expect.objectContaining({
        rule: 'complaint',
        evidence: [c.id],
        windowName: '市场监管一号窗',
        departmentName: '市场监督管理局',
      }),
    ]);
  });

  it('warns with one working day left and raises a red card on the timer once overdue, once', async () => {
    const { record, alerts } = await setup();
    const c = (await record(body)).json<Complaint>();
    expect(await superviseOpenComplaints(t().db, new Date('2025-05-09T09:00:00+08:00'))).toBe(0);
    expect(await superviseOpenComplaints(t().db, new Date('2025-05-12T09:00:00+08:00'))).toBe(1);
    expect(await superviseOpenComplaints(t().db, new Date('2025-05-14T00:00:00+08:00'))).toBe(1);
    expect(await superviseOpenComplaints(t().db, new Date('2025-05-15T09:00:00+08:00'))).toBe(0);
    const found = await alerts('w-sj-1');
    expect(found.map((a) => [a.rule, a.level, a.evidence])).toEqual(
      expect.arrayContaining([
        ['complaint', 'warning', [c.id]],
        ['complaint.warning', 'warning', [c.id]],
        ['complaint.red', 'red', [c.id]],
      ]),
    );
  });

  it('takes the reply of the window’s chief through its terminal, and the supervisor’s conclusion', async () => {
    const { h, staff, record } = await setup();
    const c = (await record(body)).json<Complaint>();
    const sj1 = await h.enroll('w-sj-1');
    const sj2 = await h.enroll('w-sj-2');
    const chief = await staff.member('chief', 'w-sj-1');
    const otherChief = await staff.member('chief', 'w-sj-2');
    const reply = (
      device: { token: string },
      staffId: string,
      text = '已约谈窗口人员，向投诉人致歉',
    ) =>
      h.call('POST', `/api/complaints/${c.id}/reply`, {
        token: device.token,
        body: { reply: text, staffId },
      });

    const blank = await reply(sj1, chief.id, '   ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json<Failure>().error.message).toContain('请填写答复内容');
    // another window's PC, or another window's chief at this one
    expect((await reply(sj2, otherChief.id)).statusCode).toBe(403);
    expect((await reply(sj1, otherChief.id)).statusCode).toBe(403);
    const replied = await reply(sj1, chief.id);
    expect(replied.statusCode).toBe(201);
    expect(replied.json<Complaint>()).toMatchObject({
      status: 'replied',
      reply: '已约谈窗口人员，向投诉人致歉',
    });

    clock = new Date('2025-05-08T10:00:00+08:00');
    // a session lasts a working day: the supervisor signs in again on Thursday
    const supervisor = await staff.tokenFor('supervisor');
    const manager = await staff.tokenFor('manager');
    const close = (token: string, b: unknown) =>
      staff.call('POST', `/api/complaints/${c.id}/close`, { token, body: b });
    expect((await close(manager, { conclusion: '不属实' })).statusCode).toBe(403);
    const badConclusion = await close(supervisor, { conclusion: '驳回' });
    expect(badConclusion.statusCode).toBe(400);
    expect(badConclusion.json<Failure>().error.message).toContain('属实、不属实 或 部分属实');
    const closed = await close(supervisor, { conclusion: '不属实', comment: '经调阅录像，不属实' });
    expect(closed.statusCode).toBe(201);
    expect(closed.json<Complaint>()).toMatchObject({
      status: 'closed',
      conclusion: '不属实',
      closedAt: '2025-05-08T10:00:00.000+08:00',
      history: [
        { action: 'recorded' },
        { action: 'replied', by: { id: chief.id } },
        { action: 'closed', conclusion: '不属实', text: '经调阅录像，不属实' },
      ],
    });
    // the clock stopped: nothing on the timer after the deadline, and no more replies
    expect(await superviseOpenComplaints(t().db, new Date('2025-05-20T09:00:00+08:00'))).toBe(0);
    expect((await reply(sj1, chief.id)).statusCode).toBe(409);
    expect((await close(supervisor, { conclusion: '属实' })).statusCode).toBe(409);
    // nothing deletes a complaint
    const del = await staff.app.inject({
      method: 'DELETE',
      url: `/api/complaints/${c.id}`,
      headers: { authorization: `Bearer ${supervisor}` },
    });
    expect(del.statusCode).toBe(404);
    const kept = await staff.call('GET', `/api/complaints/${c.id}`, { token: supervisor });
    expect(kept.json<Complaint>().status).toBe('closed');
  });

  it('refuses bad input with a clear message, and anyone but a supervisor', async () => {
    const { staff, record } = await setup();
    const message = async (b: unknown) => {
      const res = await record(b);
      expect(res.statusCode).toBe(400);
      return res.json<Failure>().error.message;
    };
    expect(await message({ ...body, content: '  ' })).toContain('请填写投诉内容');
    expect(await message({ ...body, channel: '微信' })).toContain('现场、电话、网上 或 信件');
    expect(await message({ ...body, windowId: null })).toContain('请指明被投诉的窗口或办件');
    expect(await message({ ...body, complainantPhone: 'abc' })).toContain('联系电话格式不正确');
    expect(await message({ ...body, windowId: 'w-none' })).toContain('没有这个窗口');
    expect(await message({ ...body, caseNumber: 'SJ-0000' })).toContain('没有这个办件编号');
    for (const role of ['manager', 'clerk', 'chief'] as const) {
      const res = await record(
        body,
        await staff.tokenFor(role, role === 'manager' ? null : 'w-sj-1'),
      );
      expect(res.statusCode).toBe(403);
    }
    expect(
      (
        await staff.call('GET', '/api/complaints', {
          token: await staff.tokenFor('clerk', 'w-sj-1'),
        })
      ).statusCode,
    ).toBe(403);
  });

  it('places a complaint about a case at its window, and counts it in the report', async () => {
    const { h, staff, record } = await setup();
    const one = await h.enroll('w-sj-1');
    const script = caseScript({
      start: '2025-04-28T09:00:00+08:00',
      caseNumber: 'SJ-20250428-SJ01-T1-0001',
    });
    await one.pushOk(one.sign([script.received(), script.checked(), script.accepted()]));
    const c = (
      await record({
        caseNumber: 'SJ-20250428-SJ01-T1-0001',
        channel: '网上',
        content: '超期未办结',
      })
    ).json<Complaint>();
    expect(c).toMatchObject({
      windowId: 'w-sj-1',
      caseId: script.caseId,
      caseNumber: 'SJ-20250428-SJ01-T1-0001',
    });
    await record({ ...body, windowId: 'w-zj-1' });

    clock = new Date('2025-05-20T10:00:00+08:00');
    const supervisor = await staff.tokenFor('supervisor');
    await staff.call('POST', `/api/complaints/${c.id}/close`, {
      token: supervisor,
      body: { conclusion: '部分属实' },
    });
    const report = await staff.call(
      'GET',
      '/api/reports/metrics?from=2025-04-28&to=2025-05-20&department=SJ',
      { token: supervisor },
    );
    expect(report.statusCode).toBe(200);
    const { complaints } = report.json<{
      complaints: Record<string, { count: number; ids: string[] }>;
    }>();
    expect(complaints).toEqual({
      received: { count: 1, ids: [c.id] },
      closed: { count: 1, ids: [c.id] },
      // closed on 20 May, after its deadline of 13 May
      closedOnTime: { count: 0, ids: [] },
      overdueOpen: { count: 0, ids: [] },
      substantiated: { count: 1, ids: [c.id] },
    });
  });

  it('gives a terminal its department’s alerts and complaints, with names, and nothing of others', async () => {
    const { h, record } = await setup();
    const sj2 = await h.enroll('w-sj-2');
    const mine = (await record(body)).json<Complaint>();
    await record({ ...body, windowId: 'w-zj-1' });
    const res = await h.call('GET', syncPaths.supervision, { token: sj2.token });
    expect(res.statusCode).toBe(200);
    const feed = res.json<WindowSupervision>();
    expect(feed.complaints.map((c) => c.id)).toEqual([mine.id]);
    expect(feed.alerts).toEqual([
      expect.objectContaining({ rule: 'complaint', windowName: '市场监管一号窗' }),
    ]);
    // a staff session is no device
    expect((await h.call('GET', syncPaths.supervision, {})).statusCode).toBe(401);
  });
});
