import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './events';
import { apply } from './reducer';
import {
  deemedAcceptanceRuleMessages,
  ruleMessages,
  timedRuleMessages,
  type RuleId,
} from './rule-ids';
import { initialCaseState, type OpenCase } from './state';
import {
  allMaterialsReceived,
  approval,
  caseScript,
  fixedCalendar,
  pausePayload,
  people,
  receivedPayload,
  sealOn,
} from './test-fixtures';
import { brokenTimedRule, pauseOverrun } from './timed-rules';

const { clerk, chief } = people;

type Event = ReturnType<typeof caseScript>;

// Received Monday 2025-03-03 09:00. Completeness: 5 working days, Tue 4 … Mon 10 March, ends
// 2025-03-10 24:00. Accepted the same morning, the statutory 20 working days end 2025-03-31 24:00.
const received = (e: Event) => e('received', receivedPayload(), clerk);
const acceptedOn3March = (e: Event): CaseEvent[] => [
  received(e),
  e('materialsChecked', allMaterialsReceived, clerk),
  e('accepted', {}, clerk),
];

const notice = { items: [{ materialId: 'm2', problem: 'missing' as const, detail: '未提交' }] };
const refusal = {
  ground: 'notThisAgency' as const,
  reasons: '不属于本机关职权',
  legalBasis: '《行政许可法》第三十二条第一款第（二）项',
  rightAgency: '区卫生健康委',
};
const extension = {
  workingDays: 10,
  approver: '局长 王某',
  reason: '需现场核查',
  applicantNoticeRef: '延告〔2025〕1号',
};

type Scenario = {
  name: string;
  rule: RuleId;
  build: (e: Event) => { given: CaseEvent[]; when: CaseEvent };
};

const scenarios: Scenario[] = [
  {
    name: 'a one-time notice on the 6th working day after receipt (Art. 32(4))',
    rule: 'intake.deemedAccepted',
    build: (e) => ({
      given: [received(e)],
      when: e('noticeIssued', notice, clerk, { at: '2025-03-11T09:00:00+08:00' }),
    }),
  },
  {
    name: 'a refusal at intake after the 5 working days ran out in silence',
    rule: 'intake.deemedAccepted',
    build: (e) => ({
      given: [received(e)],
      when: e('refused', refusal, clerk, { at: '2025-03-11T00:00:00+08:00' }),
    }),
  },
  {
    name: 'an extension the day after the statutory limit ended (Art. 42)',
    rule: 'extension.afterExpiry',
    build: (e) => ({
      given: acceptedOn3March(e),
      when: e('extended', extension, chief, { at: '2025-04-01T09:00:00+08:00' }),
    }),
  },
  {
    name: 'a decision on the 5th working day of a case nobody accepted (issue 16 part P)',
    rule: 'intake.notYetAccepted',
    build: (e) => ({
      given: [received(e)],
      when: e('decided', approval, chief, { at: '2025-03-10T17:00:00+08:00' }),
    }),
  },
  {
    name: 'an acceptance notice "deemed" on the 5th working day, before the law accepted it',
    rule: 'intake.notDeemed',
    build: (e) => ({
      given: [received(e)],
      when: e('accepted', { deemed: true }, clerk, { at: '2025-03-10T17:00:00+08:00' }),
    }),
  },
  {
    name: 'a refusal on the catch-all ground that names no ground of Art. 32',
    rule: 'refusal.ground',
    build: (e) => ({
      given: [received(e)],
      when: e('refused', { ...refusal, ground: 'other', rightAgency: undefined }, clerk),
    }),
  },
];

const stateOf = (events: readonly CaseEvent[]) => events.reduce(apply, initialCaseState);

describe('each timed rule refuses what it names, measured at the event’s time', () => {
  it.each(scenarios)('$rule: $name', ({ rule, build }) => {
    const { given, when } = build(caseScript());
    const result = brokenTimedRule(stateOf(given), when, fixedCalendar);
    expect(result).toMatchObject({ ok: false, rule });
    expect(result?.message.startsWith(ruleMessages[rule])).toBe(true);
    // the reducer alone still admits it: a stored log holding such an event keeps folding
    expect(() => apply(stateOf(given), when)).not.toThrow();
  });

  it('has a scenario for every timed rule id', () => {
    const covered = new Set(scenarios.map((s) => s.rule));
    const ids = [...Object.keys(timedRuleMessages), ...Object.keys(deemedAcceptanceRuleMessages)];
    expect(ids.filter((id) => !covered.has(id as RuleId))).toEqual([]);
  });

  it('names the day the case counts as accepted and the day the limit ended', () => {
    const [late, , extended] = scenarios.map((s) => s.build(caseScript()));
    expect(brokenTimedRule(stateOf(late!.given), late!.when, fixedCalendar)?.message).toContain(
      '视为于 2025-03-03 受理',
    );
    expect(
      brokenTimedRule(stateOf(extended!.given), extended!.when, fixedCalendar)?.message,
    ).toContain('2025-03-31 届满');
  });
});

describe('the near misses pass', () => {
  it('a notice or refusal in the last minutes of the 5th working day', () => {
    const e = caseScript();
    const state = stateOf([received(e)]);
    const at = '2025-03-10T23:59:00+08:00';
    expect(brokenTimedRule(state, e('noticeIssued', notice, clerk, { at }), fixedCalendar)).toBe(
      null,
    );
    expect(brokenTimedRule(state, e('refused', refusal, clerk, { at }), fixedCalendar)).toBe(null);
  });

  it('a review, pause, referral or decision on the 6th working day: the law accepted the case', () => {
    const e = caseScript();
    const state = stateOf([received(e)]);
    const at = '2025-03-11T00:00:00+08:00';
    for (const [type, payload] of [
      ['reviewed', { opinion: '符合条件', recommendation: 'approve' }],
      ['paused', pausePayload],
      ['extended', extension],
      ['decided', approval],
    ] as const) {
      expect(brokenTimedRule(state, e(type, payload, chief, { at }), fixedCalendar)).toBe(null);
    }
  });

  it('a refusal long after a notice kept in time: the completeness clock stopped on time', () => {
    const e = caseScript();
    const state = stateOf([
      received(e),
      e('noticeIssued', notice, clerk, { at: '2025-03-05T10:00:00+08:00' }),
    ]);
    const late = e('refused', refusal, clerk, { at: '2025-04-15T10:00:00+08:00' });
    expect(brokenTimedRule(state, late, fixedCalendar)).toBe(null);
  });

  it('an extension on the last day of the limit; the pause days move the limit', () => {
    const e = caseScript();
    const onLastDay = e('extended', extension, chief, { at: '2025-03-31T20:00:00+08:00' });
    expect(brokenTimedRule(stateOf(acceptedOn3March(e)), onLastDay, fixedCalendar)).toBe(null);
    // a pause of 4 working days (4–7 March, resumed Friday) moves the end past Qingming (4–6
    // April) to Monday 7 April
    const f = caseScript();
    const paused = stateOf([
      ...acceptedOn3March(f),
      f('paused', pausePayload, chief, { at: '2025-03-03T15:00:00+08:00' }),
      f('resumed', {}, chief, { at: '2025-03-07T09:00:00+08:00' }),
    ]);
    const april7 = f('extended', extension, chief, { at: '2025-04-07T20:00:00+08:00' });
    expect(brokenTimedRule(paused, april7, fixedCalendar)).toBe(null);
    const april8 = f('extended', extension, chief, { at: '2025-04-08T09:00:00+08:00' });
    expect(brokenTimedRule(paused, april8, fixedCalendar)?.rule).toBe('extension.afterExpiry');
  });

  it('leaves an event the reducer refuses to the reducer’s own rule', () => {
    const e = caseScript();
    const sealedLate = stateOf([
      ...acceptedOn3March(e),
      e('decided', approval, chief, { id: 'd1', at: '2025-04-10T09:00:00+08:00' }),
      e('stamped', sealOn('d1'), chief),
    ]);
    // extension.timing, not extension.afterExpiry: the reducer names what the window can act on
    const after = e('extended', extension, chief, { at: '2025-04-11T09:00:00+08:00' });
    expect(brokenTimedRule(sealedLate, after, fixedCalendar)).toBe(null);
    expect(() => apply(sealedLate, after)).toThrowError(
      expect.objectContaining({ rule: 'extension.timing' }),
    );
  });
});

describe('a special procedure that outruns its notice (Art. 45)', () => {
  // paused Tuesday 4 March for 5 working days: Wed 5 … Tue 11 March
  const e = caseScript();
  const paused = stateOf([
    ...acceptedOn3March(e),
    e('paused', pausePayload, chief, { id: 'p1', at: '2025-03-04T10:00:00+08:00' }),
  ]) as OpenCase;

  it('is not overrun until the end of the announced last working day', () => {
    expect(pauseOverrun(paused, fixedCalendar, '2025-03-11T23:59:59+08:00')).toBe(null);
    expect(pauseOverrun(paused, fixedCalendar, '2025-03-12T00:00:00+08:00')).toEqual({
      eventId: 'p1',
      procedure: 'expertReview',
      since: '2025-03-04T10:00:00+08:00',
      expectedWorkingDays: 5,
      announcedEnd: '2025-03-11',
      noticeRef: pausePayload.applicantNoticeRef,
    });
  });

  it('is over once the clock resumes', () => {
    const resumed = apply(
      paused,
      e('resumed', {}, chief, { at: '2025-03-20T09:00:00+08:00' }),
    ) as OpenCase;
    expect(pauseOverrun(resumed, fixedCalendar, '2025-03-25T09:00:00+08:00')).toBe(null);
  });
});
