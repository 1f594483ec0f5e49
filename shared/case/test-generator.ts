import fc from 'fast-check';
import type { Calendar } from '../calendar';
import type { Actor, CaseEvent } from './events';
import { caseEventSchema, caseEventTypes } from './events';
import type { CaseEventType, ItemSnapshot } from './payloads';
import { evaluate } from './reducer';
import { roles } from './roles';
import { allowedEventsNow } from './timed-rules';
import { initialCaseState, type CaseState } from './state';
import { brokenTimedRule } from './timed-rules';
import { brokenNoticeRule } from './notice-rules';
import { appealNotice, type AppealBodies } from './appeal';
import {
  jointItem,
  people,
  receivedPayload,
  shanghaiIso,
  singleItem,
  twoPersonItem,
} from './test-fixtures';

// Random case logs for property tests: the reducer's own invariants (reducer.property.test.ts)
// and the agreement of the terminal's and the center's projections (tests/parity).

const pool: readonly Actor[] = Object.values(people);
const items: readonly ItemSnapshot[] = [singleItem, twoPersonItem, jointItem];

/** One random step: what to try, by whom, how (in)valid, how much later. */
export type Step = {
  guided: boolean;
  pick: number;
  actor: number;
  variant: number;
  bits: number;
  minutes: number;
};

export const stepArb: fc.Arbitrary<Step> = fc.record({
  // Nine steps in ten follow what the UI offers, so sequences get deep; the rest is anything.
  guided: fc.nat(9).map((n) => n < 9),
  pick: fc.nat(1000),
  actor: fc.nat(1000),
  variant: fc.nat(9),
  bits: fc.nat(255),
  // Mostly forward in time, sometimes a little backwards: the rules must catch that too.
  minutes: fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0, max: 3 * 24 * 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: -120, max: -1 }) },
  ),
});

function at<T>(list: readonly T[], index: number): T {
  const value = list[index % list.length];
  if (value === undefined) throw new Error('empty list');
  return value;
}

/** Some of the item's material ids chosen by `bits`, at least one; variant 0 slips in an unknown one. */
function someMaterials(state: CaseState, bits: number, variant: number): string[] {
  const ids = state.status === 'none' ? ['m1'] : state.materials.map((m) => m.materialId);
  const chosen = ids.filter((_, i) => (bits >> i) & 1);
  const base = chosen.length > 0 ? chosen : [at(ids, bits)];
  return variant === 0 ? [...base, 'm9'] : base;
}

/** Blank on variant 0: the invalid twin of a required text. */
const textOr = (variant: number, value: string) => (variant === 0 ? ' ' : value);

function payloadFor(type: CaseEventType, state: CaseState, s: Step, actor: Actor): unknown {
  const v = s.variant;
  switch (type) {
    case 'received': {
      // some windows lack 审批 (报批件), 制证 or even 受理 for the item
      const powers = at(
        ['all', ['accept', 'deliver'], ['accept', 'approve', 'deliver'], ['approve']] as const,
        v,
      );
      return { ...receivedPayload(at(items, s.bits)), ...(powers === 'all' ? {} : { powers }) };
    }
    case 'materialsChecked':
      return {
        materials: someMaterials(state, s.bits, v).map((materialId, i) => {
          const status = at(
            ['received', 'received', 'missing', 'defective'] as const,
            (s.bits >> (2 * i)) + v,
          );
          return status === 'defective'
            ? { materialId, status, defect: '复印件不清' }
            : { materialId, status };
        }),
      };
    case 'noticeIssued': {
      const ids = someMaterials(state, s.bits, v === 1 ? 0 : v);
      // a notice whose seal nobody recorded, now and then (intakeSeal.missing)
      const override =
        actor.role === 'supervisor' || v === 2
          ? { override: { supervisorId: v === 3 ? 'x' : actor.userId, reason: '监察同意' } }
          : {};
      return {
        items: ids.map((materialId) => ({
          materialId,
          problem: v % 2 ? 'missing' : 'defective',
          detail: '须补正',
        })),
        ...override,
        ...(v === 7 ? {} : sealed),
      };
    }
    case 'supplementReceived':
      return { materialIds: someMaterials(state, s.bits, v) };
    case 'materialsAttached':
      return {
        materials: someMaterials(state, s.bits, v).map((materialId, i) => ({
          materialId,
          files: Array.from({ length: (s.bits >> i) & 3 }, (_, page) => ({
            sha256: `${materialId}${page}`.padEnd(64, '0').replace(/[^0-9a-f]/g, 'e'),
            mediaType: 'image/jpeg',
            bytes: 150_000 + page,
            source: 'camera',
          })),
        })),
      };
    case 'accepted':
      return v < 5
        ? v === 4
          ? {}
          : sealed
        : {
            ...sealed,
            waivedMaterials: someMaterials(state, s.bits, v - 5).map((materialId) => ({
              materialId,
              rule: textOr(v - 5, '容缺〔2025〕1号'),
            })),
          };
    case 'refused': {
      const ground = at(['noLicenceNeeded', 'notThisAgency', 'other'] as const, s.bits);
      return {
        ground,
        reasons: textOr(v, '不符合受理条件'),
        legalBasis: textOr(v - 1, '《行政许可法》第三十二条'),
        ...(ground === 'notThisAgency' && v !== 2 ? { rightAgency: '区卫生健康委' } : {}),
        // now and then without the appeal bodies (appeal.bodies)
        ...(v === 4 ? {} : { ...sealed, appealNotice: appealNotice('市场监督管理局', bodies) }),
      };
    }
    case 'reviewed':
      return { opinion: '审查意见', recommendation: v % 2 ? 'approve' : 'deny' };
    case 'checked':
      return { opinion: '复核意见', agree: v !== 0 };
    case 'paused':
      return {
        procedure: 'inspection',
        expectedWorkingDays: 3,
        applicantNoticeRef: textOr(v, '特告1号'),
        centerFilingRef: textOr(v - 1, '中心备1号'),
      };
    case 'resumed':
      return {};
    case 'extended':
      return {
        workingDays: s.bits % 18,
        approver: textOr(v, '局长'),
        reason: textOr(v - 1, '情况复杂'),
        applicantNoticeRef: '延告1号',
      };
    case 'decided':
      // the generator's items let the decision set the validity: one without it is refused
      if (v >= 5) {
        return { outcome: 'approve', granted: '准予许可', ...(v === 6 ? {} : { validUntil }) };
      }
      return {
        outcome: 'deny',
        facts: textOr(v, '事实'),
        reasons: textOr(v - 1, '理由'),
        legalBasis: textOr(v - 2, '依据'),
        appealNotice:
          v === 3
            ? { reconsiderationDays: 60, litigationMonths: 6, text: '可以申请行政复议。' }
            : v === 4
              ? appealNotice()
              : appealNotice('市场监督管理局', bodies),
      };
    case 'stamped':
      // mostly on the decision in force; sometimes on one that is not
      return {
        decisionEventId:
          v === 0 || state.status === 'none' ? 'no-such' : (state.decision?.eventId ?? 'none'),
        decisionHash: `h${s.bits}`,
        decisionNumber: `N${s.bits}`,
      };
    case 'referred':
      return { department: textOr(v, '市场监督管理局'), holder: '审批科' };
    case 'corrected':
      return {
        reason: textOr(v, '笔误'),
        decision: { outcome: 'approve', granted: '准予许可（更正）', validUntil },
      };
    case 'rectified':
      return { measures: textOr(v, '已回访并改进') };
    case 'calendarRevised':
      return {
        // variant 0: the version the case already counts on, which the reducer refuses
        calendarVersion:
          v === 0 && state.status !== 'none' ? state.calendarVersion : `cal-${s.bits}`,
        changes: [{ clock: 'statutory', from: '2027-01-01', to: '2027-01-04' }],
      };
    case 'certificateIssued':
      return { certificateNumber: `C${s.bits}` };
    case 'delivered':
      return v % 3 === 1
        ? {
            method: 'post',
            recipient: '申请人',
            ...(v === 1 ? {} : { address: '某路1号', receiptRef: `R${s.bits}` }),
          }
        : { method: 'window', recipient: '申请人' };
    case 'withdrawn':
      return { reason: '申请人撤回' };
    case 'rated':
      return { score: 1 + (s.bits % 5) };
  }
}

// what a terminal writes into notices since issue 14 (part B2), for the payloads above
const sealed = { intakeSeal: 'printed' } as const;
const bodies: AppealBodies = { reconsiderationBody: '示范区人民政府', court: '示范区人民法院' };
/** far after any generated decision: the validity a chief enters */
const validUntil = '2040-12-31';

/**
 * A candidate event: guided steps pick a type the UI would offer to some role and an actor of that
 * role (mostly valid, with invalid payload variants); unguided steps pick anything by anyone.
 */
export function candidate(state: CaseState, s: Step, id: number, clock: number): CaseEvent {
  let type: CaseEventType = at(caseEventTypes, s.pick);
  let actor = at(pool, s.actor);
  if (s.guided) {
    // Ending the case is always on offer; taking it rarely lets sequences reach the seal and delivery.
    const ending = (t: CaseEventType) => t === 'refused' || t === 'withdrawn';
    const offered = roles
      // what the UI offers within the five days of Art. 32(4): a case the law accepted is
      // reached by the unguided steps (the reducer alone admits it; timed-rules.ts judges it)
      .flatMap((role) => allowedEventsNow(state, role, null).map((t) => [role, t] as const))
      .filter(([, t]) => !ending(t) || s.variant === 0);
    if (offered.length > 0) {
      const [role, t] = at(offered, s.pick);
      type = t;
      actor = at(
        pool.filter((p) => p.role === role),
        s.actor,
      );
    }
  }
  return {
    id: `e${id}`,
    caseId: s.variant === 9 && s.bits === 0 ? 'other-case' : 'case-1',
    type,
    payload: payloadFor(type, state, s, actor),
    actor,
    windowId: 'w-01',
    occurredAt: shanghaiIso(clock),
  } as CaseEvent;
}

/** Up to 80 steps: enough to reach the seal, delivery and a rating. */
export const sequences = fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' });

/**
 * The events of one case that a terminal would store, from the steps, starting at `start` (ms):
 * those that parse with the event schema (main parses every command) and that the reducer admits
 * — and, given the calendar the case is measured on, that the timed rules admit too (a terminal
 * refuses a late notice, an extension after expiry, a refusal on no ground of Art. 32), and the
 * rules of what a notice must carry (an unsealed notice, a denial naming no 复议机关 …).
 */
export function admittedLog(steps: readonly Step[], start: number, cal?: Calendar): CaseEvent[] {
  let state: CaseState = initialCaseState;
  const log: CaseEvent[] = [];
  let clock = start;
  steps.forEach((s, i) => {
    clock += s.minutes * 60_000;
    const event = candidate(state, s, i, clock);
    if (!caseEventSchema.safeParse(event).success) return;
    if (cal && state.status !== 'none') {
      // the log's cases are pinned to the caller's calendar once generated: measured on it here;
      // a generated 期限变更告知书 names a made-up version no PC holds, which a terminal never
      // writes (it moves a case only onto the calendar it holds), so such a log keeps none
      if (event.type === 'calendarRevised') return;
      const pinned = { ...state, calendarVersion: cal.version };
      if (brokenTimedRule(pinned, event, cal) ?? brokenNoticeRule(pinned, event, cal)) return;
    }
    const verdict = evaluate(state, event);
    if (!verdict.ok) return;
    log.push(event);
    state = verdict.state;
  });
  return log;
}
