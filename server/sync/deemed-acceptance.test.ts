import { expect, it } from 'vitest';
import type { CaseEvent } from '../../shared/case';
import { eachDialect } from '../db/test-db';
import { superviseOpenCases } from '../supervision/engine';
import { actors, caseScript, seedHall, syncHarness } from './test-support';

// Issue 16 part P, the center's side of a deemed acceptance (Art. 32(4)): a chief's decision on a
// case nobody recorded 受理 for is taken once the five working days ran out — judged at the
// event's time with the terminal's own timed rule — and refused before. The clerk's later 受理,
// which gives the applicant the notice owed, is taken in whatever order it reaches the center.
// Received Monday 2025-03-03 09:00: completeness ends Monday 10 March 24:00.

const at = (event: CaseEvent, occurredAt: string): CaseEvent => ({ ...event, occurredAt });

eachDialect('sync: a deemed acceptance at the center', (t) => {
  const setup = async () => {
    await seedHall(t().db);
    const h = syncHarness(t(), () => new Date('2025-03-12T10:00:00+08:00'));
    return await h.enroll('w-sj-1');
  };
  const caseRow = (caseId: string) =>
    t()
      .db.selectFrom('cases')
      .select(['status', 'state'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();

  it('takes the decision of a case deemed accepted, then the late 受理 that issues its notice', async () => {
    const device = await setup();
    const s = caseScript();
    const decided = at(s.decided(), '2025-03-11T09:00:00+08:00');
    const accepted = at(s.accepted(), '2025-03-11T10:00:00+08:00');
    const res = await device.pushOk(device.sign([s.received(), decided, accepted]));
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const row = await caseRow(s.caseId);
    expect(row.status).toBe('decided');
    // the 受理 recorded after the decision leaves the case where it was
    expect(JSON.parse(row.state)).toMatchObject({
      status: 'decided',
      acceptedAt: '2025-03-11T10:00:00+08:00',
    });
  });

  it('lists a case past its five days as accepted, though no event says so', async () => {
    const device = await setup();
    const s = caseScript();
    const res = await device.pushOk(device.sign([s.received()]));
    expect(res.results.map((r) => r.status)).toEqual(['accepted']);
    // the center measured it at the push (12 March): the law accepted it on 3 March
    expect((await caseRow(s.caseId)).status).toBe('accepted');
  });

  it('lists a case as accepted once its five days run out with no push at all', async () => {
    const device = await setup();
    // received Tuesday 11 March: its fifth working day is Tuesday 18 March
    const s = caseScript({ start: '2025-03-11T09:00:00+08:00' });
    await device.pushOk(device.sign([s.received()]));
    expect((await caseRow(s.caseId)).status).toBe('received');
    // nobody touches it; the supervision timer measures it on the sixth working day
    await superviseOpenCases(t().db, new Date('2025-03-18T17:00:00+08:00'));
    expect((await caseRow(s.caseId)).status).toBe('received');
    await superviseOpenCases(t().db, new Date('2025-03-19T08:30:00+08:00'));
    expect((await caseRow(s.caseId)).status).toBe('accepted');
  });

  it('stores a decision before the five days ran out as conflicted', async () => {
    const device = await setup();
    const s = caseScript();
    const early = at(s.decided(), '2025-03-10T17:00:00+08:00');
    const res = await device.pushOk(device.sign([s.received(), early]));
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'conflicted']);
    expect(res.results[1]!.conflict).toMatchObject({ rule: 'intake.notYetAccepted' });
    // a reviewer's review is no different
    const review = at(
      s.next('reviewed', { opinion: '符合条件', recommendation: 'approve' }, actors.reviewer),
      '2025-03-10T17:30:00+08:00',
    );
    const again = await device.pushOk(device.sign([review]));
    expect(again.results[0]).toMatchObject({
      status: 'conflicted',
      conflict: { rule: 'intake.notYetAccepted' },
    });
  });
});
