import { describe, expect, it } from 'vitest';
import { dialects } from '../../server/db/test-db';
import type { CaseRow } from '../../shared/api';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { cleanupAfterEach } from '../support/cleanups';
import { personApplicant } from '../support/applicants';
import { attempt, call, itemMaterials } from '../support/terminal-api';
import { hallOn, syncUntilQuiet, windowTerminal, expectExactUnion, type Hall } from './world';

// Part T of issue 16: the department is the unit of service. Two PCs of one department (SJ01,
// SJ02) and a real center process on loopback: the case SJ01 took in is found, continued,
// decided, sealed and delivered across the two windows with sync in between; two PCs acting
// offline on one case end in a recorded, visible conflict, never a silent loss.

const defer = cleanupAfterEach();

type CenterEvent = {
  event: { id: string; type: string; windowId: string; payload: Record<string, unknown> };
  status: string;
  conflict: { rule: string } | null;
};

async function centerEvents(hall: Hall, caseId: string): Promise<CenterEvent[]> {
  const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
  const history = await admin.call<{ events: CenterEvent[] }>('GET', `/api/cases/${caseId}`);
  return history.events;
}

const applicant = personApplicant(7);

describe.each(dialects)('the department is the unit of service (%s)', (dialect) => {
  const hallOf = async () => {
    const hall = await hallOn(dialect, defer);
    const sj1 = await windowTerminal(hall, 'SJ01', defer);
    const sj2 = await windowTerminal(hall, 'SJ02', defer);
    return { hall, sj1, sj2 };
  };

  it('SJ01 issues the notice; SJ02 finds the case, continues and delivers it after SJ01’s chief seals', async () => {
    const { hall, sj1, sj2 } = await hallOf();
    const itemCode = sj1.window.itemCode;
    const { caseId, caseNumber } = (await call(sj1.t, sj1.clerk, 'cases.receive', {
      itemCode,
      applicant,
      channel: 'window',
    })) as { caseId: string; caseNumber: string };
    const [missing, ...rest] = itemMaterials(sj1.t, itemCode);
    await call(sj1.t, sj1.clerk, 'cases.record', {
      caseId,
      type: 'materialsChecked',
      payload: {
        materials: [
          { materialId: missing!.id, status: 'missing' },
          ...rest.map((m) => ({ materialId: m.id, status: 'received' })),
        ],
      },
    });
    await call(sj1.t, sj1.clerk, 'cases.record', {
      caseId,
      type: 'noticeIssued',
      payload: { items: [{ materialId: missing!.id, problem: 'missing', detail: '未提交' }] },
    });
    await syncUntilQuiet([sj1.t, sj2.t]);

    // the applicant comes back and is called to SJ02: its clerk finds the case by the receipt's
    // last four digits and by phone, in the department's list (the default), not in SJ02's own
    const list = async (input: object) =>
      (
        (await call(sj2.t, sj2.clerk, 'cases.list', { status: 'all', ...input })) as {
          rows: CaseRow[];
        }
      ).rows;
    for (const query of [caseNumber.slice(-4), applicant.mobile.slice(-4), applicant.name]) {
      const rows = await list({ query });
      expect(
        rows.map((r) => r.id),
        query,
      ).toEqual([caseId]);
      expect(rows[0]).toMatchObject({
        caseNumber,
        status: 'awaitingSupplement',
        receivingWindow: { id: sj1.window.id, code: 'SJ01', name: sj1.window.name },
        ownWindow: false,
      });
    }
    expect(await list({ query: caseNumber.slice(-4), scope: 'window' })).toEqual([]);
    // at SJ01 the same case is its own
    const own = (
      (await call(sj1.t, sj1.clerk, 'cases.list', { scope: 'window' })) as { rows: CaseRow[] }
    ).rows;
    expect(own.map((r) => [r.id, r.ownWindow])).toEqual([[caseId, true]]);

    // intake at SJ02 for the same applicant and item is told of the open case …
    const duplicates = (await call(sj2.t, sj2.clerk, 'cases.openDuplicates', {
      itemCode,
      applicantKey: applicant.idNumber,
    })) as unknown as CaseRow[];
    expect(duplicates.map((d) => d.caseNumber)).toEqual([caseNumber]);
    // … and main will not make a second one without a reason
    const second = await attempt(sj2.t, sj2.clerk, 'cases.receive', {
      itemCode,
      applicant,
      channel: 'window',
    });
    expect(!second.ok && second.error).toMatchObject({
      code: 'not_allowed',
      rule: 'intake.duplicateOpen',
    });

    // SJ02 continues the case: the supplement and the acceptance
    await call(sj2.t, sj2.clerk, 'cases.record', {
      caseId,
      type: 'supplementReceived',
      payload: { materialIds: [missing!.id] },
    });
    await call(sj2.t, sj2.clerk, 'cases.record', { caseId, type: 'accepted', payload: {} });
    await syncUntilQuiet([sj1.t, sj2.t]);

    // SJ01's chief decides and seals (the case's powers: SJ01 was delegated the decision)
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
      payload: { certificateNumber: 'JY13201060000077' },
    });
    await syncUntilQuiet([sj1.t, sj2.t]);

    // the applicant collects the licence at SJ02
    expect(
      await call(sj2.t, sj2.clerk, 'cases.record', {
        caseId,
        type: 'delivered',
        payload: { method: 'window', recipient: '申请人' },
      }),
    ).toMatchObject({ status: 'delivered' });
    await syncUntilQuiet([sj1.t, sj2.t]);

    const events = await centerEvents(hall, caseId);
    expect(events.map((e) => [e.event.type, e.status, e.event.windowId])).toEqual([
      ['received', 'accepted', sj1.window.id],
      ['materialsChecked', 'accepted', sj1.window.id],
      ['noticeIssued', 'accepted', sj1.window.id],
      ['supplementReceived', 'accepted', sj2.window.id],
      ['accepted', 'accepted', sj2.window.id],
      ['decided', 'accepted', sj1.window.id],
      ['stamped', 'accepted', sj1.window.id],
      ['certificateIssued', 'accepted', sj1.window.id],
      ['delivered', 'accepted', sj2.window.id],
    ]);
    // both PCs hold one delivered case under SJ01's number, still SJ01's
    for (const h of [sj1, sj2]) {
      const got = (await call(h.t, h.clerk, 'cases.get', { caseId })) as {
        state: { status: string; caseNumber: string };
      };
      expect(got.state).toMatchObject({ status: 'delivered', caseNumber });
      const row = h.t.db.prepare('SELECT window_id FROM cases WHERE id = ?').get(caseId);
      expect(row).toEqual({ window_id: sj1.window.id });
    }
    expect(sj2.t.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
    await expectExactUnion(hall, [sj1.t, sj2.t]);
  });

  it('a second case for the same applicant and item is made with a reason, and the center keeps it', async () => {
    const { hall, sj1, sj2 } = await hallOf();
    const itemCode = sj1.window.itemCode;
    const first = (await call(sj1.t, sj1.clerk, 'cases.receive', {
      itemCode,
      applicant,
      channel: 'window',
    })) as { caseId: string };
    await syncUntilQuiet([sj1.t, sj2.t]);
    const reason = '申请人为另一门店另行申请';
    const second = (await call(sj2.t, sj2.clerk, 'cases.receive', {
      itemCode,
      applicant,
      channel: 'window',
      duplicateReason: reason,
    })) as { caseId: string; caseNumber: string };
    expect(second.caseNumber).toContain('-SJ02-');
    await syncUntilQuiet([sj1.t, sj2.t]);
    const [received] = await centerEvents(hall, second.caseId);
    expect(received).toMatchObject({
      status: 'accepted',
      event: { type: 'received', payload: { duplicateReason: reason } },
    });
    // the first case never carried a reason: nothing stood in its way
    const [firstReceived] = await centerEvents(hall, first.caseId);
    expect(firstReceived!.event.payload).not.toHaveProperty('duplicateReason');
  });

  it('two PCs accepting one case offline end in a recorded conflict both windows see, nothing lost', async () => {
    const { hall, sj1, sj2 } = await hallOf();
    const itemCode = sj1.window.itemCode;
    const { caseId } = (await call(sj1.t, sj1.clerk, 'cases.receive', {
      itemCode,
      applicant,
      channel: 'window',
    })) as { caseId: string };
    await call(sj1.t, sj1.clerk, 'cases.record', {
      caseId,
      type: 'materialsChecked',
      payload: {
        materials: itemMaterials(sj1.t, itemCode).map((m) => ({
          materialId: m.id,
          status: 'received',
        })),
      },
    });
    await syncUntilQuiet([sj1.t, sj2.t]);

    // the center is gone (the hall's network is down); both windows take the case in
    await hall.center.stop();
    const ours = (await call(sj1.t, sj1.clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: {},
    })) as { eventId: string };
    await call(sj2.t, sj2.clerk, 'cases.record', { caseId, type: 'accepted', payload: {} });
    expect((await sj1.t.sync.syncNow()).pending).toBeGreaterThan(0);
    await hall.restart();
    // SJ02 reaches the center first: the receiving window's own act is the one that conflicts
    await syncUntilQuiet([sj2.t]);
    await syncUntilQuiet([sj1.t, sj2.t]);

    const events = await centerEvents(hall, caseId);
    expect(events.map((e) => [e.event.type, e.status])).toEqual([
      ['received', 'accepted'],
      ['materialsChecked', 'accepted'],
      ['accepted', 'accepted'],
      ['accepted', 'conflicted'],
    ]);
    expect(events.at(-1)!.event.id).toBe(ours.eventId);
    expect(events.at(-1)!.conflict?.rule).toBeTruthy();

    for (const h of [sj1, sj2]) {
      // both windows list it, and count it in the header (SJ02 neither made it nor holds the
      // case: it is the department's), the case's row marked, the case itself accepted once
      const conflicts = (await call(h.t, h.clerk, 'cases.conflicts', {})) as unknown as {
        eventId: string;
        windowId: string;
      }[];
      expect(conflicts.map((c) => [c.eventId, c.windowId])).toEqual([
        [ours.eventId, sj1.window.id],
      ]);
      expect(h.t.sync.status().conflicts).toBe(1);
      const [row] = ((await call(h.t, h.clerk, 'cases.list', {})) as { rows: CaseRow[] }).rows;
      expect(row).toMatchObject({ id: caseId, status: 'accepted', conflicted: true });
      const got = (await call(h.t, h.clerk, 'cases.get', { caseId })) as {
        events: { id: string; syncState: string }[];
      };
      expect(got.events.find((e) => e.id === ours.eventId)?.syncState).toBe('conflicted');
    }
    await expectExactUnion(hall, [sj1.t, sj2.t]);
  });
});
