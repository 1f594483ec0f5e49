import { describe, expect, it } from 'vitest';
import { appealNotice } from './appeal';
import type { CaseEvent } from './events';
import { brokenNoticeRule } from './notice-rules';
import type { ItemSnapshot } from './payloads';
import { apply } from './reducer';
import { initialCaseState, type CaseState } from './state';
import * as fx from './test-fixtures';
import { lastDayOfTerm, licenceValidity } from './validity';

// Issue 14 part B2 — what a notice must carry, rule by rule, on the fixtures' calendar (2025's
// official table). The terminal and the center apply this one function (notice-rules.ts); the
// scenario tests in tests/notices run it through both.

const { clerk, chief } = fx.people;
type Event = ReturnType<typeof fx.caseScript>;

const fold = (events: readonly CaseEvent[]): CaseState => events.reduce(apply, initialCaseState);
const withLaw = (validity: ItemSnapshot['validity']): ItemSnapshot => ({
  ...fx.singleItem,
  statutoryUnit: 'workingDays',
  statutoryBasis: '《中华人民共和国行政许可法》第四十二条第一款',
  publicationPausesStatutory: false,
  ...(validity ? { validity } : {}),
});
const fiveYears = withLaw({ kind: 'years', years: 5, basis: '《食品经营许可和备案管理办法》' });
const permanent = withLaw({ kind: 'permanent', basis: '《促进个体工商户发展条例》' });
const bodies = { reconsiderationBody: '示范区人民政府', court: '示范区人民法院' };

/** Received Monday 2025-03-03 09:00, checked and accepted (sealed) that morning. */
function accepted(e: Event, item: ItemSnapshot = fx.singleItem): CaseEvent[] {
  return [
    e('received', fx.receivedPayload(item), clerk),
    e('materialsChecked', fx.allMaterialsReceived, clerk),
    e('accepted', { intakeSeal: 'printed' }, clerk),
  ];
}

const verdict = (given: readonly CaseEvent[], when: CaseEvent) =>
  brokenNoticeRule(fold(given), when, fx.fixedCalendar)?.rule ?? null;

/** Received, and the check found the business licence (m2) missing. */
function m2Missing(e: Event): CaseEvent[] {
  return [
    e('received', fx.receivedPayload(), clerk),
    e('materialsChecked', { materials: [{ materialId: 'm2', status: 'missing' }] }, clerk),
  ];
}

/** A one-time notice suggesting `returnBy`, issued the afternoon of the fixtures' receipt. */
const notice = (e: Event, returnBy: string) =>
  e(
    'noticeIssued',
    {
      items: [{ materialId: 'm2', problem: 'missing', detail: '未提交' }],
      returnBy,
      intakeSeal: 'printed',
    },
    clerk,
    { at: '2025-03-03T15:00:00+08:00' },
  );

describe('point 4: the licence’s validity follows the item’s law', () => {
  it('a decided validity must be entered, and after the day of the decision', () => {
    const e = fx.caseScript();
    const given = accepted(e);
    const decide = (validUntil?: string) =>
      e(
        'decided',
        { outcome: 'approve', granted: '准予', ...(validUntil ? { validUntil } : {}) },
        chief,
      );
    expect(verdict(given, decide())).toBe('validity.required');
    expect(verdict(given, decide('2025-03-03'))).toBe('validity.notAfterDecision');
    expect(verdict(given, decide('2027-03-03'))).toBe(null);
  });

  it('a fixed term is counted from the seal when blank, and an entered date past it refused', () => {
    const e = fx.caseScript();
    const given = accepted(e, fiveYears);
    const decide = (validUntil?: string) =>
      e(
        'decided',
        { outcome: 'approve', granted: '准予', ...(validUntil ? { validUntil } : {}) },
        chief,
      );
    expect(verdict(given, decide())).toBe(null);
    expect(verdict(given, decide('2030-03-02'))).toBe(null);
    expect(verdict(given, decide('2030-03-03'))).toBe('validity.beyondLaw');
    // sealed days later, the blank is the seal's term: decision and certificate print it alike
    const decided = decide();
    const stamp = e('stamped', fx.sealOn(decided.id), chief, { at: '2025-03-07T10:00:00+08:00' });
    const state = fold([...given, decided, stamp]);
    if (state.status === 'none') throw new Error('folds');
    expect(licenceValidity(state.item, undefined, state.stampedAt)).toEqual({
      kind: 'until',
      date: '2030-03-06',
    });
    const certificate = (validUntil: string) =>
      e('certificateIssued', { certificateNumber: 'C-1', validUntil }, chief);
    expect(verdict([...given, decided, stamp], certificate('2030-03-06'))).toBe(null);
    expect(verdict([...given, decided, stamp], certificate('2030-03-07'))).toBe(
      'validity.certificate',
    );
  });

  it('a permanent licence takes no date, and only it prints 长期', () => {
    const e = fx.caseScript();
    const given = accepted(e, permanent);
    expect(verdict(given, e('decided', { outcome: 'approve', granted: '准予' }, chief))).toBe(null);
    expect(
      verdict(
        given,
        e('decided', { outcome: 'approve', granted: '准予', validUntil: '2030-01-01' }, chief),
      ),
    ).toBe('validity.permanent');
    expect(licenceValidity(permanent, undefined, null)).toEqual({ kind: 'permanent' });
    // a legacy case (validity set by the decision) with a blank stored approval: never 长期
    expect(licenceValidity(fx.singleItem, undefined, '2025-03-07T10:00:00+08:00')).toEqual({
      kind: 'unstated',
    });
  });

  it('counts the term as certificates print it, 29 February included', () => {
    expect(lastDayOfTerm('2026-03-02', 5)).toBe('2031-03-01');
    expect(lastDayOfTerm('2024-02-29', 1)).toBe('2025-02-28');
    expect(lastDayOfTerm('2024-02-29', 4)).toBe('2028-02-28');
    expect(lastDayOfTerm('2025-01-01', 4)).toBe('2028-12-31');
  });

  it('old approvals without a date still fold', () => {
    const e = fx.caseScript();
    const given = accepted(e);
    const decided = e('decided', { outcome: 'approve', granted: '准予' }, chief);
    expect(fold([...given, decided]).status).toBe('decided');
  });
});

describe('point 5: a denial and a refusal name the 复议机关 and the court', () => {
  const denial = (notice: ReturnType<typeof appealNotice>) => ({
    outcome: 'deny' as const,
    facts: '经营场所不符合要求',
    reasons: '不符合食品安全要求',
    legalBasis: '《食品安全法》第三十三条',
    appealNotice: notice,
  });

  it('refuses a new denial whose notice names neither, takes one naming both', () => {
    const e = fx.caseScript();
    const given = accepted(e);
    expect(verdict(given, e('decided', denial(appealNotice('市场监督管理局')), chief))).toBe(
      'appeal.bodies',
    );
    const named = appealNotice('市场监督管理局', bodies);
    expect(named.text).toContain('60日内向示范区人民政府申请行政复议');
    expect(named.text).toContain('6个月内向示范区人民法院提起行政诉讼');
    expect(verdict(given, e('decided', denial(named), chief))).toBe(null);
    // a notice that claims the bodies but whose text does not name them is refused too
    expect(
      verdict(given, e('decided', denial({ ...appealNotice('市场监督管理局'), ...bodies }), chief)),
    ).toBe('appeal.bodies');
  });

  it('refuses a refusal without them; a stored one without them still folds', () => {
    const e = fx.caseScript();
    const given = [e('received', fx.receivedPayload(), clerk)];
    const refusal = {
      ground: 'noLicenceNeeded' as const,
      reasons: '依法无需许可',
      legalBasis: '《行政许可法》第三十二条第一款第（一）项',
      intakeSeal: 'printed' as const,
    };
    const old = e('refused', refusal, clerk);
    expect(verdict(given, old)).toBe('appeal.bodies');
    expect(fold([...given, old]).status).toBe('refused');
    const e2 = fx.caseScript();
    expect(
      verdict(
        [e2('received', fx.receivedPayload(), clerk)],
        e2('refused', { ...refusal, appealNotice: appealNotice('市场监督管理局', bodies) }, clerk),
      ),
    ).toBe(null);
  });
});

describe('point 7: the 受理专用章 is recorded on acceptance, refusal and one-time notice', () => {
  it('refuses each without it, takes it printed or confirmed by hand', () => {
    const e = fx.caseScript();
    const given = [
      e('received', fx.receivedPayload(), clerk),
      e('materialsChecked', fx.allMaterialsReceived, clerk),
    ];
    expect(verdict(given, e('accepted', {}, clerk))).toBe('intakeSeal.missing');
    expect(verdict(given, e('accepted', { intakeSeal: 'byHand' }, clerk))).toBe(null);
    expect(verdict(given, e('accepted', { intakeSeal: 'printed' }, clerk))).toBe(null);
    const items = [{ materialId: 'm2', problem: 'missing' as const, detail: '未提交' }];
    expect(verdict(given, e('noticeIssued', { items }, clerk))).toBe('intakeSeal.missing');
    // an acceptance stored before the seal was recorded still folds
    expect(fold([...given, e('accepted', {}, clerk)]).status).toBe('accepted');
  });
});

describe('一次告知: the notice lists all the check found wrong (Art. 32(4))', () => {
  it('refuses a notice that leaves out a defective or a required missing material', () => {
    const e = fx.caseScript();
    const given = [
      e('received', fx.receivedPayload(), clerk),
      e(
        'materialsChecked',
        {
          materials: [
            { materialId: 'm1', status: 'defective', defect: '未签字' },
            { materialId: 'm2', status: 'missing' },
            // an optional material not brought is nothing to supplement
            { materialId: 'm3', status: 'missing' },
          ],
        },
        clerk,
      ),
    ];
    const found = { m1: 'defective', m2: 'missing', m3: 'missing' } as const;
    const issue = (ids: (keyof typeof found)[]) =>
      e(
        'noticeIssued',
        {
          items: ids.map((materialId) => ({
            materialId,
            problem: found[materialId],
            detail: '补',
          })),
          intakeSeal: 'printed',
        },
        clerk,
      );
    expect(verdict(given, issue(['m2']))).toBe('notice.incomplete');
    expect(brokenNoticeRule(fold(given), issue(['m2']), fx.fixedCalendar)?.message).toMatch(
      /：申请书$/,
    );
    expect(verdict(given, issue(['m1']))).toBe('notice.incomplete');
    expect(verdict(given, issue(['m1', 'm2']))).toBe(null);
  });

  it('refuses a notice asking for what the check found in order, or never checked', () => {
    const e = fx.caseScript();
    const received = e('received', fx.receivedPayload(), clerk);
    const ask = (problem: 'missing' | 'defective') =>
      e(
        'noticeIssued',
        { items: [{ materialId: 'm2', problem, detail: '补' }], intakeSeal: 'printed' },
        clerk,
      );
    // nothing checked yet: the notice has no finding to rest on
    expect(verdict([received], ask('missing'))).toBe('notice.notAsChecked');
    // the check found every material in order: nothing to supplement
    const allIn = e('materialsChecked', fx.allMaterialsReceived, clerk);
    expect(verdict([received, allIn], ask('missing'))).toBe('notice.notAsChecked');
    expect(
      brokenNoticeRule(fold([received, allIn]), ask('missing'), fx.fixedCalendar)?.message,
    ).toMatch(/（未核验的材料须先核验）：营业执照$/);
    // found missing, printed as defective: the notice says what the check found
    const [, missing] = m2Missing(e);
    expect(verdict([received, missing!], ask('defective'))).toBe('notice.notAsChecked');
    expect(verdict([received, missing!], ask('missing'))).toBe(null);
  });
});

describe('point 8: the suggested return date', () => {
  it('is a working day after receipt, not before the notice, within 60 days', () => {
    const e = fx.caseScript();
    const given = m2Missing(e);
    expect(verdict(given, notice(e, '2025-03-04'))).toBe(null);
    // the day of receipt itself, and a day before it
    expect(verdict(given, notice(e, '2025-03-03'))).toBe('returnBy.tooEarly');
    expect(verdict(given, notice(e, '2025-02-28'))).toBe('returnBy.tooEarly');
    // a Saturday, 清明 and 劳动节 (holidays of the official table; 5-2 is the 60th day)
    expect(verdict(given, notice(e, '2025-03-08'))).toBe('returnBy.notWorkingDay');
    expect(verdict(given, notice(e, '2025-04-04'))).toBe('returnBy.notWorkingDay');
    expect(verdict(given, notice(e, '2025-05-02'))).toBe('returnBy.notWorkingDay');
    // a make-up working day on a Sunday counts as a working day
    expect(verdict(given, notice(e, '2025-04-27'))).toBe(null);
    expect(verdict(given, notice(e, '2025-05-03'))).toBe('returnBy.tooFar');
  });

  it('a late notice may not suggest a day before itself', () => {
    const e = fx.caseScript();
    const given = m2Missing(e);
    const late = e(
      'noticeIssued',
      {
        items: [{ materialId: 'm2', problem: 'missing', detail: '未提交' }],
        returnBy: '2025-03-05',
        intakeSeal: 'printed',
      },
      clerk,
      { at: '2025-03-06T09:00:00+08:00' },
    );
    expect(verdict(given, late)).toBe('returnBy.tooEarly');
  });
});

// Issue 16 part Q: dates decades away, as typed (a clerk's 1990 for 2026, a chief's 2926).
describe('dates by meaning: decades away are refused on every path', () => {
  it('a return date in 1990 or in 2999 (beyond the calendar) names its rule', () => {
    const e = fx.caseScript();
    const given = m2Missing(e);
    expect(verdict(given, notice(e, '1990-01-01'))).toBe('returnBy.tooEarly');
    expect(verdict(given, notice(e, '2999-01-04'))).toBe('returnBy.tooFar');
  });

  it('a decided term runs at most 30 years; 1990 is before the decision', () => {
    const e = fx.caseScript();
    const given = accepted(e);
    const approval = (validUntil: string) =>
      ({ outcome: 'approve', granted: '准予', validUntil }) as const;
    const decide = (validUntil: string) => e('decided', approval(validUntil), chief);
    // the fixtures decide on 2025-03-03
    const last = lastDayOfTerm('2025-03-03', 30);
    expect(last).toBe('2055-03-02');
    expect(verdict(given, decide(last))).toBe(null);
    expect(verdict(given, decide('2055-03-03'))).toBe('validity.tooFar');
    expect(verdict(given, decide('2926-03-03'))).toBe('validity.tooFar');
    expect(verdict(given, decide('1990-01-01'))).toBe('validity.notAfterDecision');
    // a fixed term keeps its own rule, whose sentence names the law
    expect(verdict(accepted(e, fiveYears), decide('2926-03-03'))).toBe('validity.beyondLaw');
  });

  it('a correction and a certificate may not carry 1990 either', () => {
    const e = fx.caseScript();
    const given = accepted(e);
    const approval = (validUntil: string) =>
      ({ outcome: 'approve', granted: '准予', validUntil }) as const;
    const decided = e('decided', approval('2027-03-03'), chief);
    const sealed = [...given, decided, e('stamped', fx.sealOn(decided.id), chief)];
    const correct = (validUntil: string) =>
      e('corrected', { reason: '笔误', decision: approval(validUntil) }, chief);
    expect(verdict(sealed, correct('1990-01-01'))).toBe('validity.notAfterDecision');
    expect(verdict(sealed, correct('2926-03-03'))).toBe('validity.tooFar');
    const certificate = (validUntil: string) =>
      e('certificateIssued', { certificateNumber: 'C-1', validUntil }, chief);
    expect(verdict(sealed, certificate('1990-01-01'))).toBe('validity.certificate');
    expect(verdict(sealed, certificate('2027-03-03'))).toBe(null);
  });
});
