import type { Actor } from './events';
import type {
  Agent,
  Applicant,
  CaseEventPayload,
  Decision,
  ItemSnapshot,
  NoticeItem,
  SpecialProcedure,
} from './payloads';
import type { RuleId } from './rule-ids';

export type CaseStatus =
  | 'none'
  | 'received'
  | 'awaitingSupplement'
  | 'accepted'
  /** reviewed but not yet cleared for decision: a two-person item waits for its re-check */
  | 'underReview'
  /** ready for the chief's decision */
  | 'reviewed'
  | 'decided'
  | 'stamped'
  | 'certificateIssued'
  | 'delivered'
  | 'refused'
  | 'withdrawn';

/** 'pending' until a clerk has looked at it; a supplement makes it 'received' again. */
export type MaterialStatus = 'pending' | 'received' | 'missing' | 'defective';

export type MaterialState = {
  materialId: string;
  name: string;
  required: boolean;
  status: MaterialStatus;
  defect: string | null;
  /** the 容缺 rule under which acceptance went ahead without it */
  waivedBy: string | null;
};

export type NoticeRecord = {
  eventId: string;
  at: string;
  by: Actor;
  items: readonly NoticeItem[];
  returnBy: string | null;
  override: { supervisorId: string; reason: string } | null;
};

export type PauseRecord = {
  eventId: string;
  procedure: SpecialProcedure;
  from: string;
  to: string | null;
  expectedWorkingDays: number;
  noticeRef: string;
  filingRef: string;
};

export type ExtensionRecord = CaseEventPayload<'extended'> & {
  eventId: string;
  at: string;
  by: Actor;
};

export type ReviewRecord =
  | {
      kind: 'review';
      eventId: string;
      at: string;
      by: Actor;
      opinion: string;
      recommendation: 'approve' | 'deny';
    }
  | { kind: 'check'; eventId: string; at: string; by: Actor; opinion: string; agree: boolean };

export type DecisionRecord = { eventId: string; at: string; by: Actor; decision: Decision };

export type StampRecord = { eventId: string; at: string; by: Actor; decisionHash: string };

/** A supervision violation the rules let through (a supervisor's override) but must never forget. */
export type SupervisionViolation = { rule: RuleId; eventId: string };

export type NoCase = { status: 'none' };

export type OpenCase = {
  status: Exclude<CaseStatus, 'none'>;
  caseId: string;
  caseNumber: string;
  item: ItemSnapshot;
  applicant: Applicant;
  agent: Agent | null;
  channel: 'window' | 'online';
  notes: string | null;
  secondApplicationOf: string | null;
  /** the center and department that received the case, as they were named then */
  issuer: { centerName: string; departmentName: string } | null;
  /** the calendar the printed deadlines were computed with; clocks must use the same one */
  calendarVersion: string;
  receivedAt: string;
  acceptedAt: string | null;
  refusedAt: string | null;
  decidedAt: string | null;
  stampedAt: string | null;
  certificateIssuedAt: string | null;
  deliveredAt: string | null;
  withdrawnAt: string | null;
  materials: readonly MaterialState[];
  /** frozen at the first one-time notice: later notices may only repeat these materials */
  firstNotice: readonly NoticeItem[] | null;
  notices: readonly NoticeRecord[];
  refusal: (CaseEventPayload<'refused'> & { eventId: string; by: Actor }) | null;
  pauses: readonly PauseRecord[];
  extension: ExtensionRecord | null;
  reviews: readonly ReviewRecord[];
  decision: DecisionRecord | null;
  stamp: StampRecord | null;
  certificate: { certificateNumber: string; validUntil: string | null } | null;
  delivery: CaseEventPayload<'delivered'> | null;
  withdrawal: { reason: string } | null;
  rating: number | null;
  violations: readonly SupervisionViolation[];
  eventCount: number;
  lastEventId: string;
  lastOccurredAt: string;
};

export type CaseState = NoCase | OpenCase;

export const initialCaseState: CaseState = { status: 'none' };

export function openPause(state: OpenCase): PauseRecord | null {
  const last = state.pauses.at(-1);
  return last && last.to === null ? last : null;
}

/** The review the decision will rest on: the latest one (a new review supersedes older ones). */
export function currentReview(state: OpenCase): Extract<ReviewRecord, { kind: 'review' }> | null {
  for (let i = state.reviews.length - 1; i >= 0; i--) {
    const record = state.reviews[i];
    if (record?.kind === 'review') return record;
  }
  return null;
}

/** The latest re-check of the current review, or null when it has not been re-checked yet. */
export function currentCheck(state: OpenCase): Extract<ReviewRecord, { kind: 'check' }> | null {
  const last = state.reviews.at(-1);
  return last?.kind === 'check' ? last : null;
}

/** Refused, withdrawn, or delivered and rated: nothing more may happen to the case. */
export function isClosed(state: CaseState): boolean {
  return (
    state.status === 'refused' ||
    state.status === 'withdrawn' ||
    (state.status === 'delivered' && state.rating !== null)
  );
}
