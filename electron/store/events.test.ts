import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { receiveCase } from '../services/cases';
import type { Terminal } from '../services/context';
import { personApplicant } from '../../tests/support/applicants';
import { tempTerminal } from '../../tests/support/terminal';
import { verifyChain } from './events';
import { getSetting, setSetting } from './reference';

let done: (() => void) | undefined;
afterEach(() => done?.());

async function clerkTerminal() {
  const { terminal, cleanup } = tempTerminal();
  done = cleanup;
  const clerk = terminal.demoAccounts.find((a) => a.role === 'clerk')!;
  const r = await dispatch(
    handlers,
    'auth.login',
    { username: clerk.username, password: clerk.password },
    { terminal, session: null, token: null },
  );
  if (!r.ok) throw new Error(r.error.message);
  const session = terminal.sessions.resolve((r.value as { token: string }).token)!;
  const itemCode = (
    terminal.db.prepare("SELECT code FROM items WHERE department_code = 'SJ' LIMIT 1").get() as {
      code: string;
    }
  ).code;
  return { terminal, session, itemCode };
}

function keys(t: Terminal) {
  return new Map([[t.device.id, t.device.publicKey]]);
}

describe('the event chain', () => {
  it('verifies after many commands and names the first tampered event', async () => {
    const { terminal, session, itemCode } = await clerkTerminal();
    for (let n = 0; n < 5; n++)
      receiveCase(terminal, session, {
        itemCode,
        applicant: personApplicant(n),
        channel: 'window',
      });
    expect(verifyChain(terminal.db, keys(terminal))).toEqual({ ok: true, events: 5 });

    const third = terminal.db
      .prepare('SELECT id, payload FROM events WHERE device_seq = 3')
      .get() as { id: string; payload: string };
    terminal.db
      .prepare('UPDATE events SET payload = ? WHERE id = ?')
      .run(third.payload.replace('"window"', '"online"'), third.id);
    const report = verifyChain(terminal.db, keys(terminal));
    expect(report.ok).toBe(false);
    expect(!report.ok && report.broken).toMatchObject({
      eventId: third.id,
      deviceSeq: 3,
      reason: expect.stringMatching(/事件内容与哈希不符/),
    });
  });

  it('detects events cut off the end of the log', async () => {
    const { terminal, session, itemCode } = await clerkTerminal();
    for (let n = 0; n < 3; n++) {
      receiveCase(terminal, session, {
        itemCode,
        applicant: personApplicant(n),
        channel: 'window',
      });
    }
    terminal.db.prepare('DELETE FROM events WHERE device_seq = 3').run();
    const report = verifyChain(terminal.db, keys(terminal));
    expect(!report.ok && report.broken.reason).toMatch(/日志末尾的事件被删除/);
  });

  it('detects a deleted event as a gap and a forged signature', async () => {
    const { terminal, session, itemCode } = await clerkTerminal();
    for (let n = 0; n < 3; n++)
      receiveCase(terminal, session, {
        itemCode,
        applicant: personApplicant(n),
        channel: 'window',
      });
    terminal.db.prepare("UPDATE events SET signature = 'AAAA' WHERE device_seq = 1").run();
    const bad = verifyChain(terminal.db, keys(terminal));
    expect(!bad.ok && bad.broken.reason).toMatch(/签名无效/);
    terminal.db.prepare('DELETE FROM events WHERE device_seq = 1').run();
    const gap = verifyChain(terminal.db, keys(terminal));
    expect(!gap.ok && gap.broken).toMatchObject({
      deviceSeq: 2,
      reason: expect.stringMatching(/序号断裂/),
    });
  });

  it('makes unique case numbers: department + date + window + terminal + serial', async () => {
    const { terminal, session, itemCode } = await clerkTerminal();
    const numbers = Array.from(
      { length: 12 },
      (_, n) =>
        receiveCase(terminal, session, {
          itemCode,
          applicant: personApplicant(n),
          channel: 'window',
        }).caseNumber,
    );
    expect(new Set(numbers).size).toBe(12);
    for (const [i, number] of numbers.entries()) {
      expect(number).toMatch(new RegExp(`^SJ-\\d{8}-SJ01-T1-${String(i + 1).padStart(4, '0')}$`));
    }
  });

  it('keeps case numbers apart between two PCs of the same window', async () => {
    const first = await clerkTerminal();
    const firstDone = done;
    const second = await clerkTerminal();
    const secondDone = done;
    done = () => {
      firstDone?.();
      secondDone?.();
    };
    // the second PC of window SJ01 (enrollment gives each PC of a window its own number)
    setSetting(second.terminal.db, 'terminal.binding', {
      windowId: getSetting<{ windowId: string }>(second.terminal.db, 'terminal.binding')!.windowId,
      number: 2,
    });
    const a = receiveCase(first.terminal, first.session, {
      itemCode: first.itemCode,
      applicant: personApplicant(1),
      channel: 'window',
    });
    const b = receiveCase(second.terminal, second.session, {
      itemCode: second.itemCode,
      applicant: personApplicant(2),
      channel: 'window',
    });
    expect(a.caseNumber).toMatch(/-SJ01-T1-0001$/);
    expect(b.caseNumber).toMatch(/-SJ01-T2-0001$/);
  });

  it('rebuilds the cases projection from events alone', async () => {
    const { terminal, session, itemCode } = await clerkTerminal();
    for (let n = 0; n < 4; n++)
      receiveCase(terminal, session, {
        itemCode,
        applicant: personApplicant(n),
        channel: 'window',
      });
    const before = terminal.db.prepare('SELECT * FROM cases ORDER BY id').all();
    const { rebuildProjections } = await import('../projections/cases');
    terminal.db.exec('DELETE FROM cases');
    rebuildProjections(terminal);
    expect(terminal.db.prepare('SELECT * FROM cases ORDER BY id').all()).toEqual(before);
  });
});
