import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { actors, caseScript, seedHall, syncHarness, testNow } from '../sync/test-support';
import { testApp } from '../test-app';
import { superviseOpenCases } from './engine';

type Alert = { id: string; rule: string; level: string; status: string; evidence: string[] };

eachDialect('center: electronic supervision', (t) => {
  const setup = async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    const one = await h.enroll('w-sj-1');
    const two = await h.enroll('w-sj-2');
    // accepted Wed 5 March 2025: promised 5 working days → due at the end of Wed 12 March
    const script = caseScript({ start: '2025-03-05T09:00:00+08:00', applicantName: '吴六' });
    await one.pushOk(one.sign([script.received(), script.checked(), script.accepted()]));
    const staff = testApp(t(), () => testNow);
    const supervisor = await staff.tokenFor('supervisor');
    const alerts = async () =>
      (await h.call('GET', `/api/alerts?case=${script.caseId}`, { token: supervisor })).json<
        Alert[]
      >();
    return { h, one, two, script, staff, supervisor, alerts };
  };

  it('raises a warning with the push and a red card on the timer once the deadline passed, once', async () => {
    const { alerts } = await setup();
    // on Mon 10 March two working days are left: a warning, raised by the push itself
    expect((await alerts()).map((a) => a.rule)).toEqual(['clock.promised.warning']);
    // Thursday 13 March, nobody touched the case: the timer finds it overdue
    expect(await superviseOpenCases(t().db, new Date('2025-03-13T09:00:00+08:00'))).toBe(1);
    expect(await superviseOpenCases(t().db, new Date('2025-03-13T10:00:00+08:00'))).toBe(0);
    const found = await alerts();
    expect(found.map((a) => [a.rule, a.level, a.status])).toEqual(
      expect.arrayContaining([
        ['clock.promised.warning', 'warning', 'open'],
        ['clock.promised.red', 'red', 'open'],
      ]),
    );
    expect(found.every((a) => a.evidence.length === 1)).toBe(true);
  });

  it('raises the red card on a bad rating whose rectification is overdue (差评整改)', async () => {
    const { h, one, script, alerts } = await setup();
    const decided = script.decided();
    const delivered = [
      decided,
      script.next(
        'stamped',
        {
          decisionEventId: decided.id,
          decisionHash: 'f'.repeat(64),
          decisionNumber: 'SJ许〔2025〕1号',
        },
        actors.chief,
      ),
      script.next('certificateIssued', { certificateNumber: 'JY13101010000001' }, actors.chief),
      script.next('delivered', { method: 'window', recipient: '吴六' }, actors.clerk),
      // 非常不满意: rectified within 15 working days, or the window is overdue
      script.next('rated', { score: 5 }, actors.clerk),
    ];
    const answer = await one.pushOk(one.sign(await h.sealed(one, delivered)));
    expect(answer.results.map((r) => r.status)).toEqual(delivered.map(() => 'accepted'));
    // a month later nobody has rectified: the timer, which measures only open cases, finds it
    expect(await superviseOpenCases(t().db, new Date('2025-04-10T09:00:00+08:00'))).toBeGreaterThan(
      0,
    );
    expect((await alerts()).map((a) => [a.rule, a.level])).toEqual(
      expect.arrayContaining([['clock.rectification.red', 'red']]),
    );
  });

  it('records the supervisor’s acknowledgement in the alert’s history, and nothing else may act', async () => {
    const { h, staff, supervisor, alerts } = await setup();
    await superviseOpenCases(t().db, new Date('2025-03-13T09:00:00+08:00'));
    const red = (await alerts()).find((a) => a.level === 'red')!;
    const blank = await h.call('POST', `/api/alerts/${red.id}/actions`, {
      token: supervisor,
      body: { action: 'acknowledged', comment: '  ' },
    });
    expect(blank.statusCode).toBe(400);
    const manager = await staff.tokenFor('manager');
    const byManager = await h.call('POST', `/api/alerts/${red.id}/actions`, {
      token: manager,
      body: { action: 'acknowledged', comment: '已阅' },
    });
    expect(byManager.statusCode).toBe(403);
    const done = await h.call('POST', `/api/alerts/${red.id}/actions`, {
      token: supervisor,
      body: { action: 'acknowledged', comment: '已督促窗口当日办结' },
    });
    expect(done.statusCode).toBe(201);
    const escalated = await h.call('POST', `/api/alerts/${red.id}/actions`, {
      token: supervisor,
      body: { action: 'escalated', comment: '逾期未办结，报监察局' },
    });
    expect(escalated.json()).toMatchObject({
      status: 'escalated',
      actions: [
        { action: 'acknowledged', comment: '已督促窗口当日办结' },
        { action: 'escalated', comment: '逾期未办结，报监察局' },
      ],
    });
    // the timer finds the same overdue clock again: the alert and its history stay as they are
    await superviseOpenCases(t().db, new Date('2025-03-14T09:00:00+08:00'));
    const again = (await h.call('GET', `/api/alerts/${red.id}`, { token: supervisor })).json<{
      actions: unknown[];
      status: string;
    }>();
    expect(again.status).toBe('escalated');
    expect(again.actions).toHaveLength(2);
  });

  it('names a sync conflict and the event behind it', async () => {
    const { two, script, alerts } = await setup();
    const [stamp] = two.sign([
      script.next(
        'stamped',
        { decisionEventId: 'none', decisionHash: 'f'.repeat(64), decisionNumber: 'N1' },
        actors.chief,
        'w-sj-2',
      ),
    ]);
    await two.pushOk([stamp!]);
    expect(await alerts()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'sync.conflict',
          level: 'violation',
          evidence: [stamp!.id],
          // the case it belongs to, though the conflicted event moved none
          caseNumber: script.caseNumber,
          // the act in the glossary's word, not the event type
          message: expect.stringMatching(/^同步冲突：“盖章”未被中心采纳（/),
          // named, not only numbered: the list shows which window of which department
          windowId: 'w-sj-2',
          windowName: '市场监管二号窗',
          departmentName: '市场监督管理局',
        }),
      ]),
    );
  });

  it('names a second open case of one applicant and item received at a PC that had not seen the first', async () => {
    const { h, one, two, script, supervisor } = await setup();
    const alertsOf = async (caseId: string) =>
      (await h.call('GET', `/api/alerts?case=${caseId}`, { token: supervisor })).json<
        (Alert & { message: string; windowId: string })[]
      >();
    const { idNumber } = script;
    // SJ02 was offline when SJ01 received 吴六: its clerk received him again for the same item
    const again = caseScript({
      start: '2025-03-05T10:00:00+08:00',
      applicantName: '吴六',
      idNumber,
      windowId: 'w-sj-2',
    });
    await two.pushOk(two.sign([again.received()]));
    const [duplicate, ...more] = (await alertsOf(again.caseId)).filter(
      (a) => a.rule === 'intake.duplicateCase',
    );
    expect(more).toEqual([]);
    expect(duplicate).toMatchObject({ level: 'warning', windowId: 'w-sj-2' });
    // it names the first case and the window holding it: the clerk keeps one, withdraws the other
    expect(duplicate!.message).toContain(`${script.caseNumber}（市场监管一号窗）`);
    // the first case is not the one that came second
    expect((await alertsOf(script.caseId)).map((a) => a.rule)).not.toContain(
      'intake.duplicateCase',
    );

    // a case made with a reason was made knowingly (a receipt from before receipts named the
    // cases they were shown answers for all); another applicant is no duplicate
    const knowing = caseScript({ applicantName: '吴六', idNumber, windowId: 'w-sj-1' });
    const received = knowing.received();
    await one.pushOk(
      one.sign([
        { ...received, payload: { ...received.payload, duplicateReason: '另设门店，另行申请' } },
      ] as (typeof received)[]),
    );
    // nor is the first of two cases one PC made, the second with its reason, pushed together
    // (received in the same minute: which came first does not matter, the receipt names the other)
    const firstOfTwo = caseScript({ start: '2025-03-06T09:00:00+08:00' });
    const secondOfTwo = caseScript({
      start: '2025-03-06T09:00:00+08:00',
      idNumber: firstOfTwo.idNumber,
    });
    const second = secondOfTwo.received();
    await one.pushOk(
      one.sign([
        firstOfTwo.received(),
        {
          ...second,
          occurredAt: '2025-03-06T09:00:00+08:00',
          payload: {
            ...second.payload,
            duplicateReason: '申请人另设门店',
            duplicateOf: [firstOfTwo.caseId],
          },
        },
      ] as (typeof second)[]),
    );
    for (const caseId of [firstOfTwo.caseId, secondOfTwo.caseId]) {
      expect((await alertsOf(caseId)).map((x) => x.rule)).not.toContain('intake.duplicateCase');
    }
    const other = caseScript({ applicantName: '郑七', windowId: 'w-sj-2' });
    await two.pushOk(two.sign([other.received()]));
    for (const caseId of [knowing.caseId, other.caseId]) {
      expect((await alertsOf(caseId)).map((a) => a.rule)).not.toContain('intake.duplicateCase');
    }
  });

  it('names a twin whose reason answered for another case, not for this one', async () => {
    const { h, one, two, supervisor } = await setup();
    // SJ01, offline, received 郑七 at 09:00 (A). SJ02 received him at 09:10 (C), then at 09:20
    // again with a reason that answers for C (B), and withdrew C.
    const a = caseScript({ start: '2025-03-06T09:00:00+08:00', windowId: 'w-sj-1' });
    const c = caseScript({
      start: '2025-03-06T09:10:00+08:00',
      idNumber: a.idNumber,
      windowId: 'w-sj-2',
    });
    const b = caseScript({
      start: '2025-03-06T09:20:00+08:00',
      idNumber: a.idNumber,
      windowId: 'w-sj-2',
    });
    const bReceived = b.received();
    await two.pushOk(
      two.sign([
        c.received(),
        {
          ...bReceived,
          payload: {
            ...bReceived.payload,
            duplicateReason: '申请人要求分开办理',
            duplicateOf: [c.caseId],
          },
        },
        c.next('withdrawn', { reason: '申请人撤回申请' }, c.clerk),
      ] as (typeof bReceived)[]),
    );
    await one.pushOk(one.sign([a.received()]));
    const alerts = (
      await h.call('GET', `/api/alerts?case=${a.caseId}`, { token: supervisor })
    ).json<{ rule: string; message: string }[]>();
    const duplicate = alerts.find((x) => x.rule === 'intake.duplicateCase');
    expect(duplicate?.message).toContain(`${b.caseNumber}（市场监管二号窗）`);
    // C is withdrawn: no longer a twin
    expect(duplicate?.message).not.toContain(c.caseNumber);
  });

  it('names the twin too when the case received first reaches the center last (an offline PC)', async () => {
    const { h, one, two, supervisor } = await setup();
    // SJ01 received 郑七 at 09:00 offline; SJ02, online, received him again at 10:00
    const first = caseScript({ start: '2025-03-06T09:00:00+08:00', windowId: 'w-sj-1' });
    const later = caseScript({
      start: '2025-03-06T10:00:00+08:00',
      idNumber: first.idNumber,
      windowId: 'w-sj-2',
    });
    await two.pushOk(two.sign([later.received()]));
    await one.pushOk(one.sign([first.received()]));
    const alerts = (
      await h.call('GET', `/api/alerts?case=${first.caseId}`, { token: supervisor })
    ).json<{ rule: string; message: string }[]>();
    const duplicate = alerts.find((x) => x.rule === 'intake.duplicateCase');
    expect(duplicate?.message).toContain(`${later.caseNumber}（市场监管二号窗）`);
  });
});
