import { describe, expect, it } from 'vitest';
import {
  complaintClockFinding,
  complaintRecordedFinding,
  conflictFinding,
  duplicateCaseFinding,
} from '../../server/supervision/rules';
import { checkMobile, checkResidentId, checkUscc } from '../../shared/ids';
import { domainLabels } from '../../renderer/i18n/domain';
import { ruleSentence } from '../../renderer/i18n/errors';
import { validationText } from '../../renderer/i18n/validation';
import {
  alertRuleText,
  alertText,
  withoutIds,
} from '../../renderer/features/supervision/alert-text';
import { ruleMessages, statusLabels, type CaseStatus, type RuleId } from '../../shared/case';

const caseStatuses = Object.keys(statusLabels) as CaseStatus[];

// Issue 16 point 6 (part V): what the program itself says reaches an English screen in English,
// and no internal id reaches any screen. What the center writes (alerts, in Chinese by policy)
// is rendered from its rule and particulars; data (a complaint's words) stays as written.

const han = /\p{Script=Han}/u;
const uuid = '0190f3a2-7b1c-7d2e-8f90-a1b2c3d4e5f6';

describe('English, part V', () => {
  it('names every status, event, role, clock and procedure in English', () => {
    const en = domainLabels('en');
    for (const s of caseStatuses) expect(en.status(s)).not.toMatch(han);
    expect(en.clock('promised')).toBe('Promised limit');
    expect(en.role('chief')).toBe('Chief representative');
    expect(en.event('stamped')).not.toMatch(han);
    expect(en.complaintChannel('电话')).toBe('Phone');
    expect(en.complaintConclusion('部分属实')).toBe('Partly substantiated');
  });

  it('says every rule in a sentence of the language, never its id', () => {
    for (const rule of Object.keys(ruleMessages) as RuleId[]) {
      expect(ruleSentence(rule, 'en')).not.toMatch(han);
      expect(ruleSentence(rule, 'zh-CN')).toBe(ruleMessages[rule]);
    }
  });

  it("renders the center's alerts in English, keeping only the complainant's words", () => {
    const recorded = complaintRecordedFinding({
      id: uuid,
      channel: '电话',
      content: '窗口人员让我来回跑了三趟',
      dueDate: '2026-03-17',
    });
    expect(alertText(recorded, 'en')).toBe(
      'Public complaint (Phone): 窗口人员让我来回跑了三趟; answer by 2026-03-17',
    );
    for (const level of ['warning', 'red'] as const) {
      const f = complaintClockFinding(
        { id: uuid, channel: '电话', content: 'x', dueDate: '2026-03-17' },
        level,
      )!;
      expect(alertText(f, 'en')).toContain('2026-03-17');
      expect(alertText(f, 'en')).not.toMatch(han);
      expect(alertRuleText(f, 'en')).not.toMatch(han);
    }
    const breach = conflictFinding({
      id: uuid,
      caseId: uuid,
      type: 'decided',
      rule: 'review.missing',
      message: '一审一核事项须先经审查，才能作出决定',
    });
    expect(alertText(breach, 'en')).toBe(ruleSentence('review.missing', 'en'));
    expect(alertRuleText(breach, 'zh-CN')).toBe(ruleMessages['review.missing']);
    const clock = {
      rule: 'clock.promised.yellow',
      level: 'yellow',
      message: '黄牌：承诺办结期限将于 2026-03-09 届满，剩 2 个工作日',
    };
    expect(alertText(clock, 'en')).toBe(
      'Yellow card: Promised limit ends on 2026-03-09, 2 working days left',
    );
    expect(alertRuleText(clock, 'en')).not.toContain('clock.promised');
    const duplicate = duplicateCaseFinding(
      { caseId: uuid, lastEventId: uuid } as Parameters<typeof duplicateCaseFinding>[0],
      [
        { caseNumber: 'SJ-20260302-SJ01-T1-0001', windowName: '市场监管一号窗' },
        { caseNumber: 'SJ-20260303-SJ03-T2-0007', windowName: '市场监管三号窗' },
      ],
    );
    // the window names are data, kept as written; a 、 inside one does not split it
    expect(alertText(duplicate, 'en')).toContain(
      '(SJ-20260302-SJ01-T1-0001 at 市场监管一号窗, SJ-20260303-SJ03-T2-0007 at 市场监管三号窗)',
    );
    expect(alertRuleText(duplicate, 'en')).not.toMatch(han);
    const odd = duplicateCaseFinding(
      { caseId: uuid, lastEventId: uuid } as Parameters<typeof duplicateCaseFinding>[0],
      [{ caseNumber: 'SJ-20260302-SJ01-T1-0001', windowName: '综合受理、一号窗' }],
    );
    expect(alertText(odd, 'en')).toContain('(SJ-20260302-SJ01-T1-0001 at 综合受理、一号窗)');
    const conflict = conflictFinding({
      id: uuid,
      caseId: uuid,
      type: 'noticeIssued',
      rule: 'case.closed',
      message: '办件已办结',
    });
    expect(alertText(conflict, 'en')).toBe(
      `Sync conflict: "${domainLabels('en').event('noticeIssued')}" was not admitted by the center`,
    );
    expect(alertText(duplicate, 'zh-CN')).toContain('SJ-20260302-SJ01-T1-0001（市场监管一号窗）');
  });

  it('takes device ids out of what the center wrote', () => {
    expect(withoutIds(`已停用的终端仍在向中心同步（设备 ${uuid}），已拒绝`)).toBe(
      '已停用的终端仍在向中心同步，已拒绝',
    );
  });

  it("gives the ID and phone checks' messages in English", () => {
    const bad = [
      checkResidentId('11010519491231002'),
      checkResidentId('110105194912310021'),
      checkUscc('91610113MA0000001'),
      checkMobile('1380013800'),
      checkMobile('10800138000'),
    ];
    for (const r of bad) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(validationText(r.reason, 'en')).not.toMatch(han);
    }
    expect(validationText('不能超过100个字', 'en')).toBe('At most 100 characters');
    expect(validationText('必填', 'zh-CN')).toBe('必填');
  });
});
