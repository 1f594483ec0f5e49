import { describe, expect, it } from 'vitest';
import type { Power } from '../catalog/powers';
import { appealNotice } from './appeal';
import type { CaseEvent } from './events';
import type { ItemSnapshot } from './payloads';
import { apply, evaluate } from './reducer';
import { caseRuleMessages, ruleMessages, type RuleId } from './rule-ids';
import { initialCaseState } from './state';
import {
  allMaterialsReceived,
  approval,
  caseScript,
  jointItem,
  pausePayload,
  people,
  receivedPayload,
  singleItem,
  twoPersonItem,
  sealOn,
} from './test-fixtures';

const { clerk, reviewer, reviewer2, chief, chief2, supervisor, manager } = people;

type Event = ReturnType<typeof caseScript>;

const noApproval: Power[] = ['accept', 'deliver', 'certify'];
const referral = { department: '区市场监督管理局', holder: '行政审批科 王科长' };

/** received → all required materials in → accepted, for `item`, at a window holding `powers`. */
function accepted(e: Event, item: ItemSnapshot = singleItem, powers?: Power[]): CaseEvent[] {
  return [
    e('received', { ...receivedPayload(item), ...(powers ? { powers } : {}) }, clerk),
    e('materialsChecked', allMaterialsReceived, clerk),
    e('accepted', {}, clerk),
  ];
}

/** accepted → approved → sealed, at a window holding `powers`. */
function sealed(e: Event, powers?: Power[]): CaseEvent[] {
  return [
    ...accepted(e, singleItem, powers),
    e('decided', approval, chief, { id: 'd1' }),
    e('stamped', sealOn('d1'), chief),
  ];
}

function denial(overrides: Partial<Extract<CaseEvent, { type: 'decided' }>['payload']> = {}) {
  return {
    outcome: 'deny',
    facts: '申请人经营场所不符合卫生要求',
    reasons: '不符合法定条件',
    legalBasis: '《食品安全法》第三十五条',
    appealNotice: appealNotice('区市场监督管理局'),
    ...overrides,
  } as Extract<CaseEvent, { type: 'decided' }>['payload'];
}

/** A page as the camera stored it: `seed` stands for its bytes. */
function scan(seed: string) {
  return {
    sha256: seed.repeat(64).slice(0, 64),
    mediaType: 'image/jpeg',
    bytes: 180_000,
    source: 'camera',
  } as const;
}

/** One page scanned for `scannedFor`; then a notice on m1 points at page `page` of that scan. */
function pointedNotice(e: Event, o: { scannedFor: string; page: number }) {
  return {
    given: [
      e('received', receivedPayload(), clerk),
      e(
        'materialsAttached',
        { materials: [{ materialId: o.scannedFor, files: [scan('a')] }] },
        clerk,
      ),
    ],
    when: e(
      'noticeIssued',
      {
        items: [
          {
            materialId: 'm1',
            problem: 'defective',
            detail: '签名处空白',
            page: { sha256: scan('a').sha256, page: o.page },
          },
        ],
      },
      clerk,
    ),
  };
}

type Scenario = {
  name: string;
  rule: RuleId;
  build: (e: Event) => { given: CaseEvent[]; when: CaseEvent };
};

const scenarios: Scenario[] = [
  {
    name: 'the first event of a case is not a receipt',
    rule: 'case.firstMustBeReceived',
    build: (e) => ({ given: [], when: e('accepted', {}, clerk) }),
  },
  {
    name: 'a case is received twice',
    rule: 'case.alreadyReceived',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk)],
      when: e('received', receivedPayload(), clerk),
    }),
  },
  {
    name: 'an event of another case',
    rule: 'case.otherCase',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk)],
      when: e('materialsChecked', allMaterialsReceived, clerk, { caseId: 'case-2' }),
    }),
  },
  {
    name: 'a time without offset',
    rule: 'case.timeInvalid',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk)],
      when: e('materialsChecked', allMaterialsReceived, clerk, { at: '2025-03-03T10:00:00' }),
    }),
  },
  {
    name: 'a time before the previous event (08:59 Shanghai written in UTC)',
    rule: 'case.timeBackwards',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk, { at: '2025-03-03T09:00:00+08:00' })],
      when: e('materialsChecked', allMaterialsReceived, clerk, { at: '2025-03-03T00:59:00Z' }),
    }),
  },
  {
    name: 'anything after a refusal',
    rule: 'case.closed',
    build: (e) => ({
      given: [
        e('received', receivedPayload(), clerk),
        e(
          'refused',
          {
            ground: 'noLicenceNeeded',
            reasons: '无需许可',
            legalBasis: '《行政许可法》第三十二条第一款第一项',
          },
          clerk,
        ),
      ],
      when: e('withdrawn', { reason: '申请人撤回' }, clerk),
    }),
  },
  {
    name: 'a clerk stamps',
    rule: 'role.notAllowed',
    build: (e) => ({
      given: [...accepted(e), e('decided', approval, chief, { id: 'd1' })],
      when: e('stamped', sealOn('d1'), clerk),
    }),
  },
  {
    name: 'a supplement without any notice',
    rule: 'status.notAllowed',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk)],
      when: e('supplementReceived', { materialIds: ['m1'] }, clerk),
    }),
  },
  {
    name: 'a material the item does not list (Art. 31)',
    rule: 'material.unknown',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk)],
      when: e(
        'noticeIssued',
        { items: [{ materialId: 'm9', problem: 'missing', detail: '户口本' }] },
        clerk,
      ),
    }),
  },
  {
    name: 'a notice points at a page of another material (issue 18)',
    rule: 'notice.pageNotAttached',
    build: (e) => pointedNotice(e, { scannedFor: 'm2', page: 1 }),
  },
  {
    name: 'a notice points at the second page of a one-page scan',
    rule: 'notice.pageNotAttached',
    build: (e) => pointedNotice(e, { scannedFor: 'm1', page: 2 }),
  },
  {
    name: 'scans attached to a material the item does not list',
    rule: 'material.unknown',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk)],
      when: e(
        'materialsAttached',
        { materials: [{ materialId: 'm9', files: [scan('a')] }] },
        clerk,
      ),
    }),
  },
  {
    name: 'a reviewer attaches scans',
    rule: 'role.notAllowed',
    build: (e) => ({
      given: accepted(e),
      when: e(
        'materialsAttached',
        { materials: [{ materialId: 'm1', files: [scan('a')] }] },
        reviewer,
      ),
    }),
  },
  {
    name: 'a second one-time notice asks for something new',
    rule: 'notice.newItems',
    build: (e) => ({
      given: [
        e('received', receivedPayload(), clerk),
        e(
          'noticeIssued',
          { items: [{ materialId: 'm1', problem: 'missing', detail: '未提交申请书' }] },
          clerk,
        ),
        e('supplementReceived', { materialIds: ['m1'] }, clerk),
      ],
      when: e(
        'noticeIssued',
        { items: [{ materialId: 'm2', problem: 'defective', detail: '执照已过期' }] },
        clerk,
      ),
    }),
  },
  {
    name: 'a clerk writes a supervision override',
    rule: 'notice.overrideNotSupervisor',
    build: (e) => ({
      given: [
        e('received', receivedPayload(), clerk),
        e(
          'noticeIssued',
          { items: [{ materialId: 'm1', problem: 'missing', detail: '未提交申请书' }] },
          clerk,
        ),
      ],
      when: e(
        'noticeIssued',
        {
          items: [{ materialId: 'm2', problem: 'missing', detail: '未提交营业执照' }],
          override: { supervisorId: supervisor.userId, reason: '监察同意' },
        },
        clerk,
      ),
    }),
  },
  {
    name: 'a supervisor issues a first notice',
    rule: 'notice.supervisorOverrideOnly',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk)],
      when: e(
        'noticeIssued',
        {
          items: [{ materialId: 'm1', problem: 'missing', detail: '未提交申请书' }],
          override: { supervisorId: supervisor.userId, reason: '代为告知' },
        },
        supervisor,
      ),
    }),
  },
  {
    name: 'acceptance while a required material is missing',
    rule: 'accept.materialsIncomplete',
    build: (e) => ({
      given: [
        e('received', receivedPayload(), clerk),
        e(
          'materialsChecked',
          {
            materials: [
              { materialId: 'm1', status: 'received' },
              { materialId: 'm2', status: 'missing' },
            ],
          },
          clerk,
        ),
      ],
      when: e('accepted', {}, clerk),
    }),
  },
  {
    name: 'a refusal with blank reasons',
    rule: 'refusal.reasonsAndBasis',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk)],
      when: e(
        'refused',
        { ground: 'other', reasons: '  ', legalBasis: '《行政许可法》第三十二条' },
        clerk,
      ),
    }),
  },
  {
    name: 'a refusal as not this agency without naming the right one',
    rule: 'refusal.rightAgency',
    build: (e) => ({
      given: [e('received', receivedPayload(), clerk)],
      when: e(
        'refused',
        {
          ground: 'notThisAgency',
          reasons: '不属本机关职权',
          legalBasis: '《行政许可法》第三十二条第一款第二项',
        },
        clerk,
      ),
    }),
  },
  {
    name: 'a denial without facts',
    rule: 'decision.denialReasonsAndBasis',
    build: (e) => ({ given: accepted(e), when: e('decided', denial({ facts: '' }), chief) }),
  },
  {
    name: 'a denial that does not mention litigation',
    rule: 'decision.appealNotice',
    build: (e) => ({
      given: accepted(e),
      when: e(
        'decided',
        denial({
          appealNotice: { reconsiderationDays: 60, litigationMonths: 6, text: '可申请行政复议。' },
        }),
        chief,
      ),
    }),
  },
  {
    name: 'a decision during a special procedure',
    rule: 'decision.whilePaused',
    build: (e) => ({
      given: [...accepted(e), e('paused', pausePayload, clerk)],
      when: e('decided', approval, chief),
    }),
  },
  {
    name: 'a new decision after the stamp',
    rule: 'decision.final',
    build: (e) => ({
      given: [
        ...accepted(e),
        e('decided', approval, chief, { id: 'd1' }),
        e('stamped', sealOn('d1'), chief),
      ],
      when: e('decided', denial(), chief),
    }),
  },
  {
    name: 'a pause not filed with the center',
    rule: 'pause.noticeAndFiling',
    build: (e) => ({
      given: accepted(e),
      when: e('paused', { ...pausePayload, centerFilingRef: ' ' }, clerk),
    }),
  },
  {
    name: 'a pause inside a pause',
    rule: 'pause.alreadyPaused',
    build: (e) => ({
      given: [...accepted(e), e('paused', pausePayload, clerk)],
      when: e('paused', pausePayload, clerk),
    }),
  },
  {
    // a case with no notice may be paused once the law accepted it (timed-rules.ts); one that
    // waits for its supplement has not been accepted in any way
    name: 'a pause while the case waits for its supplement',
    rule: 'pause.timing',
    build: (e) => ({
      given: [
        e('received', receivedPayload(), clerk),
        e(
          'noticeIssued',
          { items: [{ materialId: 'm1', problem: 'missing', detail: '未提交' }] },
          clerk,
        ),
      ],
      when: e('paused', pausePayload, clerk),
    }),
  },
  {
    name: 'a resume without a pause',
    rule: 'resume.notPaused',
    build: (e) => ({ given: accepted(e), when: e('resumed', {}, clerk) }),
  },
  {
    name: 'a second extension',
    rule: 'extension.once',
    build: (e) => {
      const ext = {
        workingDays: 5,
        approver: '局长',
        reason: '需现场核查',
        applicantNoticeRef: '延告〔2025〕1号',
      };
      return {
        given: [...accepted(e), e('extended', ext, chief)],
        when: e('extended', ext, chief),
      };
    },
  },
  {
    name: 'an extension without the approver',
    rule: 'extension.approverAndReason',
    build: (e) => ({
      given: accepted(e),
      when: e(
        'extended',
        {
          workingDays: 5,
          approver: '',
          reason: '需现场核查',
          applicantNoticeRef: '延告〔2025〕1号',
        },
        chief,
      ),
    }),
  },
  {
    name: 'an extension of 11 working days on an ordinary item',
    rule: 'extension.beyondLimit',
    build: (e) => ({
      given: accepted(e),
      when: e(
        'extended',
        {
          workingDays: 11,
          approver: '局长',
          reason: '需现场核查',
          applicantNoticeRef: '延告〔2025〕1号',
        },
        chief,
      ),
    }),
  },
  {
    name: 'an extension after the decision',
    rule: 'extension.timing',
    build: (e) => ({
      given: [...accepted(e), e('decided', approval, chief)],
      when: e(
        'extended',
        {
          workingDays: 5,
          approver: '局长',
          reason: '需现场核查',
          applicantNoticeRef: '延告〔2025〕1号',
        },
        chief,
      ),
    }),
  },
  {
    name: 'a two-person item decided without review',
    rule: 'review.missing',
    build: (e) => ({ given: accepted(e, twoPersonItem), when: e('decided', approval, chief) }),
  },
  {
    name: 'a two-person item decided after review but before the re-check',
    rule: 'review.checkMissing',
    build: (e) => ({
      given: [
        ...accepted(e, twoPersonItem),
        e('reviewed', { opinion: '符合条件', recommendation: 'approve' }, reviewer),
      ],
      when: e('decided', approval, chief),
    }),
  },
  {
    name: 'a re-check of an ordinary item',
    rule: 'review.checkNotRequired',
    build: (e) => ({
      given: [
        ...accepted(e),
        e('reviewed', { opinion: '符合条件', recommendation: 'approve' }, reviewer),
      ],
      when: e('checked', { opinion: '同意', agree: true }, reviewer2),
    }),
  },
  {
    name: 'a re-check before any review',
    rule: 'review.checkBeforeReview',
    build: (e) => ({
      given: accepted(e, twoPersonItem),
      when: e('checked', { opinion: '同意', agree: true }, reviewer2),
    }),
  },
  {
    name: 'the reviewer re-checks their own review',
    rule: 'review.checkerIsReviewer',
    build: (e) => ({
      given: [
        ...accepted(e, twoPersonItem),
        e('reviewed', { opinion: '符合条件', recommendation: 'approve' }, reviewer),
      ],
      when: e('checked', { opinion: '同意', agree: true }, reviewer),
    }),
  },
  {
    name: 'the reviewing chief decides',
    rule: 'review.reviewerDecides',
    build: (e) => ({
      given: [
        ...accepted(e, twoPersonItem),
        e('reviewed', { opinion: '符合条件', recommendation: 'approve' }, chief),
        e('checked', { opinion: '同意', agree: true }, reviewer2),
      ],
      when: e('decided', approval, chief),
    }),
  },
  {
    name: 'a stamp before any decision',
    rule: 'stamp.beforeDecision',
    build: (e) => ({
      given: accepted(e),
      when: e('stamped', sealOn('d1'), chief),
    }),
  },
  {
    name: 'a certificate for a denial',
    rule: 'certificate.notApproved',
    build: (e) => ({
      given: [
        ...accepted(e),
        e('decided', denial(), chief, { id: 'd1' }),
        e('stamped', sealOn('d1'), chief),
      ],
      when: e('certificateIssued', { certificateNumber: 'JY-0001' }, chief),
    }),
  },
  {
    name: 'a seal on a decision the chief has since replaced',
    rule: 'stamp.notCurrentDecision',
    build: (e) => ({
      given: [
        ...accepted(e),
        e('decided', denial(), chief, { id: 'd1' }),
        e('decided', approval, chief, { id: 'd2' }),
      ],
      when: e('stamped', sealOn('d1'), chief),
    }),
  },
  {
    name: 'a correction without a reason',
    rule: 'correction.reason',
    build: (e) => ({
      given: [...sealed(e)],
      when: e('corrected', { reason: ' ', decision: approval }, chief),
    }),
  },
  {
    name: 'a receipt at a window without 受理',
    rule: 'power.accept',
    build: (e) => ({
      given: [],
      when: e('received', { ...receivedPayload(), powers: ['deliver'] }, clerk),
    }),
  },
  {
    name: 'a decision at a window without 审批, not sent to the department',
    rule: 'power.approve',
    build: (e) => ({
      given: accepted(e, singleItem, noApproval),
      when: e('decided', approval, chief),
    }),
  },
  {
    name: 'a certificate at a window without 制证',
    rule: 'power.certify',
    build: (e) => ({
      given: sealed(e, ['accept', 'approve', 'deliver']),
      when: e('certificateIssued', { certificateNumber: 'JY-0001' }, chief),
    }),
  },
  {
    name: 'a delivery at a window without 办结送达',
    rule: 'power.deliver',
    build: (e) => ({
      given: sealed(e, ['accept', 'approve', 'certify']),
      when: e('delivered', { method: 'window', recipient: '申请人甲' }, clerk),
    }),
  },
  {
    name: 'an approval delivered before the certificate the window makes',
    rule: 'delivery.certificateFirst',
    build: (e) => ({
      given: [
        ...accepted(e, { ...singleItem, certificate: '食品经营许可证' }),
        e('decided', approval, chief, { id: 'd1' }),
        e('stamped', sealOn('d1'), chief),
      ],
      when: e('delivered', { method: 'window', recipient: '申请人甲' }, clerk),
    }),
  },
  {
    name: 'a referral by a window that holds 审批',
    rule: 'referral.notNeeded',
    build: (e) => ({ given: accepted(e), when: e('referred', referral, clerk) }),
  },
  {
    name: "the department's decision recorded without its document number",
    rule: 'referral.departmentRef',
    build: (e) => ({
      given: [...accepted(e, singleItem, noApproval), e('referred', referral, clerk)],
      when: e('decided', approval, chief),
    }),
  },
  {
    name: 'a posted decision without the address and the registered-mail number',
    rule: 'delivery.addressAndReceipt',
    build: (e) => ({
      given: sealed(e),
      when: e('delivered', { method: 'post', recipient: '申请人甲', address: ' ' }, clerk),
    }),
  },
  {
    name: 'a second rating while the bad one waits for its rectification',
    rule: 'rectification.pending',
    build: (e) => ({
      given: [
        ...sealed(e),
        e('delivered', { method: 'window', recipient: '申请人甲' }, clerk),
        e('rated', { score: 4 }, clerk),
      ],
      when: e('rated', { score: 1 }, clerk),
    }),
  },
  {
    name: 'a rectification of a good rating',
    rule: 'rectification.notNeeded',
    build: (e) => ({
      given: [
        ...sealed(e),
        e('delivered', { method: 'window', recipient: '申请人甲' }, clerk),
        e('rated', { score: 2 }, clerk),
      ],
      when: e('rectified', { measures: '回访' }, chief),
    }),
  },
  {
    name: 'a rectification that says nothing',
    rule: 'rectification.measures',
    build: (e) => ({
      given: [
        ...sealed(e),
        e('delivered', { method: 'window', recipient: '申请人甲' }, clerk),
        e('rated', { score: 5 }, clerk),
      ],
      when: e('rectified', { measures: '  ' }, chief),
    }),
  },
];

describe('each rule rejects what it names', () => {
  it.each(scenarios)('$rule: $name', ({ rule, build }) => {
    const { given, when } = build(caseScript());
    const state = given.reduce(apply, initialCaseState);
    const result = evaluate(state, when);
    expect(result).toMatchObject({ ok: false, rule });
    if (!result.ok) expect(result.message.startsWith(ruleMessages[rule])).toBe(true);
    expect(() => apply(state, when)).toThrowError(
      expect.objectContaining({ name: 'RuleViolation', rule }),
    );
  });

  it('has a scenario for every rule id', () => {
    const covered = new Set(scenarios.map((s) => s.rule));
    expect(Object.keys(caseRuleMessages).filter((id) => !covered.has(id as RuleId))).toEqual([]);
  });
});

describe('messages a clerk can act on', () => {
  it('names the new material and the acting role in Chinese', () => {
    const scenario = scenarios.find((s) => s.rule === 'notice.newItems');
    const { given, when } = scenario!.build(caseScript());
    const result = evaluate(given.reduce(apply, initialCaseState), when);
    expect(!result.ok && result.message).toContain('营业执照');
    const e = caseScript();
    const byManager = evaluate(initialCaseState, e('received', receivedPayload(), manager));
    expect(!byManager.ok && byManager.message).toContain('中心管理人员不能办理“收件”');
  });
});

describe('the near misses pass', () => {
  const passes = (events: CaseEvent[]) =>
    expect(() => events.reduce(apply, initialCaseState)).not.toThrow();

  it('compares times as instants, not as text: 01:30Z is after 09:00+08:00', () => {
    const e = caseScript();
    passes([
      e('received', receivedPayload(), clerk, { at: '2025-03-03T09:00:00+08:00' }),
      e('materialsChecked', allMaterialsReceived, clerk, { at: '2025-03-03T01:30:00Z' }),
    ]);
  });

  it('accepts with a required material waived under a named 容缺 rule, not under a blank one', () => {
    const e = caseScript();
    const given = [
      e('received', receivedPayload(), clerk),
      e(
        'materialsChecked',
        {
          materials: [
            { materialId: 'm1', status: 'received' },
            { materialId: 'm2', status: 'missing' },
          ],
        },
        clerk,
      ),
    ].reduce(apply, initialCaseState);
    const blank = evaluate(
      given,
      e('accepted', { waivedMaterials: [{ materialId: 'm2', rule: ' ' }] }, clerk),
    );
    expect(blank).toMatchObject({ ok: false, rule: 'accept.materialsIncomplete' });
    const waived = evaluate(
      given,
      e('accepted', { waivedMaterials: [{ materialId: 'm2', rule: '容缺〔2025〕3号' }] }, clerk),
    );
    expect(waived.ok).toBe(true);
  });

  it('waives only a material checked and found missing, never one nobody has looked at', () => {
    const e = caseScript();
    // m2 was never checked (status pending): naming a 容缺 rule for it does not make it waivable
    const unchecked = [e('received', receivedPayload(), clerk)].reduce(apply, initialCaseState);
    const verdict = evaluate(
      unchecked,
      e(
        'accepted',
        {
          waivedMaterials: [
            { materialId: 'm1', rule: '容缺〔2025〕3号' },
            { materialId: 'm2', rule: '容缺〔2025〕3号' },
          ],
        },
        clerk,
      ),
    );
    expect(verdict).toMatchObject({ ok: false, rule: 'accept.materialsIncomplete' });
  });

  it('ignores a missing optional material at acceptance', () => {
    const e = caseScript();
    passes([
      e('received', receivedPayload(), clerk),
      e('materialsChecked', allMaterialsReceived, clerk),
      e('accepted', {}, clerk),
    ]);
  });

  it('lets a joint item be extended by 15 working days but not 16', () => {
    const e = caseScript();
    const state = accepted(e, jointItem).reduce(apply, initialCaseState);
    const ext = (workingDays: number) =>
      e(
        'extended',
        {
          workingDays,
          approver: '局长',
          reason: '联合审查',
          applicantNoticeRef: '延告〔2025〕2号',
        },
        chief,
      );
    expect(evaluate(state, ext(15)).ok).toBe(true);
    expect(evaluate(state, ext(16))).toMatchObject({ ok: false, rule: 'extension.beyondLimit' });
    expect(evaluate(state, ext(0))).toMatchObject({ ok: false, rule: 'extension.beyondLimit' });
  });

  it('lets a later notice repeat items of the first one', () => {
    const e = caseScript();
    passes([
      e('received', receivedPayload(), clerk),
      e(
        'noticeIssued',
        {
          items: [
            { materialId: 'm1', problem: 'missing', detail: '未提交申请书' },
            { materialId: 'm2', problem: 'defective', detail: '复印件不清' },
          ],
        },
        clerk,
      ),
      e('supplementReceived', { materialIds: ['m1', 'm2'] }, clerk),
      e(
        'noticeIssued',
        { items: [{ materialId: 'm2', problem: 'defective', detail: '复印件仍不清' }] },
        clerk,
      ),
    ]);
  });

  it('requires the override to carry the acting supervisor’s own id', () => {
    const e = caseScript();
    const state = [
      e('received', receivedPayload(), clerk),
      e(
        'noticeIssued',
        { items: [{ materialId: 'm1', problem: 'missing', detail: '未提交申请书' }] },
        clerk,
      ),
    ].reduce(apply, initialCaseState);
    const items = [{ materialId: 'm2', problem: 'missing' as const, detail: '未提交营业执照' }];
    expect(
      evaluate(
        state,
        e(
          'noticeIssued',
          { items, override: { supervisorId: 'someone-else', reason: '同意' } },
          supervisor,
        ),
      ),
    ).toMatchObject({
      ok: false,
      rule: 'notice.overrideNotSupervisor',
    });
    expect(evaluate(state, e('noticeIssued', { items }, supervisor))).toMatchObject({
      ok: false,
      rule: 'notice.supervisorOverrideOnly',
    });
  });

  it('lets the re-checking chief decide a two-person item: still two distinct people', () => {
    const e = caseScript();
    passes([
      ...accepted(e, twoPersonItem),
      e('reviewed', { opinion: '符合条件', recommendation: 'approve' }, reviewer),
      e('checked', { opinion: '同意', agree: true }, chief),
      e('decided', approval, chief),
    ]);
  });

  it('sends a disagreeing re-check back: no decision until a later check agrees', () => {
    const e = caseScript();
    const state = [
      ...accepted(e, twoPersonItem),
      e('reviewed', { opinion: '符合条件', recommendation: 'approve' }, reviewer),
      e('checked', { opinion: '场地面积不足', agree: false }, reviewer2),
    ].reduce(apply, initialCaseState);
    expect(state.status).toBe('underReview');
    expect(evaluate(state, e('decided', approval, chief2))).toMatchObject({
      ok: false,
      rule: 'review.checkMissing',
    });
    const rereviewed = [
      e('reviewed', { opinion: '补充核实后符合条件', recommendation: 'approve' }, reviewer),
      e('checked', { opinion: '同意', agree: true }, reviewer2),
    ].reduce(apply, state);
    expect(evaluate(rereviewed, e('decided', approval, chief2)).ok).toBe(true);
  });

  it('lets the chief reconsider before the seal', () => {
    const e = caseScript();
    const state = [
      ...accepted(e),
      e('decided', approval, chief),
      e('decided', denial(), chief),
    ].reduce(apply, initialCaseState);
    expect(state.status === 'decided' && state.decision?.decision.outcome).toBe('deny');
  });

  it('keeps the last list of a material’s scans, and lets a notice point at a page of a PDF', () => {
    const e = caseScript();
    const pdf = { ...scan('c'), mediaType: 'application/pdf', name: '营业执照.pdf' } as const;
    const state = [
      e('received', receivedPayload(), clerk),
      e(
        'materialsAttached',
        { materials: [{ materialId: 'm1', files: [scan('a'), scan('b')] }] },
        clerk,
      ),
      // page a taken again: the new list replaces the old, page b stays first
      e('materialsAttached', { materials: [{ materialId: 'm1', files: [scan('b'), pdf] }] }, clerk),
      e(
        'noticeIssued',
        {
          items: [
            {
              materialId: 'm1',
              problem: 'defective',
              detail: '第3页未盖章',
              page: { sha256: pdf.sha256, page: 3 },
            },
          ],
        },
        clerk,
      ),
    ].reduce(apply, initialCaseState);
    expect(state.status === 'awaitingSupplement' && state.materials[0]?.files).toEqual([
      scan('b'),
      pdf,
    ]);
    expect(state.status !== 'none' && state.materials[1]?.files).toEqual([]);
  });

  it('gives a manager nothing to record', () => {
    const e = caseScript();
    expect(evaluate(initialCaseState, e('received', receivedPayload(), manager))).toMatchObject({
      ok: false,
      rule: 'role.notAllowed',
    });
  });
});
