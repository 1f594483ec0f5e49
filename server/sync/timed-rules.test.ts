import { expect, it } from 'vitest';
import type { CaseEvent } from '../../shared/case';
import { eachDialect } from '../db/test-db';
import { superviseOpenCases } from '../supervision/engine';
import { actors, caseScript, seedHall, syncHarness } from './test-support';

// Issue 13 point 5, the center's side: the same scenarios as shared/case/timed-rules.test.ts and
// the terminal's (electron/services/cases.test.ts), pushed through the real route. The center
// stores each late event as conflicted under the terminal's rule id, never drops it, and raises it
// to supervision; an overrun special procedure raises its own alert, on push and on the timer.
// Item: statutory 20 working days. Received Monday 2025-03-03 09:00: completeness ends Monday 10
// March 24:00; accepted at once, the statutory limit ends Monday 31 March 24:00.

const at = (event: CaseEvent, occurredAt: string): CaseEvent => ({ ...event, occurredAt });

const extension = {
  workingDays: 10,
  approver: '局长 王某',
  reason: '需现场核查',
  applicantNoticeRef: '延告〔2025〕1号',
};

eachDialect('sync: the timed rules at the center', (t) => {
  let now = new Date('2025-03-10T10:00:00+08:00');
  const setup = async () => {
    now = new Date('2025-03-10T10:00:00+08:00');
    await seedHall(t().db);
    const h = syncHarness(t(), () => now);
    return { h, device: await h.enroll('w-sj-1') };
  };
  const stored = (id: string) =>
    t()
      .db.selectFrom('events')
      .select(['status', 'conflict_rule'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const alertsOf = (caseId: string) =>
    t()
      .db.selectFrom('alerts')
      .select(['rule', 'level', 'message', 'evidence'])
      .where('case_id', '=', caseId)
      .orderBy('rule')
      .execute();

  it('stores a one-time notice or refusal after deemed acceptance as conflicted, and raises it', async () => {
    const { device } = await setup();
    now = new Date('2025-03-11T10:00:00+08:00');
    const s = caseScript();
    const late = at(
      s.next(
        'noticeIssued',
        { items: [{ materialId: 'm2', problem: 'missing', detail: '未提交' }] },
        actors.clerk,
      ),
      '2025-03-11T09:00:00+08:00',
    );
    const res = await device.pushOk(device.sign([s.received(), late]));
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'conflicted']);
    expect(res.results[1]!.conflict).toMatchObject({ rule: 'intake.deemedAccepted' });
    expect(await stored(late.id)).toEqual({
      status: 'conflicted',
      conflict_rule: 'intake.deemedAccepted',
    });
    const alerts = await alertsOf(s.caseId);
    expect(alerts.map((a) => a.rule)).toContain('intake.deemedAccepted');
    expect(alerts.some((a) => a.evidence.includes(late.id))).toBe(true);
    // the case stays as the law left it: accepted on receipt, with no event saying so (issue 16
    // part P lists it as accepted; the fold still says received)
    const row = await t()
      .db.selectFrom('cases')
      .select(['status', 'state'])
      .where('id', '=', s.caseId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('accepted');
    expect((JSON.parse(row.state) as { status: string }).status).toBe('received');
  });

  it('stores an extension after the statutory limit as conflicted: the case stays overdue', async () => {
    const { device } = await setup();
    now = new Date('2025-04-01T10:00:00+08:00');
    const s = caseScript();
    const late = at(s.next('extended', extension, actors.chief), '2025-04-01T09:00:00+08:00');
    const res = await device.pushOk(device.sign([s.received(), s.checked(), s.accepted(), late]));
    expect(res.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'conflicted',
    ]);
    expect(await stored(late.id)).toEqual({
      status: 'conflicted',
      conflict_rule: 'extension.afterExpiry',
    });
    const row = await t()
      .db.selectFrom('cases')
      .select('state')
      .where('id', '=', s.caseId)
      .executeTakeFirstOrThrow();
    expect((JSON.parse(row.state) as { extension: unknown }).extension).toBeNull();
    const rules = (await alertsOf(s.caseId)).map((a) => a.rule);
    expect(rules).toEqual(expect.arrayContaining(['extension.afterExpiry', 'clock.statutory.red']));
  });

  it('takes an extension recorded on the limit’s last day', async () => {
    const { device } = await setup();
    now = new Date('2025-04-01T10:00:00+08:00');
    const s = caseScript();
    const inTime = at(s.next('extended', extension, actors.chief), '2025-03-31T17:00:00+08:00');
    const res = await device.pushOk(device.sign([s.received(), s.checked(), s.accepted(), inTime]));
    expect(res.results.map((r) => r.status)).toEqual(Array(4).fill('accepted'));
  });

  it('stores a refusal on the catch-all ground as conflicted', async () => {
    const { device } = await setup();
    const s = caseScript();
    const received = s.received();
    const other = s.next(
      'refused',
      { ground: 'other', reasons: '不符合受理条件', legalBasis: '《行政许可法》' },
      actors.clerk,
    );
    const res = await device.pushOk(device.sign([received, other]));
    expect(res.results[1]).toMatchObject({
      status: 'conflicted',
      conflict: { rule: 'refusal.ground' },
    });
    expect((await alertsOf(s.caseId)).map((a) => a.rule)).toContain('refusal.ground');
  });

  it('raises a special procedure that outruns its notice, on push and on the timer, once', async () => {
    const { device } = await setup();
    const pause = {
      procedure: 'inspection' as const,
      expectedWorkingDays: 3,
      applicantNoticeRef: '特告〔2025〕1号',
      centerFilingRef: '中心备〔2025〕1号',
    };
    // paused Tuesday 4 March for 3 working days: told it ends Friday 7 March
    const a = caseScript();
    const pausedA = at(a.next('paused', pause, actors.chief), '2025-03-04T10:00:00+08:00');
    now = new Date('2025-03-05T10:00:00+08:00');
    await device.pushOk(device.sign([a.received(), a.checked(), a.accepted(), pausedA]));
    expect((await alertsOf(a.caseId)).map((x) => x.rule)).not.toContain('pause.overrun');
    // the timer round on Monday 10 March finds it overrun while nobody touched the case
    expect(await superviseOpenCases(t().db, new Date('2025-03-07T23:00:00+08:00'))).toBe(0);
    await superviseOpenCases(t().db, new Date('2025-03-10T09:00:00+08:00'));
    const raised = (await alertsOf(a.caseId)).filter((x) => x.rule === 'pause.overrun');
    expect(raised).toEqual([
      {
        rule: 'pause.overrun',
        level: 'violation',
        message: expect.stringContaining('已超过告知的 3 个工作日（应于 2025-03-07 结束）'),
        evidence: JSON.stringify([pausedA.id]),
      },
    ]);
    expect(await superviseOpenCases(t().db, new Date('2025-03-11T09:00:00+08:00'))).toBe(0);

    // a case pushed when its pause has already run over gets the alert with its batch
    // received after A's pause was written: a PC writes forward in time (time.backdated)
    const b = caseScript({ start: '2025-03-04T10:30:00+08:00' });
    const pausedB = at(b.next('paused', pause, actors.chief), '2025-03-04T11:00:00+08:00');
    now = new Date('2025-03-12T10:00:00+08:00');
    await device.pushOk(device.sign([b.received(), b.checked(), b.accepted(), pausedB]));
    expect((await alertsOf(b.caseId)).map((x) => x.rule)).toContain('pause.overrun');
    // resuming is never blocked: the procedure may end late, and the alert stays on record
    const resumed = b.next('resumed', {}, actors.chief);
    const res = await device.pushOk(device.sign([at(resumed, '2025-03-12T09:00:00+08:00')]));
    expect(res.results[0]!.status).toBe('accepted');
  });
});
