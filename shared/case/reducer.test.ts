import { describe, expect, it } from 'vitest';
import { appealNotice } from './appeal';
import type { CaseEvent } from './events';
import { caseClocks } from './clocks';
import { apply, evaluate } from './reducer';
import { RuleViolation } from './rule-ids';
import { allowedEvents } from './rules';
import { allowedEventsNow } from './timed-rules';
import { initialCaseState, isClosed, openPause, type CaseState, type OpenCase } from './state';
import {
  allMaterialsReceived,
  approval,
  caseScript,
  fixedCalendar,
  pausePayload,
  people,
  receivedPayload,
  twoPersonItem,
  sealOn,
} from './test-fixtures';

const { clerk, reviewer, reviewer2, chief, supervisor, manager } = people;

function open(state: CaseState): OpenCase {
  if (state.status === 'none') throw new Error('expected a received case');
  return state;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function fold(events: CaseEvent[]): OpenCase {
  return open(events.reduce(apply, initialCaseState));
}

describe('an ordinary item from receipt to rating', () => {
  const e = caseScript();
  const events = [
    e('received', receivedPayload(), clerk),
    e(
      'materialsChecked',
      {
        materials: [
          { materialId: 'm1', status: 'received' },
          { materialId: 'm2', status: 'defective', defect: '复印件不清' },
        ],
      },
      clerk,
    ),
    e(
      'noticeIssued',
      {
        items: [{ materialId: 'm2', problem: 'defective', detail: '营业执照复印件不清' }],
        returnBy: '2025-03-10',
      },
      clerk,
    ),
    e('supplementReceived', { materialIds: ['m2'] }, clerk),
    e('accepted', {}, clerk),
    e('paused', pausePayload, clerk),
    e('resumed', {}, clerk),
    e(
      'extended',
      {
        workingDays: 10,
        approver: '局长',
        reason: '专家意见分歧',
        applicantNoticeRef: '延告〔2025〕1号',
      },
      chief,
    ),
    e('decided', approval, chief, { id: 'decision-1' }),
    e('stamped', sealOn('decision-1'), chief),
    e('certificateIssued', { certificateNumber: 'JY-0001', validUntil: '2030-03-02' }, chief),
    e(
      'delivered',
      { method: 'window', recipient: '申请人甲', receiptRef: '送回〔2025〕1号' },
      clerk,
    ),
    e('rated', { score: 1 }, clerk),
  ];

  it('walks through the statuses the law prescribes', () => {
    const statuses = events.reduce<{ state: CaseState; seen: string[] }>(
      ({ state, seen }, event) => {
        const next = apply(state, event);
        return { state: next, seen: [...seen, next.status] };
      },
      { state: initialCaseState, seen: [] },
    ).seen;
    expect(statuses).toEqual([
      'received',
      'received',
      'awaitingSupplement',
      'received',
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'decided',
      'stamped',
      'certificateIssued',
      'delivered',
      'delivered',
    ]);
  });

  it('keeps what every document needs', () => {
    const state = fold(events);
    expect(state.caseNumber).toBe('SCJ-20250303-01-0001');
    expect(state.receivedAt).toBe(events[0]?.occurredAt);
    expect(state.acceptedAt).toBe(events[4]?.occurredAt);
    expect(state.stampedAt).toBe(events[9]?.occurredAt);
    expect(state.materials.map((m) => [m.materialId, m.status])).toEqual([
      ['m1', 'received'],
      ['m2', 'received'],
      ['m3', 'pending'],
    ]);
    expect(state.firstNotice?.map((i) => i.materialId)).toEqual(['m2']);
    expect(state.pauses).toEqual([
      expect.objectContaining({
        procedure: 'expertReview',
        from: events[5]?.occurredAt,
        to: events[6]?.occurredAt,
      }),
    ]);
    expect(state.extension).toMatchObject({ workingDays: 10, approver: '局长', by: chief });
    expect(state.decision).toMatchObject({ by: chief, decision: approval });
    expect(state.stamp).toMatchObject({ by: chief, ...sealOn('decision-1') });
    expect(state.certificate).toMatchObject({
      certificateNumber: 'JY-0001',
      validUntil: '2030-03-02',
    });
    expect(state.rating).toMatchObject({ score: 1, comment: null });
    expect(state.eventCount).toBe(events.length);
    expect(state.lastEventId).toBe(events.at(-1)?.id);
    expect(state.violations).toEqual([]);
    expect(isClosed(state)).toBe(true);
  });

  it('never mutates the state or the event it is given', () => {
    let state: CaseState = deepFreeze(initialCaseState);
    for (const event of events) state = deepFreeze(apply(state, deepFreeze(event)));
    expect(state.status).toBe('delivered');
  });

  it('folds the same from events that went through JSON (the store)', () => {
    const stored = JSON.parse(JSON.stringify(events)) as CaseEvent[];
    expect(JSON.parse(JSON.stringify(fold(stored)))).toStrictEqual(
      JSON.parse(JSON.stringify(fold(events))),
    );
    expect(fold(stored)).toStrictEqual(fold(events));
  });
});

describe('a two-person item: 审 → 核 → 决定', () => {
  it('records who reviewed, who re-checked and who decided', () => {
    const e = caseScript();
    const state = fold([
      e('received', receivedPayload(twoPersonItem), clerk),
      e('materialsChecked', allMaterialsReceived, clerk),
      e('accepted', {}, clerk),
      e('reviewed', { opinion: '符合条件', recommendation: 'approve' }, reviewer),
      e('checked', { opinion: '同意', agree: true }, reviewer2),
      e('decided', approval, chief),
    ]);
    expect(state.reviews.map((r) => [r.kind, r.by.userId])).toEqual([
      ['review', reviewer.userId],
      ['check', reviewer2.userId],
    ]);
    expect(state.decision?.by.userId).toBe(chief.userId);
  });
});

describe('supplements', () => {
  it('stays awaiting supplement until everything the latest notice asked for is back', () => {
    const e = caseScript();
    const received = e('received', receivedPayload(), clerk);
    const notice = e(
      'noticeIssued',
      {
        items: [
          { materialId: 'm1', problem: 'missing', detail: '未提交申请书' },
          { materialId: 'm2', problem: 'missing', detail: '未提交营业执照' },
        ],
      },
      clerk,
    );
    const partly = fold([
      received,
      notice,
      e('supplementReceived', { materialIds: ['m1'] }, clerk),
    ]);
    expect(partly.status).toBe('awaitingSupplement');
    expect(evaluate(partly, e('accepted', {}, clerk))).toMatchObject({
      ok: false,
      rule: 'accept.materialsIncomplete',
    });
    const complete = apply(partly, e('supplementReceived', { materialIds: ['m2'] }, clerk));
    expect(complete.status).toBe('received');
    expect(evaluate(complete, e('accepted', {}, clerk)).ok).toBe(true);
  });
});

describe('a supervisor’s override of the one-time rule', () => {
  it('lets the new item through and records the violation against the notice', () => {
    const e = caseScript();
    const given = [
      e('received', receivedPayload(), clerk),
      e(
        'noticeIssued',
        { items: [{ materialId: 'm1', problem: 'missing', detail: '未提交申请书' }] },
        clerk,
      ),
    ];
    const override = e(
      'noticeIssued',
      {
        items: [{ materialId: 'm3', problem: 'missing', detail: '需补经营场所平面图' }],
        override: { supervisorId: supervisor.userId, reason: '申请人同意补充，监察备案' },
      },
      supervisor,
    );
    const state = fold([...given, override]);
    expect(state.violations).toEqual([{ rule: 'notice.newItems', eventId: override.id }]);
    expect(state.firstNotice?.map((i) => i.materialId)).toEqual(['m1']);
    expect(state.notices).toHaveLength(2);
  });
});

describe('a denial', () => {
  it('keeps facts, reasons, basis and the appeal notice, and ends without a certificate', () => {
    const e = caseScript();
    const deny = {
      outcome: 'deny' as const,
      facts: '经营场所面积不足',
      reasons: '不符合许可条件',
      legalBasis: '《食品经营许可管理办法》第十二条',
      appealNotice: appealNotice(),
    };
    const state = fold([
      e('received', receivedPayload(), clerk),
      e('materialsChecked', allMaterialsReceived, clerk),
      e('accepted', {}, clerk),
      e('decided', deny, chief, { id: 'd1' }),
      e('stamped', sealOn('d1'), chief),
    ]);
    expect(state.decision?.decision).toEqual(deny);
    // a sealed denial can only be delivered, or corrected by a new decision (and, like every
    // open case, told of deadlines a new calendar moved)
    expect(allowedEvents(state, 'chief')).toEqual(['corrected', 'delivered', 'calendarRevised']);
  });
});

describe('a correction of a sealed decision', () => {
  const sealedAndDelivered = (e: ReturnType<typeof caseScript>) => [
    e('received', receivedPayload(), clerk),
    e('materialsChecked', allMaterialsReceived, clerk),
    e('accepted', {}, clerk),
    e('decided', approval, chief, { id: 'd1' }),
    e('stamped', sealOn('d1'), chief, { at: '2025-03-04T10:00:00+08:00' }),
    e('delivered', { method: 'window', recipient: '申请人甲' }, clerk),
  ];

  it('keeps what was delivered on record and gives the new decision its own delivery clock', () => {
    const e = caseScript();
    const corrected = fold([
      ...sealedAndDelivered(e),
      e(
        'corrected',
        {
          reason: '有效期笔误',
          decision: { outcome: 'approve', granted: '准予食品经营许可', validUntil: '2030-03-01' },
        },
        chief,
        { at: '2025-05-06T09:00:00+08:00', id: 'c1' },
      ),
      e('stamped', sealOn('c1'), chief, { at: '2025-05-06T10:00:00+08:00' }),
    ]);
    expect(corrected.superseded).toEqual([
      expect.objectContaining({
        decision: expect.objectContaining({ eventId: 'd1' }),
        delivery: expect.objectContaining({ recipient: '申请人甲' }),
        correctedBy: 'c1',
      }),
    ]);
    // the decision clocks stay stopped at the first seal; delivery counts from the new one
    expect(corrected.stampedAt).toBe('2025-03-04T10:00:00+08:00');
    expect(corrected.deliveredAt).toBeNull();
    const clocks = caseClocks(corrected, fixedCalendar, '2025-05-07T09:00:00+08:00');
    expect(clocks.find((c) => c.kind === 'delivery')).toMatchObject({
      state: 'running',
      startedAt: '2025-05-06T10:00:00+08:00',
      remaining: { overdue: false },
    });
  });

  it('keeps naming the corrected decision when the correction is reconsidered before its seal', () => {
    const e = caseScript();
    const state = fold([
      ...sealedAndDelivered(e),
      e('corrected', { reason: '有效期笔误', decision: approval }, chief, { id: 'c1' }),
      e(
        'decided',
        { outcome: 'approve', granted: '准予食品经营许可', conditions: '限室内经营' },
        chief,
        {
          id: 'c2',
        },
      ),
    ]);
    expect(state.decision).toMatchObject({
      eventId: 'c2',
      correction: { corrects: 'd1', reason: '有效期笔误' },
    });
  });
});

describe('一审一核 after a check that disagreed', () => {
  it('wants a new review before anyone checks again', () => {
    const e = caseScript();
    const state = fold([
      e('received', receivedPayload(twoPersonItem), clerk),
      e('materialsChecked', allMaterialsReceived, clerk),
      e('accepted', {}, clerk),
      e('reviewed', { opinion: '符合条件', recommendation: 'approve' }, reviewer),
      e('checked', { opinion: '现场核查记录不全', agree: false }, chief),
    ]);
    expect(state.status).toBe('underReview');
    expect(evaluate(state, e('checked', { opinion: '同意', agree: true }, chief))).toMatchObject({
      ok: false,
      rule: 'review.checkBeforeReview',
    });
    expect(allowedEvents(state, 'reviewer')).toContain('reviewed');
  });
});

describe('withdrawal', () => {
  it('ends an open special procedure with the application', () => {
    const e = caseScript();
    const state = fold([
      e('received', receivedPayload(), clerk),
      e('materialsChecked', allMaterialsReceived, clerk),
      e('accepted', {}, clerk),
      e('paused', pausePayload, clerk),
      e('withdrawn', { reason: '申请人书面撤回' }, clerk),
    ]);
    expect(openPause(state)).toBeNull();
    expect(state.pauses[0]?.to).toBe(state.withdrawnAt);
    expect(isClosed(state)).toBe(true);
  });
});

describe('allowedEvents, what the UI offers', () => {
  const e = caseScript();
  const received = apply(initialCaseState, e('received', receivedPayload(twoPersonItem), clerk));
  const accepted = [
    e('materialsChecked', allMaterialsReceived, clerk),
    e('accepted', {}, clerk),
  ].reduce(apply, received);

  it('offers only receipt on an empty case, and nothing to a manager', () => {
    expect(allowedEvents(initialCaseState, 'clerk')).toEqual(['received']);
    expect(allowedEvents(initialCaseState, 'reviewer')).toEqual([]);
    for (const state of [initialCaseState, received, accepted])
      expect(allowedEvents(state, 'manager')).toEqual([]);
  });

  it('offers intake acts to a clerk after receipt', () => {
    // the reducer admits a pause of a case the law may have accepted (Art. 32(4));
    // what the UI offers also reads the clocks
    expect(allowedEvents(received, 'clerk')).toEqual([
      'materialsChecked',
      'noticeIssued',
      'materialsAttached',
      'accepted',
      'refused',
      'paused',
      'withdrawn',
      'calendarRevised',
    ]);
    expect(allowedEventsNow(received, 'clerk', null)).toEqual([
      'materialsChecked',
      'noticeIssued',
      'materialsAttached',
      'accepted',
      'refused',
      'withdrawn',
      'calendarRevised',
    ]);
    // accepted by law: no notice or refusal any more; the case may go on to the decision
    expect(allowedEventsNow(received, 'clerk', '2025-03-03')).toEqual([
      'materialsChecked',
      'materialsAttached',
      'accepted',
      'paused',
      'withdrawn',
      'calendarRevised',
    ]);
    expect(allowedEvents(received, 'supervisor')).toEqual([]);
  });

  it('offers a supervisor the override only once a first notice exists', () => {
    const noticed = apply(
      received,
      e('noticeIssued', { items: [{ materialId: 'm1', problem: 'missing', detail: '缺' }] }, clerk),
    );
    expect(allowedEvents(noticed, 'supervisor')).toEqual(['noticeIssued']);
  });

  it('offers review, not decision, on an accepted two-person item', () => {
    expect(allowedEvents(accepted, 'reviewer')).toEqual(['reviewed']);
    expect(allowedEvents(accepted, 'chief')).toEqual([
      'materialsAttached',
      'reviewed',
      'paused',
      'extended',
      'withdrawn',
      'calendarRevised',
    ]);
  });
});

describe('apply', () => {
  it('throws a RuleViolation carrying the rule and a Chinese message', () => {
    const e = caseScript();
    try {
      apply(initialCaseState, e('accepted', {}, manager));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleViolation);
      expect(error).toMatchObject({ rule: 'role.notAllowed' });
      expect((error as RuleViolation).message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
