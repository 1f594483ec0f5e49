import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createCalendar, officialCalendarData } from '../../shared/calendar';
import {
  brokenTimedRule,
  evaluate,
  initialCaseState,
  type CaseEvent,
  type CaseState,
} from '../../shared/case';
import { casePart, type PushResponse, type WireEvent } from '../../shared/sync';
import { eachDialect } from '../db/test-db';
import {
  actors,
  caseScript,
  reviewedCase,
  seedHall,
  syncHarness,
  type TestDevice,
} from './test-support';

// the calendar every scripted case is pinned to (test-support's caseScript)
const calendar = createCalendar(officialCalendarData());

type Step = { device: number; take: number; back: number; twice: boolean };

const step: fc.Arbitrary<Step> = fc.record({
  device: fc.integer({ min: 0, max: 2 }),
  take: fc.integer({ min: 0, max: 3 }),
  back: fc.integer({ min: 0, max: 3 }),
  twice: fc.boolean(),
});

eachDialect('sync: interleaved pushes (property)', (t) => {
  it('any interleaving of three devices’ pushes, replays and duplicates stores each event once', async () => {
    await seedHall(t().db);
    const h = syncHarness(t());
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 10 }), async (steps) => {
        const devices = [
          await h.enroll('w-sj-1'),
          await h.enroll('w-sj-2'),
          await h.enroll('w-zj-1'),
        ];
        const chains = chainsFor(devices);
        const acked = [0, 0, 0];
        const answers = new Map<string, number>();
        const record = (res: PushResponse) => {
          for (const r of res.results) {
            // an event sent again gets its first answer again
            expect(answers.get(r.id) ?? r.serverSeq).toBe(r.serverSeq);
            answers.set(r.id, r.serverSeq);
          }
        };
        for (const s of steps) {
          const chain = chains[s.device]!;
          const from = Math.max(0, acked[s.device]! - s.back);
          const batch = chain.slice(from, acked[s.device]! + s.take);
          if (batch.length === 0) continue;
          const device = devices[s.device]!;
          const res = await device.pushOk(batch);
          record(res);
          if (s.twice) expect(await device.pushOk(batch)).toEqual(res);
          acked[s.device] = from + batch.length;
          expect(res.lastSeq).toBe(acked[s.device]);
        }
        // then every terminal flushes at once, each re-sending its last acknowledged event
        const flushed = await Promise.all(
          devices.map((d, i) => d.pushOk(chains[i]!.slice(Math.max(0, acked[i]! - 1)))),
        );
        flushed.forEach(record);

        const ids = devices.map((d) => d.id);
        const stored = await t()
          .db.selectFrom('events')
          .selectAll()
          .where('device_id', 'in', ids)
          .orderBy('server_seq')
          .execute();
        const sent = chains.flat();
        expect(stored.map((e) => e.id).sort()).toEqual(sent.map((e) => e.id).sort());
        expect(stored.map((e) => e.server_seq)).toEqual(
          sent.map((e) => answers.get(e.id)).sort((a, b) => a! - b!),
        );
        await expectProjectionIsTheFold(stored, sent);
      }),
      { numRuns: 12 },
    );
  });

  /**
   * Every case row is the fold of its accepted events in server order; each conflicted one failed
   * there — by the reducer, or by a timed rule at the event's time (a decision on a case the law
   * has not accepted yet, issue 16 part P), as the center judges.
   */
  async function expectProjectionIsTheFold(
    stored: { id: string; case_id: string; status: string }[],
    sent: readonly WireEvent[],
  ) {
    const byId = new Map(sent.map((e) => [e.id, casePart(e) as CaseEvent]));
    const states = new Map<string, CaseState>();
    for (const row of stored) {
      const before = states.get(row.case_id) ?? initialCaseState;
      const event = byId.get(row.id)!;
      const late = brokenTimedRule(before, event, calendar);
      const verdict = late ?? evaluate(before, event);
      expect(verdict.ok).toBe(row.status === 'accepted');
      if (verdict.ok) states.set(row.case_id, verdict.state);
    }
    for (const [caseId, state] of states) {
      const row = await t()
        .db.selectFrom('cases')
        .select('state')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.state)).toEqual(state);
    }
  }
});

/**
 * Three chains: the first two devices (one department) both decide the same case, so some
 * interleavings store one decision as conflicted; the third is another department's.
 */
function chainsFor(devices: readonly TestDevice[]): WireEvent[][] {
  const [one, two, three] = devices as [TestDevice, TestDevice, TestDevice];
  const shared = reviewedCase();
  const mine = shared.script.decided(actors.chief, 'w-sj-1');
  const theirs = shared.script.decided(actors.chief2, 'w-sj-2');
  const own = caseScript({ windowId: 'w-sj-2' });
  const other = caseScript({ windowId: 'w-zj-1', departmentCode: 'ZJ' });
  return [
    one.sign([...shared.events, mine]),
    two.sign([own.received(), own.checked(), theirs]),
    three.sign([other.received(), other.checked(), other.accepted()]),
  ];
}
