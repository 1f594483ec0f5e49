import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Terminal } from '../../electron/services/context';
import { inTransaction } from '../../electron/store/db';
import { appendEvent, caseEvents } from '../../electron/store/events';
import { dialects } from '../../server/db/test-db';
import type { Actor, CaseEvent } from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import { verificationCode } from '../../shared/documents';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { cleanupAfterEach } from '../support/cleanups';
import { personApplicant } from '../support/applicants';
import { acceptComplete, attempt, call } from '../support/terminal-api';
import {
  hallOn as hallOnDialect,
  windowTerminal,
  syncUntilQuiet,
  type Hall,
  type HallTerminal,
} from '../sync/world';

// Issue 13 points 1 and 3, as an attacker would try them: a copy of a hall PC's data folder signs
// whatever is appended to its store (electron/store/events.ts appendEvent, with the device key),
// and a clerk may call the terminal's API for a case that is not hers. A real center process on
// loopback, on SQLite and on PostgreSQL, judges what the terminals sync.

const defer = cleanupAfterEach();

const hallOn = (dialect: 'sqlite' | 'postgres') => hallOnDialect(dialect, defer);

const terminalAt = (hall: Hall, code: string): Promise<HallTerminal> =>
  windowTerminal(hall, code, defer);

/** A case of the terminal's window received, checked and accepted by its clerk. */
async function acceptedCase(h: HallTerminal, n: number): Promise<string> {
  const { caseId } = (await call(h.t, h.clerk, 'cases.receive', {
    itemCode: h.window.itemCode,
    applicant: personApplicant(n),
    channel: 'window',
  })) as { caseId: string };
  await acceptComplete(h.t, h.clerk, caseId, h.window.itemCode);
  return caseId;
}

/** What an attacker with the data folder does: an event straight into the signed log. */
function forge(t: Terminal, event: Omit<CaseEvent, 'id' | 'occurredAt'>): string {
  const id = randomUUID();
  const full = { ...event, id, occurredAt: shanghaiIso(t.now()) } as CaseEvent;
  inTransaction(t.db, () => appendEvent(t.db, t.device, full));
  return caseEvents(t.db, event.caseId).find((e) => e.id === id)!.hash;
}

type CenterEvent = { id: string; status: string; conflictRule: string | null };

async function centerView(hall: Hall) {
  const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
  return {
    /** the center's record of one case's events, as the supervisor's case page reads it */
    async events(caseId: string): Promise<CenterEvent[]> {
      const history = await admin.call<{
        events: { event: { id: string }; status: string; conflict: { rule: string } | null }[];
      }>('GET', `/api/cases/${caseId}`);
      return history.events.map((e) => ({
        id: e.event.id,
        status: e.status,
        conflictRule: e.conflict?.rule ?? null,
      }));
    },
    alerts: () =>
      admin.call<{ rule: string; message: string; caseId: string | null; evidence: string[] }[]>(
        'GET',
        '/api/alerts',
      ),
    async verify(hash: string) {
      const res = await fetch(`${hall.center.url}/verify/${verificationCode(hash)}`);
      return (await res.json()) as { genuine: boolean; kind?: string };
    },
  };
}

describe.each(dialects)('the center as the authority (%s)', (dialect) => {
  it('stores a forged chief’s decision and seal as conflicted, raises them, and /verify denies them', async () => {
    const hall = await hallOn(dialect);
    const sj1 = await terminalAt(hall, 'SJ01');
    const caseId = await acceptedCase(sj1, 1);
    const impostor: Actor = { userId: 'u-fake', name: '冒名首席', role: 'chief' };
    const base = { caseId, actor: impostor, windowId: sj1.window.id };
    const decided = forge(sj1.t, {
      ...base,
      type: 'decided',
      payload: { outcome: 'approve', granted: '准予登记' },
    });
    const decision = caseEvents(sj1.t.db, caseId).find((e) => e.hash === decided)!;
    const stamped = forge(sj1.t, {
      ...base,
      type: 'stamped',
      payload: { decisionEventId: decision.id, decisionHash: decided, decisionNumber: 'SJ-伪-1' },
    });
    await syncUntilQuiet([sj1.t]);

    const center = await centerView(hall);
    const events = await center.events(caseId);
    expect(events.map((e) => [e.status, e.conflictRule])).toEqual([
      ['accepted', null],
      ['accepted', null],
      ['accepted', null],
      ['conflicted', 'actor.unknown'],
      // the seal names a decision the center never took
      ['conflicted', 'actor.unknown'],
    ]);
    // each forged event is raised to supervision, naming the rule it broke
    const alerts = await center.alerts();
    for (const forged of events.slice(3)) {
      const raised = alerts.find((a) => a.evidence.includes(forged.id));
      expect(raised?.message, forged.id).toContain('中心没有该办理人员的记录');
    }
    // the sealed decision is what /verify speaks for: not genuine (it carries no chief's seal)
    expect(await center.verify(stamped)).toMatchObject({
      genuine: false,
      message: expect.stringContaining('印章'),
    });
  });

  it('stores a receipt of an item the catalog never had as conflicted, and /verify denies it', async () => {
    const hall = await hallOn(dialect);
    const sj1 = await terminalAt(hall, 'SJ01');
    const real = await acceptedCase(sj1, 2);
    const receipt = caseEvents(sj1.t.db, real)[0]!;
    const clerk = receipt.actor;
    const caseId = randomUUID();
    const payload = receipt.payload as { item: { name: string }; caseNumber: string };
    forge(sj1.t, {
      caseId,
      actor: clerk,
      windowId: sj1.window.id,
      type: 'received',
      payload: {
        ...payload,
        caseNumber: `${payload.caseNumber}-X`,
        item: { ...payload.item, name: '不存在的许可事项' },
      },
    } as Omit<CaseEvent, 'id' | 'occurredAt'>);
    const accepted = forge(sj1.t, {
      caseId,
      actor: clerk,
      windowId: sj1.window.id,
      type: 'accepted',
      payload: {},
    });
    await syncUntilQuiet([sj1.t]);

    const center = await centerView(hall);
    const alerts = await center.alerts();
    expect(alerts.some((a) => a.caseId === caseId && a.message.includes('中心发布'))).toBe(true);
    // the acceptance notice of a case the center refused: not genuine
    expect((await center.verify(accepted)).genuine).toBe(false);
    // the real case beside it is untouched
    expect((await center.events(real)).every((e) => e.status === 'accepted')).toBe(true);
  });

  it('lets SJ02’s clerk withdraw SJ01’s case (the department’s); another department never sees it', async () => {
    const hall = await hallOn(dialect);
    const sj1 = await terminalAt(hall, 'SJ01');
    const sj2 = await terminalAt(hall, 'SJ02');
    const wj = await terminalAt(hall, 'WJ01');
    const caseId = await acceptedCase(sj1, 3);
    await syncUntilQuiet([sj1.t, sj2.t, wj.t]);

    // part T of issue 16: the department is the unit of service
    expect(
      await call(sj2.t, sj2.clerk, 'cases.record', {
        caseId,
        type: 'withdrawn',
        payload: { reason: '申请人撤回' },
      }),
    ).toMatchObject({ status: 'withdrawn' });
    // another department's PC never holds the case (pull is by department), so cannot act on it;
    // a forged event for it is refused whole by the center (server/sync/authority.test.ts)
    const unseen = await attempt(wj.t, wj.clerk, 'cases.get', { caseId });
    expect(!unseen.ok && unseen.error.code).toBe('not_found');

    await syncUntilQuiet([sj1.t, sj2.t, wj.t]);
    const center = await centerView(hall);
    expect((await center.events(caseId)).every((e) => e.status === 'accepted')).toBe(true);
    // SJ01 sees its case withdrawn at SJ02, still its own
    expect(
      ((await call(sj1.t, sj1.clerk, 'cases.get', { caseId })) as { state: { status: string } })
        .state.status,
    ).toBe('withdrawn');
  });

  it('takes a legitimate case from receipt to delivery, all accepted, its decision genuine', async () => {
    const hall = await hallOn(dialect);
    const sj1 = await terminalAt(hall, 'SJ01');
    const caseId = await acceptedCase(sj1, 4);
    await call(sj1.t, sj1.chief, 'seal.setPin', { password: 'window-pass-1', pin: '482916' });
    await call(sj1.t, sj1.chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: { outcome: 'approve', granted: '准予个体工商户设立登记' },
    });
    await call(sj1.t, sj1.chief, 'cases.stamp', { caseId, pin: '482916' });
    await call(sj1.t, sj1.chief, 'cases.record', {
      caseId,
      type: 'certificateIssued',
      payload: { certificateNumber: 'JY13201060000009' },
    });
    await call(sj1.t, sj1.clerk, 'cases.record', {
      caseId,
      type: 'delivered',
      payload: { method: 'window', recipient: '申请人' },
    });
    await syncUntilQuiet([sj1.t]);
    const center = await centerView(hall);
    const events = await center.events(caseId);
    expect(events).toHaveLength(7);
    expect(events.every((e) => e.status === 'accepted')).toBe(true);
    const stamped = caseEvents(sj1.t.db, caseId).find((e) => e.type === 'stamped')!;
    expect(await center.verify(stamped.hash)).toMatchObject({ genuine: true, kind: 'decision' });
  });
});
