import { describe, expect, it } from 'vitest';
import type { CaseDocument, DecisionDocument } from '../../shared/documents';
import { acceptedCase, attempt, call, terminalAt } from '../../tests/support/terminal-api';
import type { Terminal } from './context';

// Issue 14 point 4 on a real SQLite terminal: 有效期至 follows the item's law on the decision
// and on the certificate alike — a fixed term counted from the seal (sealed days after the
// decision), 长期 only for a permanent licence, a date against the law refused by its rule.

type Certificate = Extract<CaseDocument, { kind: 'certificate' }>;

const pinOf = (t: Terminal) => t.demoAccounts.find((a) => a.role === 'chief')!.sealPin!;

/** The rule a decision entering `validUntil` is refused by, then the decision without it. */
async function decideBlankAfter(t: Terminal, chief: string, caseId: string, validUntil: string) {
  const granted = '准予许可';
  const refused = await attempt(t, chief, 'cases.record', {
    caseId,
    type: 'decided',
    payload: { outcome: 'approve', granted, validUntil },
  });
  await call(t, chief, 'cases.record', {
    caseId,
    type: 'decided',
    payload: { outcome: 'approve', granted },
  });
  return refused.ok ? null : refused.error.rule;
}

/** Seals the decision in force and returns the decision document the seal issued. */
async function sealed(t: Terminal, chief: string, caseId: string) {
  const { eventId } = (await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) })) as {
    eventId: string;
  };
  return (await call(t, chief, 'documents.get', { caseId, eventId })) as CaseDocument &
    DecisionDocument;
}

describe('point 4: the validity a decision and its certificate print', () => {
  it('counts a fixed term from the seal, days after the decision, on both documents', async () => {
    const { t, as, setNow } = terminalAt('2026-03-02T09:00:00+08:00');
    const [clerk, chief] = [await as('clerk'), await as('chief')];
    // SJ-002 食品经营许可: 5 years by its own regulation; 2031-03-01 is its last day if sealed today
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 1);
    expect(await decideBlankAfter(t, chief, caseId, '2031-03-02')).toBe('validity.beyondLaw');
    setNow('2026-03-05T10:00:00+08:00');
    const decision = await sealed(t, chief, caseId);
    expect(decision.validity).toEqual({ kind: 'until', date: '2031-03-04' });
    // a certificate naming another date is refused; the decision's date is taken
    const other = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'certificateIssued',
      payload: { certificateNumber: 'JY-1', validUntil: '2031-03-05' },
    });
    expect(!other.ok && other.error).toMatchObject({ rule: 'validity.certificate' });
    const { eventId } = (await call(t, chief, 'cases.record', {
      caseId,
      type: 'certificateIssued',
      payload: { certificateNumber: 'JY-1', validUntil: '2031-03-04' },
    })) as { eventId: string };
    const certificate = (await call(t, chief, 'documents.get', { caseId, eventId })) as Certificate;
    expect(certificate.validity).toEqual(decision.validity);
  });

  it('prints 长期 for a permanent licence only, and refuses a date for it', async () => {
    const { t, as } = terminalAt('2026-03-02T09:00:00+08:00');
    const [clerk, chief] = [await as('clerk'), await as('chief')];
    // SJ-001 个体工商户设立登记: the licence states no term
    const caseId = await acceptedCase(t, clerk, 'SJ-001', 2);
    expect(await decideBlankAfter(t, chief, caseId, '2030-01-01')).toBe('validity.permanent');
    expect((await sealed(t, chief, caseId)).validity).toEqual({ kind: 'permanent' });
  });
});
