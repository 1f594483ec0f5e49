import { describe, expect, it } from 'vitest';
import { appealNotice, appealNoticeText } from './appeal';
import { caseEventSchema, caseEventTypes } from './events';
import { itemSnapshotSchema, payloadSchemas } from './payloads';
import { approval, caseScript, people, receivedPayload, singleItem } from './test-fixtures';

describe('event types', () => {
  it('lists every payload schema once, and the event union covers them all', () => {
    expect([...caseEventTypes].sort()).toEqual(Object.keys(payloadSchemas).sort());
    expect(caseEventSchema.options.map((o) => o.shape.type.value).sort()).toEqual(
      [...caseEventTypes].sort(),
    );
  });
});

describe('the envelope', () => {
  const e = caseScript();
  const received = e('received', receivedPayload(), people.clerk);

  it('accepts a well-formed event', () => {
    expect(caseEventSchema.safeParse(received).success).toBe(true);
  });

  it('requires an offset on occurredAt: a bare local time would be read in the machine’s zone', () => {
    expect(
      caseEventSchema.safeParse({ ...received, occurredAt: '2025-03-03T09:00:00' }).success,
    ).toBe(false);
    expect(
      caseEventSchema.safeParse({ ...received, occurredAt: '2025-03-03T01:00:00Z' }).success,
    ).toBe(true);
  });

  it('rejects an unknown role and a payload of another type', () => {
    expect(
      caseEventSchema.safeParse({ ...received, actor: { ...people.clerk, role: 'janitor' } })
        .success,
    ).toBe(false);
    expect(caseEventSchema.safeParse({ ...received, type: 'decided' }).success).toBe(false);
    expect(
      caseEventSchema.safeParse({ ...received, type: 'decided', payload: approval }).success,
    ).toBe(true);
  });
});

describe('payload schemas', () => {
  it('rejects a promised limit longer than the statutory one, and duplicate material ids', () => {
    expect(itemSnapshotSchema.safeParse({ ...singleItem, promisedDays: 21 }).success).toBe(false);
    const twice = {
      ...singleItem,
      materials: [...singleItem.materials, { ...singleItem.materials[0] }],
    };
    expect(itemSnapshotSchema.safeParse(twice).success).toBe(false);
  });

  it('rejects a refusal at intake without reasons or basis, or naming no agency when it is not ours', () => {
    const refused = payloadSchemas.refused;
    expect(
      refused.safeParse({ ground: 'other', reasons: ' ', legalBasis: '第三十二条' }).success,
    ).toBe(false);
    expect(refused.safeParse({ ground: 'other', reasons: '理由', legalBasis: '' }).success).toBe(
      false,
    );
    expect(
      refused.safeParse({ ground: 'notThisAgency', reasons: '理由', legalBasis: '依据' }).success,
    ).toBe(false);
    expect(
      refused.safeParse({
        ground: 'notThisAgency',
        reasons: '理由',
        legalBasis: '依据',
        rightAgency: '区住建局',
      }).success,
    ).toBe(true);
  });

  it('rejects a denial without facts, reasons, basis or a complete appeal notice', () => {
    const decided = payloadSchemas.decided;
    const deny = {
      outcome: 'deny',
      facts: '事实',
      reasons: '理由',
      legalBasis: '依据',
      appealNotice: appealNotice(),
    };
    expect(decided.safeParse(deny).success).toBe(true);
    for (const field of ['facts', 'reasons', 'legalBasis'] as const) {
      expect(decided.safeParse({ ...deny, [field]: '' }).success).toBe(false);
    }
    expect(decided.safeParse({ ...deny, appealNotice: undefined }).success).toBe(false);
    expect(
      decided.safeParse({ ...deny, appealNotice: { ...appealNotice(), reconsiderationDays: 30 } })
        .success,
    ).toBe(false);
    expect(
      decided.safeParse({
        ...deny,
        appealNotice: { ...appealNotice(), text: '可以申请行政复议。' },
      }).success,
    ).toBe(false);
  });

  it('requires the notice to the applicant and the filing with the center for a pause', () => {
    const paused = {
      procedure: 'hearing',
      expectedWorkingDays: 10,
      applicantNoticeRef: '特告1号',
      centerFilingRef: '备1号',
    };
    expect(payloadSchemas.paused.safeParse(paused).success).toBe(true);
    expect(payloadSchemas.paused.safeParse({ ...paused, centerFilingRef: undefined }).success).toBe(
      false,
    );
    expect(payloadSchemas.paused.safeParse({ ...paused, procedure: 'lunch' }).success).toBe(false);
  });

  it('requires a defect description for a defective material and a rating of 1 to 5', () => {
    expect(
      payloadSchemas.materialsChecked.safeParse({
        materials: [{ materialId: 'm1', status: 'defective' }],
      }).success,
    ).toBe(false);
    expect(payloadSchemas.rated.safeParse({ score: 0 }).success).toBe(false);
    expect(payloadSchemas.rated.safeParse({ score: 5 }).success).toBe(true);
    expect(payloadSchemas.rated.safeParse({ score: 4.5 }).success).toBe(false);
  });
});

describe('appealNoticeText', () => {
  it('names both rights with their periods and the deciding department', () => {
    const text = appealNoticeText('区市场监督管理局');
    expect(text).toContain('区市场监督管理局');
    expect(text).toMatch(/60日内.*行政复议/);
    expect(text).toMatch(/6个月内.*行政诉讼/);
    expect(appealNoticeText()).toContain('本机关');
  });
});
