import type { CaseEvent, EventOf } from './events';
import { firstBrokenRule, newNoticeItems } from './rules';
import { reject, RuleViolation, type Rejection } from './rule-ids';
import type { CaseState, MaterialState, OpenCase, PauseRecord } from './state';

export type Evaluation = { ok: true; state: CaseState } | Rejection;

function receive(event: EventOf<'received'>): OpenCase {
  const p = event.payload;
  return {
    status: 'received',
    caseId: event.caseId,
    caseNumber: p.caseNumber,
    item: p.item,
    applicant: p.applicant,
    // Absent optionals become null so that a fold from JSON and a fold from memory are equal.
    agent: p.agent ?? null,
    channel: p.channel,
    notes: p.notes ?? null,
    secondApplicationOf: p.secondApplicationOf ?? null,
    calendarVersion: p.calendarVersion,
    powers: p.powers ?? null,
    issuer: p.issuer ?? null,
    smsConsent: p.smsConsent ?? null,
    receivedAt: event.occurredAt,
    acceptedAt: null,
    refusedAt: null,
    decidedAt: null,
    stampedAt: null,
    certificateIssuedAt: null,
    deliveredAt: null,
    withdrawnAt: null,
    materials: p.item.materials.map((m) => ({
      materialId: m.id,
      name: m.name,
      required: m.required,
      status: 'pending',
      defect: null,
      waivedBy: null,
      files: [],
    })),
    firstNotice: null,
    notices: [],
    refusal: null,
    pauses: [],
    extension: null,
    reviews: [],
    referral: null,
    decision: null,
    stamp: null,
    superseded: [],
    certificate: null,
    delivery: null,
    withdrawal: null,
    rating: null,
    rectification: null,
    violations: [],
    eventCount: 0,
    lastEventId: event.id,
    lastOccurredAt: event.occurredAt,
  };
}

function updateMaterials(
  materials: readonly MaterialState[],
  changes: ReadonlyMap<string, Partial<MaterialState>>,
): MaterialState[] {
  return materials.map((m) => {
    const change = changes.get(m.materialId);
    return change ? { ...m, ...change } : m;
  });
}

function closeOpenPause(pauses: readonly PauseRecord[], at: string): PauseRecord[] {
  return pauses.map((p) => (p.to === null ? { ...p, to: at } : p));
}

const intake: readonly OpenCase['status'][] = ['received', 'awaitingSupplement'];

/** The state after an event the rules have already admitted. */
function advance(state: OpenCase, event: Exclude<CaseEvent, { type: 'received' }>): OpenCase {
  const at = event.occurredAt;
  const by = event.actor;
  switch (event.type) {
    case 'materialsChecked': {
      const changes = new Map(
        event.payload.materials.map((m) => [
          m.materialId,
          { status: m.status, defect: m.status === 'defective' ? (m.defect ?? null) : null },
        ]),
      );
      return { ...state, materials: updateMaterials(state.materials, changes) };
    }
    case 'noticeIssued': {
      const { items, returnBy, override } = event.payload;
      const added = newNoticeItems(state, items);
      const changes = new Map(
        items.map((i) => [
          i.materialId,
          { status: i.problem, defect: i.problem === 'defective' ? i.detail : null },
        ]),
      );
      return {
        ...state,
        status: 'awaitingSupplement',
        materials: updateMaterials(state.materials, changes),
        firstNotice: state.firstNotice ?? items,
        notices: [
          ...state.notices,
          {
            eventId: event.id,
            at,
            by,
            items,
            returnBy: returnBy ?? null,
            override: override ?? null,
          },
        ],
        violations:
          added.length > 0
            ? [...state.violations, { rule: 'notice.newItems', eventId: event.id }]
            : state.violations,
      };
    }
    case 'materialsAttached': {
      const changes = new Map(
        event.payload.materials.map((m) => [m.materialId, { files: m.files }]),
      );
      return { ...state, materials: updateMaterials(state.materials, changes) };
    }
    case 'supplementReceived': {
      const changes = new Map(
        event.payload.materialIds.map((id) => [id, { status: 'received' as const, defect: null }]),
      );
      const materials = updateMaterials(state.materials, changes);
      const asked = new Set(state.notices.at(-1)?.items.map((i) => i.materialId));
      const stillMissing = materials.some(
        (m) => asked.has(m.materialId) && m.status !== 'received',
      );
      return { ...state, materials, status: stillMissing ? 'awaitingSupplement' : 'received' };
    }
    case 'accepted': {
      const changes = new Map(
        (event.payload.waivedMaterials ?? []).map((w) => [w.materialId, { waivedBy: w.rule }]),
      );
      return {
        ...state,
        // a case the law accepted earlier has moved on (rules.ts acceptedByLawOnly): the record
        // gives the notice, it does not send the case back
        status: intake.includes(state.status) ? 'accepted' : state.status,
        acceptedAt: at,
        materials: updateMaterials(state.materials, changes),
        calendarVersion: event.payload.calendarVersion ?? state.calendarVersion,
      };
    }
    case 'refused':
      return {
        ...state,
        status: 'refused',
        refusedAt: at,
        refusal: { ...event.payload, eventId: event.id, by },
      };
    case 'reviewed': {
      const { opinion, recommendation } = event.payload;
      return {
        ...state,
        status: state.item.reviewMode === 'twoPerson' ? 'underReview' : 'reviewed',
        reviews: [
          ...state.reviews,
          { kind: 'review', eventId: event.id, at, by, opinion, recommendation },
        ],
      };
    }
    case 'checked': {
      const { opinion, agree } = event.payload;
      return {
        ...state,
        status: agree ? 'reviewed' : 'underReview',
        reviews: [...state.reviews, { kind: 'check', eventId: event.id, at, by, opinion, agree }],
      };
    }
    case 'paused': {
      const p = event.payload;
      const pause: PauseRecord = {
        eventId: event.id,
        procedure: p.procedure,
        from: at,
        to: null,
        expectedWorkingDays: p.expectedWorkingDays,
        noticeRef: p.applicantNoticeRef,
        filingRef: p.centerFilingRef,
      };
      return { ...state, pauses: [...state.pauses, pause] };
    }
    case 'resumed':
      return { ...state, pauses: closeOpenPause(state.pauses, at) };
    case 'extended':
      return { ...state, extension: { ...event.payload, eventId: event.id, at, by } };
    case 'referred':
      return {
        ...state,
        status: 'referred',
        referral: { ...event.payload, eventId: event.id, at, by },
      };
    case 'decided':
      return {
        ...state,
        status: 'decided',
        decidedAt: at,
        // reconsidering a correction before its seal keeps what it corrects
        decision: {
          eventId: event.id,
          at,
          by,
          decision: event.payload,
          correction: state.decision?.correction ?? null,
        },
      };
    case 'stamped':
      return {
        ...state,
        status: 'stamped',
        // the decision clock stopped at the first seal: a later correction does not restart it
        stampedAt: state.stampedAt ?? at,
        stamp: { eventId: event.id, at, by, ...event.payload },
      };
    case 'corrected': {
      // the rules admit a correction only of a sealed decision
      const superseded = {
        decision: state.decision!,
        stamp: state.stamp!,
        certificate: state.certificate,
        delivery: state.delivery,
        correctedBy: event.id,
      };
      return {
        ...state,
        status: 'decided',
        decision: {
          eventId: event.id,
          at,
          by,
          decision: event.payload.decision,
          correction: { corrects: superseded.decision.eventId, reason: event.payload.reason },
        },
        stamp: null,
        certificate: null,
        certificateIssuedAt: null,
        // what was delivered was the corrected decision: the new one must be delivered again
        delivery: null,
        deliveredAt: null,
        superseded: [...state.superseded, superseded],
      };
    }
    case 'certificateIssued':
      return {
        ...state,
        status: 'certificateIssued',
        certificateIssuedAt: at,
        certificate: {
          eventId: event.id,
          at,
          certificateNumber: event.payload.certificateNumber,
          validUntil: event.payload.validUntil ?? null,
        },
      };
    case 'delivered':
      return {
        ...state,
        status: 'delivered',
        deliveredAt: at,
        delivery: { ...event.payload, eventId: event.id, at, by },
      };
    case 'withdrawn':
      // A special procedure cannot outlive the application it belongs to.
      return {
        ...state,
        status: 'withdrawn',
        withdrawnAt: at,
        withdrawal: { reason: event.payload.reason },
        pauses: closeOpenPause(state.pauses, at),
      };
    case 'rated':
      return {
        ...state,
        rating: {
          eventId: event.id,
          at,
          score: event.payload.score,
          comment: event.payload.comment ?? null,
        },
      };
    case 'rectified':
      return {
        ...state,
        rectification: { eventId: event.id, at, by, measures: event.payload.measures },
      };
    case 'calendarRevised':
      // the new calendar governs from here; the events before keep the dates they printed
      return {
        ...state,
        calendarVersion: event.payload.calendarVersion,
        calendarRevisions: [
          ...(state.calendarRevisions ?? []),
          { eventId: event.id, at, by, from: state.calendarVersion, ...event.payload },
        ],
      };
  }
}

/** Checks `event` against every rule and, when it passes, returns the state after it. */
export function evaluate(state: CaseState, event: CaseEvent): Evaluation {
  const broken = firstBrokenRule(state, event);
  if (broken) return broken;
  let next: OpenCase;
  if (event.type === 'received') next = receive(event);
  // Unreachable after firstBrokenRule; it narrows `state` for the compiler.
  else if (state.status === 'none') return reject('case.firstMustBeReceived');
  else next = advance(state, event);
  return {
    ok: true,
    state: {
      ...next,
      eventCount: (state.status === 'none' ? 0 : state.eventCount) + 1,
      lastEventId: event.id,
      lastOccurredAt: event.occurredAt,
    },
  };
}

/** The reducer: `events.reduce(apply, initialCaseState)`. Throws RuleViolation on a forbidden event. */
export function apply(state: CaseState, event: CaseEvent): CaseState {
  const result = evaluate(state, event);
  if (!result.ok) throw new RuleViolation(result.rule, result.message);
  return result.state;
}
