import { describe, expect, it } from 'vitest';
import { appealNotice, sealMessage } from '../../shared/case';
import { sealSignatureValid } from '../../node-shared/seal/keys';
import { verificationCode, type CaseDocument } from '../../shared/documents';
import { personApplicant } from '../../tests/support/applicants';
import { acceptedCase, attempt, call, terminalAt } from '../../tests/support/terminal-api';
import { verifyChain } from '../store/events';
import type { Terminal } from './context';

// The chief's desk through the dispatcher: review queue, 一审一核, 报批件, the seal and its PIN,
// the documents the seal issues, delivery, rating and rectification — on a real SQLite terminal.

type Row = { id: string; step: string; status: string; twoPerson: boolean };
type Queue = { rows: Row[]; referred: number };
type Stored = { id: string; type: string; hash: string; payload: Record<string, unknown> };

function pinOf(t: Terminal): string {
  return t.demoAccounts.find((a) => a.role === 'chief')!.sealPin!;
}

function wrongPin(pin: string): string {
  return pin === '135790' ? '246801' : '135790';
}

/** The case's events as stored, hashes included (cases.get shows the domain's view only). */
function events(t: Terminal, caseId: unknown): Stored[] {
  return (
    t.db
      .prepare('SELECT id, type, hash, payload FROM events WHERE case_id = ?')
      .all(caseId) as (Omit<Stored, 'payload'> & { payload: string })[]
  ).map((e) => ({ ...e, payload: JSON.parse(e.payload) as Record<string, unknown> }));
}

const approval = { outcome: 'approve', granted: '准予食品经营许可', validUntil: '2031-03-01' };

describe('the chief decides and seals at the window', () => {
  it('seals the decision in force with its hash and a number, only with the right PIN', async () => {
    const { t, as, setNow } = terminalAt('2026-03-02T09:00:00+08:00');
    const [clerk, chief] = [await as('clerk'), await as('chief')];
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 1);
    expect(((await call(t, chief, 'cases.queue', {})) as Queue).rows).toEqual([
      expect.objectContaining({ id: caseId, step: 'decide', twoPerson: false }),
    ]);
    await call(t, chief, 'cases.record', { caseId, type: 'decided', payload: approval });

    // wrong PINs are counted across calls, and the fifth locks the seal for 15 minutes
    for (let i = 1; i <= 4; i++) {
      const r = await attempt(t, chief, 'cases.stamp', { caseId, pin: wrongPin(pinOf(t)) });
      expect(!r.ok && r.error).toMatchObject({ rule: 'seal.wrongPin' });
      expect(!r.ok && r.error.message).toContain(`还可再试${5 - i}次`);
    }
    await attempt(t, chief, 'cases.stamp', { caseId, pin: wrongPin(pinOf(t)) });
    const locked = await attempt(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) });
    expect(!locked.ok && locked.error).toMatchObject({ rule: 'seal.locked' });
    // a new PIN is no way round the lock
    const password = t.demoAccounts.find((a) => a.role === 'chief')!.password;
    const reset = await attempt(t, chief, 'seal.setPin', { password, pin: '270415' });
    expect(!reset.ok && reset.error).toMatchObject({ rule: 'seal.locked' });
    expect(await call(t, chief, 'seal.status', {})).toMatchObject({ pinSet: true });
    const malformed = await attempt(t, chief, 'cases.stamp', { caseId, pin: '12ab' });
    expect(!malformed.ok && malformed.error).toMatchObject({ code: 'invalid_input' });
    expect(events(t, caseId).map((e) => e.type)).not.toContain('stamped');

    setNow('2026-03-02T09:20:00+08:00');
    const sealed = (await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) })) as {
      eventId: string;
      decisionNumber: string;
    };
    expect(sealed.decisionNumber).toBe('SJ许准〔2026〕0302-SJ01-T1-0001号');
    const log = events(t, caseId);
    const decided = log.find((e) => e.type === 'decided')!;
    const stamp = log.find((e) => e.type === 'stamped')!;
    expect(stamp.payload).toMatchObject({
      decisionEventId: decided.id,
      decisionHash: decided.hash,
    });
    // the chief's own seal key signed it: id, hash, number and the stamp's time
    const key = t.db.prepare('SELECT * FROM seal_keys').get() as {
      key_id: string;
      public_key: string;
      private_key: string;
      kdf: string;
    };
    expect(JSON.parse(key.kdf)).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    // at rest the private key is locked under the PIN (web mode has no OS protector: 'plain:')
    expect(key.private_key).toMatch(/^plain:\{"v":1,"kdf"/);
    expect(key.private_key).not.toContain('PRIVATE KEY');
    const seal = stamp.payload.seal as { keyId: string; signature: string };
    expect(seal.keyId).toBe(key.key_id);
    const stampedAt = (
      t.db.prepare('SELECT occurred_at FROM events WHERE id = ?').get(stamp.id) as {
        occurred_at: string;
      }
    ).occurred_at;
    const signed = sealMessage({
      caseId,
      decisionEventId: decided.id,
      decisionHash: decided.hash,
      decisionNumber: sealed.decisionNumber,
      occurredAt: stampedAt,
    });
    expect(sealSignatureValid(key.public_key, signed, seal.signature)).toBe(true);
    // a clerk cannot seal, and nobody can forge a seal through a plain record
    const clerkSeal = await attempt(t, clerk, 'cases.stamp', { caseId, pin: pinOf(t) });
    expect(!clerkSeal.ok && clerkSeal.error.code).toBe('forbidden');
    const forged = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'stamped',
      payload: { decisionEventId: decided.id, decisionHash: 'f'.repeat(64), decisionNumber: 'X' },
    });
    expect(!forged.ok && forged.error.code).toBe('invalid_input');
    // sealed means final: a new decision is refused, a correction is a new, linked decision
    const again = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: approval,
    });
    expect(!again.ok && again.error).toMatchObject({ rule: 'decision.final' });
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'corrected',
      payload: { reason: '许可有效期笔误', decision: { ...approval, validUntil: '2031-02-28' } },
    });
    // the seal goes on the decision the chief read, not on one that replaced it meanwhile
    const stale = await attempt(t, chief, 'cases.stamp', {
      caseId,
      pin: pinOf(t),
      decisionEventId: decided.id,
    });
    expect(!stale.ok && stale.error).toMatchObject({ rule: 'stamp.notCurrentDecision' });
    const corrected = (await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) })) as {
      eventId: string;
      decisionNumber: string;
    };
    expect(corrected.decisionNumber).toBe('SJ许准〔2026〕0302-SJ01-T1-0001更1号');
    const doc = (await call(t, chief, 'documents.get', {
      caseId,
      eventId: corrected.eventId,
    })) as Extract<CaseDocument, { kind: 'decision' }>;
    expect(doc).toMatchObject({
      kind: 'decision',
      outcome: 'approve',
      validity: { kind: 'until', date: '2031-02-28' },
      correction: { correctsNumber: sealed.decisionNumber, reason: '许可有效期笔误' },
      seal: { departmentCode: 'SJ', departmentName: '市场监督管理局' },
      certificateName: '食品经营许可证',
    });
    // the first decision's paper no longer holds; the correction's does
    const codeOf = (eventId: string) =>
      verificationCode(events(t, caseId).find((e) => e.id === eventId)!.hash);
    expect(
      await call(t, clerk, 'documents.verify', { code: codeOf(sealed.eventId) }),
    ).toMatchObject({ genuine: false, message: expect.stringContaining('已被更正') });
    expect(
      await call(t, clerk, 'documents.verify', { code: codeOf(corrected.eventId) }),
    ).toMatchObject({ genuine: true });
  });

  it('refuses a PIN anyone would guess and one set without the sign-in password', async () => {
    const { t, as } = terminalAt('2026-03-02T09:00:00+08:00');
    const chief = await as('chief');
    const password = t.demoAccounts.find((a) => a.role === 'chief')!.password;
    for (const pin of ['111111', '123456', '987654']) {
      const r = await attempt(t, chief, 'seal.setPin', { password, pin });
      expect(!r.ok && r.error).toMatchObject({ code: 'invalid_input', field: 'pin' });
    }
    const wrong = await attempt(t, chief, 'seal.setPin', { password: 'nope', pin: '270415' });
    expect(!wrong.ok && wrong.error).toMatchObject({ field: 'password' });
    // not enrolled: the new key waits for the center, and the chief is told so
    expect(await call(t, chief, 'seal.setPin', { password, pin: '270415' })).toEqual({
      registered: false,
      registrationError: '本终端尚未注册到中心',
    });
    expect(await call(t, chief, 'seal.status', {})).toMatchObject({
      pinSet: true,
      unregistered: true,
    });
    // the demo's key is retired, not deleted: stamps made with it still verify against it
    expect(
      t.db.prepare('SELECT retired_at IS NULL AS active FROM seal_keys ORDER BY rowid').all(),
    ).toEqual([{ active: 0 }, { active: 1 }]);
    const caseId = await acceptedCase(t, await as('clerk'), 'SJ-002', 2);
    await call(t, chief, 'cases.record', { caseId, type: 'decided', payload: approval });
    const old = await attempt(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) });
    expect(!old.ok && old.error).toMatchObject({ rule: 'seal.wrongPin' });
    await call(t, chief, 'cases.stamp', { caseId, pin: '270415' });
  });

  it('issues the denial with its appeal rights, then delivers it with a receipt', async () => {
    const { t, as } = terminalAt('2026-03-02T09:00:00+08:00');
    const [clerk, chief] = [await as('clerk'), await as('chief')];
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 3);
    const blank = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: {
        outcome: 'deny',
        facts: ' ',
        reasons: '',
        legalBasis: '',
        appealNotice: appealNotice(),
      },
    });
    expect(!blank.ok && blank.error.code).toBe('invalid_input');
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: {
        outcome: 'deny',
        facts: '现场核查时经营场所与污染源距离不足25米',
        reasons: '经营场所不符合食品安全要求',
        legalBasis: '《中华人民共和国食品安全法》第三十三条第一款第（一）项',
        appealNotice: appealNotice('市场监督管理局'),
      },
    });
    const sealed = (await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) })) as {
      eventId: string;
      decisionNumber: string;
    };
    expect(sealed.decisionNumber).toContain('SJ许不准〔2026〕');
    const denial = (await call(t, chief, 'documents.get', {
      caseId,
      eventId: sealed.eventId,
    })) as Extract<CaseDocument, { kind: 'decision' }>;
    // named from the department's settings (the default catalog's placeholders), whatever was sent
    expect(denial.appealText).toContain('60日内向示范区人民政府申请行政复议');
    expect(denial.appealText).toContain('6个月内向示范区人民法院提起行政诉讼');
    expect(denial.certificateName).toBeNull();

    const noCertificate = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'certificateIssued',
      payload: { certificateNumber: 'JY1' },
    });
    expect(!noCertificate.ok && noCertificate.error).toMatchObject({
      rule: 'certificate.notApproved',
    });
    const posted = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'delivered',
      payload: { method: 'post', recipient: personApplicant(3).name },
    });
    expect(!posted.ok && posted.error.code).toBe('invalid_input');
    const delivered = (await call(t, clerk, 'cases.record', {
      caseId,
      type: 'delivered',
      payload: {
        method: 'post',
        recipient: personApplicant(3).name,
        address: '示范区人民路1号',
        receiptRef: 'XA123456789CN',
      },
    })) as { eventId: string };
    const receipt = (await call(t, clerk, 'documents.get', {
      caseId,
      eventId: delivered.eventId,
    })) as Extract<CaseDocument, { kind: 'delivery' }>;
    expect(receipt).toMatchObject({
      kind: 'delivery',
      delivered: [{ title: '不予行政许可决定书', number: sealed.decisionNumber }],
      method: 'post',
      place: '示范区人民路1号',
      receiptRef: 'XA123456789CN',
      deliveredBy: '张敏',
    });
  });
});

describe('review + check (一审一核)', () => {
  it('keeps the reviewer from deciding and shows each person what waits for them', async () => {
    const { t, as } = terminalAt('2026-03-02T09:00:00+08:00');
    const [clerk, chief, reviewer] = [await as('clerk'), await as('chief'), await as('reviewer')];
    const caseId = await acceptedCase(t, clerk, 'SJ-004', 4);
    const steps = async (token: string) =>
      ((await call(t, token, 'cases.queue', {})) as Queue).rows.map((r) => [r.id, r.step]);
    expect(await steps(reviewer)).toEqual([[caseId, 'review']]);
    const early = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: approval,
    });
    expect(!early.ok && early.error).toMatchObject({ rule: 'review.missing' });

    // the chief reviews; the reviewer re-checks; the chief, having reviewed, may not decide
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'reviewed',
      payload: { opinion: '材料齐全，现场核查合格', recommendation: 'approve' },
    });
    expect(await steps(reviewer)).toEqual([[caseId, 'check']]);
    await call(t, reviewer, 'cases.record', {
      caseId,
      type: 'checked',
      payload: { opinion: '同意审查意见', agree: true },
    });
    const blocked = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: approval,
    });
    expect(!blocked.ok && blocked.error).toMatchObject({
      code: 'not_allowed',
      rule: 'review.reviewerDecides',
    });
    // nothing waits for the reviewer now: re-checking her own check is not hers to do
    expect(await steps(reviewer)).toEqual([]);
  });
});

describe('a window without 审批 (报批件)', () => {
  it('sends the decision to the department, keeps the clock running, records its number', async () => {
    const { t, as } = terminalAt('2026-03-02T09:00:00+08:00');
    const [clerk, chief] = [await as('clerk'), await as('chief')];
    // 药品零售企业经营许可 is not delegated to the demo window for approval or certificates
    const caseId = await acceptedCase(t, clerk, 'SJ-003', 5);
    const queue = (await call(t, chief, 'cases.queue', {})) as Queue;
    expect(queue.rows).toEqual([expect.objectContaining({ id: caseId, step: 'department' })]);
    expect(queue.referred).toBe(0);
    const direct = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: approval,
    });
    expect(!direct.ok && direct.error).toMatchObject({ rule: 'power.approve' });

    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'referred',
      payload: { department: '市市场监督管理局', holder: '药品流通监管科' },
    });
    const referred = (await call(t, chief, 'cases.queue', {})) as Queue;
    expect(referred.referred).toBe(1);
    expect(referred.rows[0]).toMatchObject({ status: 'referred', step: 'department' });
    const view = (await call(t, chief, 'cases.get', { caseId })) as {
      clocks: { kind: string; state: string }[];
    };
    expect(view.clocks.find((c) => c.kind === 'statutory')?.state).toBe('running');

    const unnumbered = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: approval,
    });
    expect(!unnumbered.ok && unnumbered.error).toMatchObject({ rule: 'referral.departmentRef' });
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: {
        ...approval,
        granted: '准予药品零售企业经营许可',
        departmentRef: '市市监药许〔2026〕17号',
      },
    });
    const sealed = (await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) })) as {
      eventId: string;
    };
    const doc = (await call(t, chief, 'documents.get', { caseId, eventId: sealed.eventId })) as {
      departmentRef: string;
    };
    expect(doc.departmentRef).toBe('市市监药许〔2026〕17号');
    // the department makes the certificate: the window may not
    const certificate = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'certificateIssued',
      payload: { certificateNumber: 'YP1' },
    });
    expect(!certificate.ok && certificate.error).toMatchObject({ rule: 'power.certify' });
  });
});

describe('rating (好差评)', () => {
  it('opens a 15-working-day rectification for the chief after a bad rating', async () => {
    const { t, as } = terminalAt('2026-03-02T09:00:00+08:00');
    const [clerk, chief] = [await as('clerk'), await as('chief')];
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 6);
    await call(t, chief, 'cases.record', { caseId, type: 'decided', payload: approval });
    await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) });
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'certificateIssued',
      payload: { certificateNumber: 'JY16101060000001', validUntil: '2031-03-01' },
    });
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'delivered',
      payload: { method: 'window', recipient: personApplicant(6).name },
    });
    expect(((await call(t, chief, 'cases.queue', {})) as Queue).rows).toEqual([]);
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'rated',
      payload: { score: 5, comment: '等候时间太长' },
    });
    const view = (await call(t, chief, 'cases.get', { caseId })) as {
      clocks: { kind: string; state: string; deadline: { date: string } }[];
    };
    // 15 working days after Mon 2 March 2026: Mon 23 March
    expect(view.clocks.find((c) => c.kind === 'rectification')).toMatchObject({
      state: 'running',
      deadline: { date: '2026-03-23' },
    });
    expect(((await call(t, chief, 'cases.queue', {})) as Queue).rows).toEqual([
      expect.objectContaining({ id: caseId, step: 'rectify' }),
    ]);
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'rectified',
      payload: { measures: '增设午间窗口，已电话回访申请人' },
    });
    expect(((await call(t, chief, 'cases.queue', {})) as Queue).rows).toEqual([]);
    const closed = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'rated',
      payload: { score: 1 },
    });
    expect(!closed.ok && closed.error).toMatchObject({ rule: 'case.closed' });
  });
});

describe('tampering with a sealed decision', () => {
  it('is named by verifyChain, and the decision’s verification code no longer verifies', async () => {
    const { t, as } = terminalAt('2026-03-02T09:00:00+08:00');
    const [clerk, chief] = [await as('clerk'), await as('chief')];
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 7);
    await call(t, chief, 'cases.record', { caseId, type: 'decided', payload: approval });
    const sealed = (await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) })) as {
      eventId: string;
    };
    const log = events(t, caseId);
    const stampHash = log.find((e) => e.id === sealed.eventId)!.hash;
    const code = verificationCode(stampHash);
    const keys = new Map([[t.device.id, t.device.publicKey]]);
    expect(verifyChain(t.db, keys)).toEqual({ ok: true, events: log.length });
    expect(await call(t, clerk, 'documents.verify', { code })).toMatchObject({
      genuine: true,
      caseId,
      kind: 'decision',
    });

    // one byte of the decision's payload changes in the database: 2031 → 2039
    const decided = log.find((e) => e.type === 'decided')!;
    const { payload } = t.db.prepare('SELECT payload FROM events WHERE id = ?').get(decided.id) as {
      payload: string;
    };
    const altered = payload.replace('2031-03-01', '2039-03-01');
    expect(altered).not.toBe(payload);
    t.db.prepare('UPDATE events SET payload = ? WHERE id = ?').run(altered, decided.id);

    const report = verifyChain(t.db, keys);
    expect(report).toMatchObject({ ok: false, broken: { eventId: decided.id } });
    expect(!report.ok && report.broken.reason).toContain('事件内容与哈希不符');
    expect(await call(t, clerk, 'documents.verify', { code })).toMatchObject({
      genuine: false,
      message: expect.stringContaining('盖章后决定内容已被改动'),
    });
    // rewriting the decision's own hash too does not help: the seal holds the original
    t.db.prepare('UPDATE events SET hash = ? WHERE id = ?').run('0'.repeat(64), decided.id);
    expect(await call(t, clerk, 'documents.verify', { code })).toMatchObject({ genuine: false });
    const unknown = await call(t, clerk, 'documents.verify', { code: 'ZZZZ-ZZZZ-ZZZZ' });
    expect(unknown).toMatchObject({ genuine: false, caseId: null });
  });
});
