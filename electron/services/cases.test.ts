import { testPasswordCost } from '../../server/test-app';
import { describe, expect, it } from 'vitest';
import { appealNotice } from '../../shared/case';
import { personApplicant } from '../../tests/support/applicants';
import {
  acceptComplete,
  attempt,
  call,
  itemMaterials,
  terminalAt as setup,
} from '../../tests/support/terminal-api';
import { hashPasswordSync } from '../../node-shared/passwords';
import { insertStaff, insertWindow, setSetting } from '../store/reference';
import { syncKeys } from '../store/sync-state';

type Clock = {
  kind: string;
  state: string;
  deadline: { date: string };
  deemedAccepted?: { on: string };
};

describe('a case through the terminal', () => {
  it('keeps the applicant’s answer to progress SMS with the case; an older call left it unasked', async () => {
    const { t, as } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const consent = async (smsConsent?: boolean) => {
      const { caseId } = await call(t, clerk, 'cases.receive', {
        itemCode: 'SJ-002',
        applicant: personApplicant(smsConsent === undefined ? 21 : smsConsent ? 22 : 23),
        channel: 'window',
        ...(smsConsent === undefined ? {} : { smsConsent }),
      });
      const view = (await call(t, clerk, 'cases.get', { caseId })) as {
        state: { smsConsent: boolean | null };
        events: { type: string; payload: { smsConsent?: boolean } }[];
      };
      return [view.state.smsConsent, view.events[0]!.payload.smsConsent];
    };
    expect(await consent(true)).toEqual([true, true]);
    expect(await consent(false)).toEqual([false, false]);
    expect(await consent()).toEqual([null, undefined]);
  });

  it('runs from receipt to delivery with the right clocks, people and states', async () => {
    // Monday 2026-03-02, 09:00 in Beijing
    const { t, as, setNow } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const chief = await as('chief');
    const { caseId, caseNumber } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(7),
      channel: 'window',
    });
    expect(caseNumber).toBe('SJ-20260302-SJ01-T1-0001');

    await acceptComplete(t, clerk, caseId, 'SJ-002');

    let view = (await call(t, clerk, 'cases.get', { caseId })) as {
      state: { status: string };
      clocks: Clock[];
    };
    expect(view.state.status).toBe('accepted');
    const promised = view.clocks.find((c) => c.kind === 'promised')!;
    // SJ-002 promises 5 working days from Monday 2 March: Tue 3 … Mon 9 March
    expect(promised).toMatchObject({ state: 'running', deadline: { date: '2026-03-09' } });
    expect(view.clocks.find((c) => c.kind === 'completeness')!.state).toBe('stopped');

    // the clerk may not decide; the chief decides and stamps
    const denied = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'decided',
      payload: { outcome: 'approve', granted: '食品经营许可证' },
    });
    expect(!denied.ok && denied.error).toMatchObject({
      code: 'not_allowed',
      rule: 'role.notAllowed',
    });
    setNow('2026-03-04T10:00:00+08:00');
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: { outcome: 'approve', granted: '食品经营许可证' },
    });
    const sealPin = t.demoAccounts.find((a) => a.role === 'chief')!.sealPin!;
    await call(t, chief, 'cases.stamp', { caseId, pin: sealPin });
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'certificateIssued',
      payload: { certificateNumber: 'JY13201060000001' },
    });
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'delivered',
      payload: { method: 'window', recipient: '王伟' },
    });

    view = (await call(t, clerk, 'cases.get', { caseId })) as typeof view & {
      events: { type: string; actor: { role: string }; deviceSeq: number }[];
    };
    expect(view.state.status).toBe('delivered');
    expect((view as unknown as { events: { type: string }[] }).events.map((e) => e.type)).toEqual([
      'received',
      'materialsChecked',
      'accepted',
      'decided',
      'stamped',
      'certificateIssued',
      'delivered',
    ]);
    expect(view.clocks.find((c) => c.kind === 'delivery')).toMatchObject({ state: 'stopped' });
    // a delivered case leaves the window's work list
    const open = (await call(t, clerk, 'cases.list', {})) as { total: number };
    expect(open.total).toBe(0);
  });

  it('shows a case as deemed accepted when 5 working days pass without a notice', async () => {
    const { t, as, setNow } = setup('2026-09-24T16:00:00+08:00'); // Thursday before National Day
    const clerk = await as('clerk');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(1),
      channel: 'window',
    });
    // 5 working days after Thu 24 Sep 2026: Fri 25 is off (中秋), Sun 20 was the make-up day, so
    // Mon 28, Tue 29, Wed 30, then Oct 1–7 off, Thu 8, Fri 9 → due at the end of 9 Oct.
    let clocks = ((await call(t, clerk, 'cases.get', { caseId })) as { clocks: Clock[] }).clocks;
    expect(clocks[0]).toMatchObject({ kind: 'completeness', deadline: { date: '2026-10-09' } });
    expect(clocks[0]!.deemedAccepted).toBeUndefined();
    setNow('2026-10-10T09:00:00+08:00');
    clocks = ((await call(t, clerk, 'cases.get', { caseId })) as { clocks: Clock[] }).clocks;
    expect(clocks[0]!.deemedAccepted).toEqual({ on: '2026-09-24' });
    // the decision clocks now run from the day of receipt
    expect(clocks.map((c) => c.kind)).toEqual(['completeness', 'promised', 'statutory']);
  });

  it('orders the work list by the earliest running deadline', async () => {
    const { t, as, setNow } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const first = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-003',
      applicant: personApplicant(1),
      channel: 'window',
    });
    setNow('2026-03-03T09:00:00+08:00');
    const second = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(2),
      channel: 'window',
    });
    // accepting the first moves it to its decision deadline (10 working days), after the
    // second case's completeness deadline (5 working days from 3 March)
    await acceptComplete(t, clerk, first.caseId, 'SJ-003');
    const list = (await call(t, clerk, 'cases.list', {})) as {
      rows: { id: string; dueAt: string }[];
    };
    expect(list.rows.map((r) => r.id)).toEqual([second.caseId, first.caseId]);
    expect(list.rows[0]!.dueAt < list.rows[1]!.dueAt).toBe(true);
  });

  it('refuses a denial without reasons and a link to an unknown earlier case', async () => {
    const { t, as } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const chief = await as('chief');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(3),
      channel: 'window',
    });
    await acceptComplete(t, clerk, caseId, 'SJ-002');
    const blank = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: {
        outcome: 'deny',
        facts: '经现场核查',
        reasons: ' ',
        legalBasis: '《食品安全法》第三十五条',
        appealNotice: appealNotice(),
      },
    });
    expect(!blank.ok && blank.error).toMatchObject({
      code: 'invalid_input',
      field: 'payload.reasons',
    });
    // the field travels in `field`; the message is for the person and does not repeat it
    expect(!blank.ok && blank.error.message).not.toMatch(/^[\w.]+:/);
    const linked = await attempt(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(3),
      channel: 'window',
      secondApplicationOf: '01890000-0000-7000-8000-000000000000',
    });
    expect(!linked.ok && linked.error).toMatchObject({
      code: 'invalid_input',
      field: 'secondApplicationOf',
    });
    expect(t.db.prepare('SELECT count(*) n FROM cases').get()).toEqual({ n: 1 });
  });
});

describe('a field error', () => {
  it('names the field in `field` and leaves it out of the message', async () => {
    const { t, as } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const applicant = { ...personApplicant(4), idNumber: '110105194912310021' };
    const r = await attempt(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant,
      channel: 'window',
    });
    expect(!r.ok && r.error).toMatchObject({ code: 'invalid_input', field: 'applicant.idNumber' });
    expect(!r.ok && r.error.message).toMatch(/^\p{Script=Han}/u);
    expect(!r.ok && r.error.message).not.toContain('idNumber');
  });
});

describe('who may act at this terminal', () => {
  it('signs a deactivated account out at its next call', async () => {
    const { t, as } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    expect((await attempt(t, clerk, 'cases.list', {})).ok).toBe(true);
    t.db.prepare("UPDATE staff SET active = 0 WHERE username = 'clerk'").run();
    const after = await attempt(t, clerk, 'cases.list', {});
    expect(!after.ok && after.error.code).toBe('unauthenticated');
    t.db.prepare("UPDATE staff SET active = 1 WHERE username = 'clerk'").run();
    // the session is gone for good, not just refused while inactive
    expect((await attempt(t, clerk, 'cases.list', {})).ok).toBe(false);
  });

  it("refuses a clerk of another window at this window's PC", async () => {
    const { t } = setup('2026-03-02T09:00:00+08:00');
    insertWindow(t.db, { id: 'w-zj', code: 'ZJ01', name: '住建窗口', department_code: 'ZJ' });
    insertStaff(t.db, {
      id: 's-zj',
      username: 'zjclerk',
      name: '周洁',
      role: 'clerk',
      window_id: 'w-zj',
      password_hash: hashPasswordSync('zj-password-1', testPasswordCost),
      active: 1,
    });
    const r = await attempt(t, null, 'auth.login', {
      username: 'zjclerk',
      password: 'zj-password-1',
    });
    expect(!r.ok && r.error).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/不属于本终端/),
    });
  });

  it('keeps working when the PC clock steps back behind the last event', async () => {
    const { t, as, setNow } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(1),
      channel: 'window',
    });
    setNow('2026-03-02T08:58:00+08:00'); // time sync pulled the clock back two minutes
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'withdrawn',
      payload: { reason: '申请人撤回' },
    });
    const view = (await call(t, clerk, 'cases.get', { caseId })) as {
      events: { occurredAt: string }[];
    };
    expect(view.events.map((e) => e.occurredAt)).toEqual([
      '2026-03-02T09:00:00.000+08:00',
      '2026-03-02T09:00:00.000+08:00',
    ]);
  });
});

describe('the work list as time passes', () => {
  it('moves a case that became deemed accepted to its decision deadline without any event', async () => {
    const { t, as, setNow } = setup('2026-03-02T09:00:00+08:00'); // Monday
    const clerk = await as('clerk');
    // A: received Monday, never handled → completeness due Mon 9 March (end of day)
    const a = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-003',
      applicant: personApplicant(1),
      channel: 'window',
    });
    // B: received Wednesday → completeness due Wed 11 March
    setNow('2026-03-04T09:00:00+08:00');
    const b = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(2),
      channel: 'window',
    });
    let list = (await call(t, clerk, 'cases.list', {})) as {
      rows: { id: string; dueAt: string; clock: Clock }[];
    };
    expect(list.rows.map((r) => r.id)).toEqual([a.caseId, b.caseId]);

    // Tuesday 10 March: A's 5 days ran out without a notice, so A counts as accepted on
    // 2 March and its clock is now the promised limit (SJ-003: 10 working days → 16 March),
    // after B's completeness deadline (11 March).
    setNow('2026-03-10T09:00:00+08:00');
    list = (await call(t, clerk, 'cases.list', {})) as typeof list;
    expect(list.rows.map((r) => r.id)).toEqual([b.caseId, a.caseId]);
    expect(list.rows[1]!.clock).toMatchObject({
      kind: 'promised',
      deadline: { date: '2026-03-16' },
    });
    const row = t.db.prepare('SELECT due_at, recheck_at FROM cases WHERE id = ?').get(a.caseId);
    expect(row).toEqual({ due_at: '2026-03-17T00:00:00+08:00', recheck_at: null });
  });
});

describe('finding cases and applicants', () => {
  it('filters the work list by item and searches by case number, name or ID', async () => {
    const { t, as } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const a = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: { ...personApplicant(1), name: '欧阳娜娜' },
      channel: 'window',
    });
    await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-003',
      applicant: personApplicant(2),
      channel: 'window',
    });
    const odd = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-003',
      applicant: { ...personApplicant(3), name: '王_100%' },
      channel: 'window',
    });
    const ids = async (input: object) =>
      ((await call(t, clerk, 'cases.list', input)) as { rows: { id: string }[] }).rows.map(
        (r) => r.id,
      );
    expect(await ids({ itemCode: 'SJ-002' })).toEqual([a.caseId]);
    expect(await ids({ query: '欧阳' })).toEqual([a.caseId]);
    expect(await ids({ query: String(a.caseNumber) })).toEqual([a.caseId]);
    expect(await ids({ query: 'SJ-20260302-SJ01-T1-000' })).toHaveLength(3);
    expect(await ids({ query: personApplicant(1).idNumber.toLowerCase() })).toEqual([a.caseId]);
    // % and _ are characters to find, not wildcards
    expect(await ids({ query: '_100%' })).toEqual([odd.caseId]);
    expect(await ids({ query: '%' })).toEqual([odd.caseId]);
    expect(await ids({ query: '不存在的人' })).toEqual([]);
  });

  it('finds a returning applicant by ID for prefilling', async () => {
    const { t, as } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const applicant = personApplicant(5);
    expect(await call(t, clerk, 'applicants.find', { key: applicant.idNumber })).toBeNull();
    await call(t, clerk, 'cases.receive', { itemCode: 'SJ-002', applicant, channel: 'window' });
    expect(await call(t, clerk, 'applicants.find', { key: applicant.idNumber })).toEqual(applicant);
  });
});

describe('notices', () => {
  it('an acceptance notice carries the promised date the calendar gives across the Spring Festival', async () => {
    const { t, as } = setup('2026-02-12T10:00:00+08:00'); // Thursday before the holiday
    const clerk = await as('clerk');
    const { caseId, caseNumber } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(1),
      channel: 'window',
    });
    const all = itemMaterials(t, 'SJ-002');
    const [first, second, ...rest] = all;
    // two materials missing → one notice listing exactly those two
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'materialsChecked',
      payload: {
        materials: [
          { materialId: first!.id, status: 'missing' },
          { materialId: second!.id, status: 'defective', defect: '复印件不清晰' },
          ...rest.map((m) => ({ materialId: m.id, status: 'received' })),
        ],
      },
    });
    const notice = (await call(t, clerk, 'cases.record', {
      caseId,
      type: 'noticeIssued',
      payload: {
        items: [
          { materialId: first!.id, problem: 'missing', detail: '未提交' },
          { materialId: second!.id, problem: 'defective', detail: '复印件不清晰' },
        ],
      },
    })) as { eventId: string };
    const noticeDoc = (await call(t, clerk, 'documents.get', {
      caseId,
      eventId: notice.eventId,
    })) as {
      kind: string;
      items: { name: string }[];
      caseNumber: string;
      verificationCode: string;
      verificationUrl: string | null;
    };
    expect(noticeDoc.kind).toBe('notice');
    // a terminal without a center prints the bare code in the QR
    expect(noticeDoc.verificationUrl).toBeNull();
    expect(noticeDoc.items.map((i) => i.name)).toEqual([first!.name, second!.name]);
    expect(noticeDoc.caseNumber).toBe(caseNumber);
    expect(noticeDoc.verificationCode).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );

    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'supplementReceived',
      payload: { materialIds: [first!.id, second!.id] },
    });
    const accepted = (await call(t, clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: {},
    })) as { eventId: string };
    // once enrolled, the QR code leads a phone to the center's verification page
    setSetting(t.db, syncKeys.server, 'https://center.example.cn');
    const doc = (await call(t, clerk, 'documents.get', { caseId, eventId: accepted.eventId })) as {
      verificationCode: string;
      verificationUrl: string | null;
      kind: string;
      promisedDate: string;
      provisional: boolean;
      materials: { name: string }[];
      clerkName: string;
      windowName: string;
    };
    expect(doc.verificationUrl).toBe(`https://center.example.cn/verify/${doc.verificationCode}`);
    // 5 working days after Thu 12 Feb: Fri 13, Sat 14 (make-up day), [15–23 off], Tue 24, Wed 25, Thu 26
    expect(doc).toMatchObject({
      kind: 'acceptance',
      promisedDate: '2026-02-26',
      provisional: false,
      clerkName: '张敏',
      windowName: '市场监管窗口',
    });
    expect(doc.materials.map((m) => m.name)).toEqual(all.map((m) => m.name));
    // a received event issues no notice
    const events = (
      (await call(t, clerk, 'cases.get', { caseId })) as { events: { id: string; type: string }[] }
    ).events;
    const received = events.find((e) => e.type === 'received')!;
    const none = await attempt(t, clerk, 'documents.get', { caseId, eventId: received.id });
    expect(!none.ok && none.error.code).toBe('invalid_input');
  });
});

describe('after the 5-day completeness limit', () => {
  it('refuses a late one-time notice or refusal: the case counts as accepted on receipt', async () => {
    const { t, as, setNow } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(1),
      channel: 'window',
    });
    setNow('2026-03-10T09:00:00+08:00'); // 5 working days ran out at the end of 9 March
    const late = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'noticeIssued',
      payload: { items: [{ materialId: 'm1', problem: 'missing', detail: '未提交' }] },
    });
    expect(!late.ok && late.error).toMatchObject({
      code: 'not_allowed',
      rule: 'intake.deemedAccepted',
    });
    const refusal = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'refused',
      payload: {
        ground: 'notThisAgency',
        reasons: '不属于本机关职权',
        legalBasis: '《行政许可法》第三十二条',
        rightAgency: '区卫生健康局',
      },
    });
    expect(!refusal.ok && refusal.error.rule).toBe('intake.deemedAccepted');
    // accepting is still possible, and its notice says it was accepted by law on receipt
    await acceptComplete(t, clerk, caseId, 'SJ-002');
    const events = (
      (await call(t, clerk, 'cases.get', { caseId })) as { events: { id: string; type: string }[] }
    ).events;
    const accepted = events.find((e) => e.type === 'accepted')!;
    const doc = (await call(t, clerk, 'documents.get', { caseId, eventId: accepted.id })) as {
      deemedAcceptedOn: string;
      promisedDate: string;
    };
    // promised 5 working days counted from receipt (2 March), not from the late acceptance
    expect(doc).toMatchObject({ deemedAcceptedOn: '2026-03-02', promisedDate: '2026-03-09' });
  });
});

describe('a reprint', () => {
  it('names the center and department that received the case, even after they were renamed', async () => {
    const { t, as } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(1),
      channel: 'window',
    });
    await acceptComplete(t, clerk, caseId, 'SJ-002');
    const accepted = (
      (await call(t, clerk, 'cases.get', { caseId })) as { events: { id: string; type: string }[] }
    ).events.find((e) => e.type === 'accepted')!;
    setSetting(t.db, 'center.name', '新区政务服务中心');
    t.db.prepare("UPDATE departments SET name = '新区市场监督管理局' WHERE code = 'SJ'").run();
    const doc = (await call(t, clerk, 'documents.get', { caseId, eventId: accepted.id })) as {
      centerName: string;
      departmentName: string;
    };
    expect(doc).toMatchObject({
      centerName: '示范区政务服务中心',
      departmentName: '市场监督管理局',
    });
  });
});

describe('the timed rules, measured at the event’s time (issue 13 point 5)', () => {
  // SJ-002: promised 5, statutory 10 working days, 5 more by extension. Accepted Monday
  // 2026-03-02, the statutory limit ends Monday 16 March at 24:00.
  const extension = {
    workingDays: 5,
    approver: '局长 王某',
    reason: '需现场核查',
    applicantNoticeRef: '延告〔2026〕1号',
  };
  async function acceptedCase() {
    const fixture = setup('2026-03-02T09:00:00+08:00');
    const clerk = await fixture.as('clerk');
    const chief = await fixture.as('chief');
    const { caseId } = await call(fixture.t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(3),
      channel: 'window',
    });
    await acceptComplete(fixture.t, clerk, caseId, 'SJ-002');
    return { ...fixture, clerk, chief, caseId };
  }

  it('refuses an extension once the statutory limit has passed (Art. 42)', async () => {
    const { t, chief, caseId, setNow } = await acceptedCase();
    setNow('2026-03-17T09:00:00+08:00');
    const late = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'extended',
      payload: extension,
    });
    expect(!late.ok && late.error).toMatchObject({
      code: 'not_allowed',
      rule: 'extension.afterExpiry',
    });
    expect(!late.ok && late.error.message).toContain('2026-03-16 届满');
    // the case stays overdue: nothing was written
    const view = (await call(t, chief, 'cases.get', { caseId })) as {
      state: { extension: unknown };
      clocks: { kind: string; remaining: { level: string } }[];
    };
    expect(view.state.extension).toBeNull();
    expect(view.clocks.find((c) => c.kind === 'statutory')!.remaining.level).toBe('red');
  });

  it('allows the extension on the limit’s last day', async () => {
    const { t, chief, caseId, setNow } = await acceptedCase();
    setNow('2026-03-16T17:00:00+08:00');
    await call(t, chief, 'cases.record', { caseId, type: 'extended', payload: extension });
  });

  it('refuses a refusal on the catch-all ground, which names no ground of Art. 32', async () => {
    const { t, as } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(4),
      channel: 'window',
    });
    const refusal = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'refused',
      payload: { ground: 'other', reasons: '不符合受理条件', legalBasis: '《行政许可法》' },
    });
    expect(!refusal.ok && refusal.error).toMatchObject({
      code: 'not_allowed',
      rule: 'refusal.ground',
    });
  });

  it('says when a special procedure outruns the working days the applicant was told (Art. 45)', async () => {
    const { t, chief, caseId, setNow } = await acceptedCase();
    setNow('2026-03-03T10:00:00+08:00');
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'paused',
      payload: {
        procedure: 'inspection',
        expectedWorkingDays: 3,
        applicantNoticeRef: '特告〔2026〕1号',
        centerFilingRef: '中心备〔2026〕1号',
      },
    });
    // told: 3 working days, Wed 4 … Fri 6 March
    setNow('2026-03-06T23:00:00+08:00');
    expect((await call(t, chief, 'cases.get', { caseId })).pauseOverrun).toBeNull();
    setNow('2026-03-09T09:00:00+08:00');
    expect((await call(t, chief, 'cases.get', { caseId })).pauseOverrun).toMatchObject({
      procedure: 'inspection',
      expectedWorkingDays: 3,
      announcedEnd: '2026-03-06',
      noticeRef: '特告〔2026〕1号',
    });
    // the decision desk flags it too
    const desk = (await call(t, chief, 'cases.queue', {})) as {
      rows: { id: string; pauseOverrunSince: string | null }[];
    };
    expect(desk.rows.find((r) => r.id === caseId)?.pauseOverrunSince).toBe('2026-03-06');
    // the chief may still end the procedure: resuming is never blocked
    await call(t, chief, 'cases.record', { caseId, type: 'resumed', payload: {} });
    expect((await call(t, chief, 'cases.get', { caseId })).pauseOverrun).toBeNull();
  });
});
