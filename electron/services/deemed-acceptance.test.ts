import { describe, expect, it } from 'vitest';
import { personApplicant } from '../../tests/support/applicants';
import { attempt, call, terminalAt as setup } from '../../tests/support/terminal-api';

// Issue 16 part P, Art. 32(4) of the 行政许可法: five working days after receipt without a one-time
// notice, the application counts as accepted on the day it was received. The case moves on by
// itself — listed as accepted, on the chief's desk, decidable — with no event recorded for it.

type Row = {
  id: string;
  status: string;
  step?: string;
  deemedAcceptedOn: string | null;
  acceptanceNoticeOwed: boolean;
};
type Queue = { rows: Row[] };
type List = { rows: Row[] };
type Doc = { kind: string; acceptedAt?: string | null; deemedAccepted?: boolean };

describe('a case deemed accepted (Art. 32(4))', () => {
  it('joins the chief’s desk on the sixth working day with its receipt date as acceptance date, and is decided there', async () => {
    // received Monday 2 March 2026, 09:00 in Beijing; nobody checks it or issues a notice
    const { t, as, setNow } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const chief = await as('chief');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(3),
      channel: 'window',
    });
    const desk = async () => ((await call(t, chief, 'cases.queue', {})) as Queue).rows;
    const approve = { outcome: 'approve', granted: '食品经营许可证', validUntil: '2031-03-01' };

    // Monday 9 March, the fifth working day: the law has not accepted it yet
    setNow('2026-03-09T17:00:00+08:00');
    expect(await desk()).toEqual([]);
    const early = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: approve,
    });
    expect(!early.ok && early.error).toMatchObject({
      code: 'not_allowed',
      rule: 'intake.notYetAccepted',
    });

    // Tuesday 10 March, the sixth working day: accepted by law on 2 March, on the desk
    setNow('2026-03-10T08:30:00+08:00');
    expect(await desk()).toMatchObject([
      {
        id: caseId,
        status: 'accepted',
        step: 'decide',
        deemedAcceptedOn: '2026-03-02',
        acceptanceNoticeOwed: true,
      },
    ]);
    // the window's own list says so too, and prompts for the acceptance notice
    const list = (await call(t, clerk, 'cases.list', {})) as List;
    expect(list.rows.find((r) => r.id === caseId)).toMatchObject({
      status: 'accepted',
      deemedAcceptedOn: '2026-03-02',
      acceptanceNoticeOwed: true,
    });
    // no event was written for it: the fold still says 'received', the clocks say accepted
    const before = (await call(t, chief, 'cases.get', { caseId })) as {
      state: { status: string; acceptedAt: string | null };
      events: unknown[];
      clocks: { kind: string; deadline: { date: string } }[];
    };
    expect(before.events).toHaveLength(1);
    expect(before.state).toMatchObject({ status: 'received', acceptedAt: null });
    // the decision limits run from the day of receipt: 5 working days → Monday 9 March
    expect(before.clocks.find((c) => c.kind === 'promised')?.deadline.date).toBe('2026-03-09');

    // the chief decides it from the desk and seals it
    await call(t, chief, 'cases.record', { caseId, type: 'decided', payload: approve });
    const sealPin = t.demoAccounts.find((a) => a.role === 'chief')!.sealPin!;
    const stamp = (await call(t, chief, 'cases.stamp', { caseId, pin: sealPin })) as {
      eventId: string;
    };
    expect((await desk()).find((r) => r.id === caseId)).toMatchObject({ step: 'certificate' });
    const decision = (await call(t, chief, 'documents.get', {
      caseId,
      eventId: stamp.eventId,
    })) as Doc;
    // the decision says the application was accepted on the day of receipt, by law
    expect(decision).toMatchObject({
      kind: 'decision',
      acceptedAt: '2026-03-02',
      deemedAccepted: true,
    });

    // the window still owes the acceptance notice: recording 受理 now gives it, the case stays sealed
    const accepted = (await call(t, clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: { intakeSeal: 'printed' },
    })) as { eventId: string; status: string };
    expect(accepted.status).toBe('stamped');
    const notice = (await call(t, clerk, 'documents.get', {
      caseId,
      eventId: accepted.eventId,
    })) as Doc & { deemedAcceptedOn: string | null; promisedDate: string };
    expect(notice).toMatchObject({
      kind: 'acceptance',
      deemedAcceptedOn: '2026-03-02',
      promisedDate: '2026-03-09',
    });
    const after = (await call(t, clerk, 'cases.list', {})) as List;
    expect(after.rows.find((r) => r.id === caseId)).toMatchObject({
      status: 'stamped',
      acceptanceNoticeOwed: false,
    });
    // and only once: a second 受理 has nothing left to record
    const again = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: { intakeSeal: 'printed' },
    });
    expect(!again.ok && again.error.rule).toBe('status.notAllowed');
  });

  it('keeps a case with a timely one-time notice off the desk', async () => {
    const { t, as, setNow } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const chief = await as('chief');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(4),
      channel: 'window',
    });
    setNow('2026-03-04T09:00:00+08:00');
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'materialsChecked',
      payload: { materials: [{ materialId: 'm1', status: 'missing' }] },
    });
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'noticeIssued',
      payload: {
        items: [{ materialId: 'm1', problem: 'missing', detail: '未提交' }],
        intakeSeal: 'printed',
      },
    });
    setNow('2026-03-16T09:00:00+08:00');
    expect(((await call(t, chief, 'cases.queue', {})) as Queue).rows).toEqual([]);
    const list = (await call(t, clerk, 'cases.list', {})) as List;
    expect(list.rows[0]).toMatchObject({
      status: 'awaitingSupplement',
      deemedAcceptedOn: null,
      acceptanceNoticeOwed: false,
    });
    const decided = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: { outcome: 'approve', granted: '食品经营许可证' },
    });
    expect(!decided.ok && decided.error.rule).toBe('status.notAllowed');
  });

  it('issues the acceptance notice the law owes whatever the materials check found, and only then', async () => {
    const { t, as, setNow } = setup('2026-03-02T09:00:00+08:00');
    const clerk = await as('clerk');
    const { caseId } = await call(t, clerk, 'cases.receive', {
      itemCode: 'SJ-002',
      applicant: personApplicant(5),
      channel: 'window',
    });
    const item = (await call(t, clerk, 'catalog.item', { code: 'SJ-002' })) as {
      materials: { id: string; required: boolean }[];
    };
    const [missing, ...rest] = item.materials.filter((m) => m.required);
    const deemedNotice = { intakeSeal: 'printed', deemed: true };
    // the fifth working day: the law has not accepted it, so the record may not say so
    setNow('2026-03-09T17:00:00+08:00');
    const early = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: deemedNotice,
    });
    expect(!early.ok && early.error.rule).toBe('intake.notDeemed');

    // the sixth: a required material was found missing, which cannot undo the law's acceptance
    setNow('2026-03-10T09:00:00+08:00');
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'materialsChecked',
      payload: {
        materials: [
          { materialId: missing!.id, status: 'missing' },
          ...rest.map((m) => ({ materialId: m.id, status: 'received' })),
        ],
      },
    });
    const onMaterials = await attempt(t, clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: { intakeSeal: 'printed' },
    });
    expect(!onMaterials.ok && onMaterials.error.rule).toBe('accept.materialsIncomplete');
    const issued = (await call(t, clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: deemedNotice,
    })) as { eventId: string };
    const notice = (await call(t, clerk, 'documents.get', {
      caseId,
      eventId: issued.eventId,
    })) as Doc & { deemedAcceptedOn: string | null };
    expect(notice).toMatchObject({ kind: 'acceptance', deemedAcceptedOn: '2026-03-02' });
  });
});
