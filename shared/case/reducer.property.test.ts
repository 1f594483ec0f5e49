import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appealNoticeComplete } from './appeal';
import type { CaseEvent } from './events';
import { apply, evaluate } from './reducer';
import { acceptedByLawOnly, allowedEvents } from './rules';
import { isBlank } from './schema-parts';
import {
  currentReview,
  initialCaseState,
  isClosed,
  openPause,
  type CaseState,
  type OpenCase,
} from './state';
import { candidate, sequences, type Step } from './test-generator';

function requiredMaterialsCovered(
  before: OpenCase,
  event: Extract<CaseEvent, { type: 'accepted' }>,
): boolean {
  const waived = new Set(
    (event.payload.waivedMaterials ?? []).filter((w) => !isBlank(w.rule)).map((w) => w.materialId),
  );
  return before.materials.every(
    (m) => !m.required || m.status === 'received' || waived.has(m.materialId),
  );
}

/** What must hold of every reachable state, whatever path led there. */
function checkState(state: OpenCase, history: readonly CaseEvent[]): void {
  expect(state.eventCount).toBe(history.length);
  expect(state.lastEventId).toBe(history.at(-1)?.id);
  expect(history.every((e) => e.caseId === state.caseId)).toBe(true);

  expect(state.pauses.filter((p) => p.to === null).length).toBeLessThanOrEqual(1);
  for (const p of state.pauses) expect(isBlank(p.noticeRef) || isBlank(p.filingRef)).toBe(false);

  const decidedOrLater = ['decided', 'stamped', 'certificateIssued', 'delivered'].includes(
    state.status,
  );
  if (decidedOrLater) {
    expect(state.decision).not.toBeNull();
    expect(openPause(state)).toBeNull();
    // recorded 受理, or accepted by law (Art. 32(4)): never after a one-time notice — whether the
    // five days ran out is the timed rule's to judge (timed-rules.ts), not the fold's
    expect(state.acceptedAt !== null || state.notices.length === 0).toBe(true);
  }

  expect(history.filter((e) => e.type === 'extended').length).toBeLessThanOrEqual(1);
  if (state.extension) {
    expect(state.extension.workingDays).toBeGreaterThanOrEqual(1);
    expect(state.extension.workingDays).toBeLessThanOrEqual(state.item.extensionDays);
    expect(state.extension.workingDays).toBeLessThanOrEqual(state.item.joint ? 15 : 10);
  }

  const decision = state.decision;
  // a 报批件 is decided by the department, not at the window's 一审一核
  if (decision && state.item.reviewMode === 'twoPerson' && !state.referral) {
    const review = currentReview(state);
    expect(review).not.toBeNull();
    const check = state.reviews.at(-1);
    expect(check?.kind === 'check' && check.agree).toBe(true);
    expect(review?.by.userId).not.toBe(decision.by.userId);
    expect(check?.by.userId).not.toBe(review?.by.userId);
    expect(
      new Set([review?.by.userId, check?.by.userId, decision.by.userId]).size,
    ).toBeGreaterThanOrEqual(2);
  }
  if (decision?.decision.outcome === 'deny') {
    const d = decision.decision;
    expect([d.facts, d.reasons, d.legalBasis].some(isBlank)).toBe(false);
    expect(appealNoticeComplete(d.appealNotice)).toBe(true);
  }

  if (state.stamp) {
    expect(state.stamp.by.role).toBe('chief');
    expect(decision).not.toBeNull();
    expect(Date.parse(state.stamp.at)).toBeGreaterThanOrEqual(Date.parse(decision?.at ?? ''));
  }
  if (state.certificate) expect(decision?.decision.outcome).toBe('approve');

  expect(state.firstNotice ?? null).toEqual(state.notices[0]?.items ?? null);
  const first = new Set(state.firstNotice?.map((i) => i.materialId));
  for (const notice of state.notices) {
    const addsItems = notice.items.some((i) => !first.has(i.materialId));
    const recorded = state.violations.some(
      (v) => v.rule === 'notice.newItems' && v.eventId === notice.eventId,
    );
    expect(addsItems).toBe(recorded);
    if (recorded) expect(notice.by.role).toBe('supervisor');
  }

  if (state.refusal) {
    expect(isBlank(state.refusal.reasons) || isBlank(state.refusal.legalBasis)).toBe(false);
    if (state.refusal.ground === 'notThisAgency')
      expect(isBlank(state.refusal.rightAgency)).toBe(false);
  }
}

/** What must hold of each admitted step, comparing before and after. */
function checkStep(
  before: CaseState,
  event: CaseEvent,
  after: OpenCase,
  stampedDecision: string | null,
): void {
  expect(isClosed(before)).toBe(false);
  expect(allowedEvents(before, event.actor.role)).toContain(event.type);
  if (before.status === 'none') return expect(event.type).toBe('received');
  expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(Date.parse(before.lastOccurredAt));
  if (event.type === 'decided') expect(openPause(before)).toBeNull();
  // a 受理 recorded after the law accepted the case only gives its notice (rules.ts)
  if (event.type === 'accepted' && !acceptedByLawOnly(before)) {
    expect(requiredMaterialsCovered(before, event)).toBe(true);
  }
  // a sealed decision stays, unless a correction replaces it with a new one that names it
  if (stampedDecision !== null && event.type === 'corrected') {
    expect(after.decision?.correction?.corrects).toBe(stampedDecision);
    expect(after.stamp).toBeNull();
  } else if (stampedDecision !== null) expect(after.decision?.eventId).toBe(stampedDecision);
}

type Run = { state: CaseState; history: CaseEvent[]; seen: Set<string> };

function run(steps: readonly Step[]): Run {
  let state: CaseState = initialCaseState;
  const history: CaseEvent[] = [];
  const seen = new Set<string>();
  let clock = Date.parse('2025-03-03T09:00:00+08:00');
  steps.forEach((s, i) => {
    clock += s.minutes * 60_000;
    const event = candidate(state, s, i, clock);
    const result = evaluate(state, event);
    if (!result.ok) return;
    const after = result.state;
    if (after.status === 'none') throw new Error('a case cannot fold back to none');
    const stampedDecision =
      state.status !== 'none' && state.stamp ? (state.decision?.eventId ?? null) : null;
    checkStep(state, event, after, stampedDecision);
    history.push(event);
    checkState(after, history);
    state = after;
    seen.add(after.status);
  });
  return { state, history, seen };
}

describe('the reducer under random event sequences', () => {
  it('admits no sequence that reaches a state the rules forbid', () => {
    fc.assert(
      fc.property(sequences, (steps) => void run(steps)),
      { numRuns: 300 },
    );
  });

  it('replays any admitted sequence to the same state, every time, from memory or from JSON', () => {
    fc.assert(
      fc.property(sequences, (steps) => {
        const { state, history } = run(steps);
        const first = history.reduce(apply, initialCaseState);
        const second = history.reduce(apply, initialCaseState);
        const stored = (JSON.parse(JSON.stringify(history)) as CaseEvent[]).reduce(
          apply,
          initialCaseState,
        );
        expect(first).toStrictEqual(state);
        expect(second).toStrictEqual(first);
        expect(stored).toStrictEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('reaches deep states often enough for the invariants to mean something', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(sequences, (steps) => run(steps).seen.forEach((status) => reached.add(status))),
      { numRuns: 300, seed: 42 },
    );
    expect([...reached].sort()).toEqual(
      [
        'received',
        'awaitingSupplement',
        'accepted',
        'underReview',
        'reviewed',
        'referred',
        'decided',
        'stamped',
        'certificateIssued',
        'delivered',
        'refused',
        'withdrawn',
      ].sort(),
    );
  });
});
