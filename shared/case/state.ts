import type { Power } from '../catalog/powers';
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
import { isBadRating } from './payloads';
import type { RuleId } from './rule-ids';
import type { Attachment } from './attachments';

export type CaseStatus =
  | 'none'
  | 'received'
  | 'awaitingSupplement'
  | 'accepted'
  /** reviewed but not yet cleared for decision: a two-person item waits for its re-check */
  | 'underReview'
  /** ready for the chief's decision */
  | 'reviewed'
  /** 报批件: the window lacks 审批, the department decides; the clock keeps running */
  | 'referred'
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
  /** issue 18: its papers as files, in page order (the last `materialsAttached` naming it) */
  files: readonly Attachment[];
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

export type DecisionRecord = {
  eventId: string;
  at: string;
  by: Actor;
  decision: Decision;
  /** the sealed decision this one corrects, with the reason; null for a first decision */
  correction: { corrects: string; reason: string } | null;
};

export type StampRecord = {
  eventId: string;
  at: string;
  by: Actor;
  decisionEventId: string;
  decisionHash: string;
  decisionNumber: string;
};

export type CertificateRecord = {
  eventId: string;
  at: string;
  certificateNumber: string;
  validUntil: string | null;
};

/** A sealed decision a correction replaced: it stays on record, and so do its seal and certificate. */
export type SupersededDecision = {
  decision: DecisionRecord;
  stamp: StampRecord;
  certificate: CertificateRecord | null;
  delivery: OpenCase['delivery'];
  correctedBy: string;
};

export type ReferralRecord = CaseEventPayload<'referred'> & {
  eventId: string;
  at: string;
  by: Actor;
};

export type RatingRecord = { eventId: string; at: string; score: number; comment: string | null };

/** A supervision violation the rules let through (a supervisor's override) but must never forget. */
export type SupervisionViolation = { rule: RuleId; eventId: string };

export type NoCase = { status: 'none' };

/** A 期限变更告知书: the version the case left (`from`) and the one it moved to. */
export type CalendarRevisionRecord = CaseEventPayload<'calendarRevised'> & {
  eventId: string;
  at: string;
  by: Actor;
  from: string;
};

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
  /** the powers delegated to the receiving window for this item; null: received before delegation was recorded */
  powers: readonly Power[] | null;
  /**
   * Issue 17 part 4: the applicant's answer to 同意接收办件进度短信; null: not asked. Absent in
   * states stored before it was asked, which read as not asked.
   */
  smsConsent?: boolean | null;
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
  referral: ReferralRecord | null;
  decision: DecisionRecord | null;
  stamp: StampRecord | null;
  superseded: readonly SupersededDecision[];
  certificate: CertificateRecord | null;
  delivery: (CaseEventPayload<'delivered'> & { eventId: string; at: string; by: Actor }) | null;
  withdrawal: { reason: string } | null;
  rating: RatingRecord | null;
  rectification: { eventId: string; at: string; by: Actor; measures: string } | null;
  /** 期限变更告知书 issued, oldest first; absent in states stored before issue 14 */
  calendarRevisions?: readonly CalendarRevisionRecord[];
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

/** Whether the window holds `power` for this case's item (a case from before delegation holds all). */
export function holdsPower(state: OpenCase, power: Power): boolean {
  return state.powers === null || state.powers.includes(power);
}

/** A bad rating (不满意, 非常不满意) not yet answered by a rectification. */
export function rectificationOpen(state: OpenCase): boolean {
  return state.rating !== null && isBadRating(state.rating.score) && state.rectification === null;
}

/**
 * Refused, withdrawn, or delivered and rated (a bad rating rectified): nothing more may happen
 * to the case.
 */
export function isClosed(state: CaseState): boolean {
  return (
    state.status === 'refused' ||
    state.status === 'withdrawn' ||
    (state.status === 'delivered' && state.rating !== null && !rectificationOpen(state))
  );
}
