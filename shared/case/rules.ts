import { itemLaw } from '../catalog/law';
import { limitText } from '../catalog/limit-words';
import { appealNoticeComplete } from './appeal';
import type { PageRef } from './attachments';
import { eventLabels, roleLabels, statusLabels } from './labels';
import { caseEventTypes, type Actor, type CaseEvent } from './events';
import type { CaseEventType, Decision, NoticeItem } from './payloads';
import type { Role } from './roles';
import { reject, type Rejection } from './rule-ids';
import { occurredAtMs } from './occurred-at';
import { isBlank } from './schema-parts';
import {
  currentCheck,
  currentReview,
  holdsPower,
  isClosed,
  openPause,
  rectificationOpen,
  type CaseState,
  type CaseStatus,
  type OpenCase,
} from './state';

/**
 * Who may record which event — the one table. The chief holds the seal and the window's 审批权,
 * so may do any window act; a reviewer only reviews and re-checks; a supervisor only overrides
 * the one-time-notice rule on a later notice (and that is recorded as a violation); the manager
 * runs the center and its reports and never acts on a case.
 */
export const emitters: Readonly<Record<CaseEventType, readonly Role[]>> = {
  received: ['clerk', 'chief'],
  materialsChecked: ['clerk', 'chief'],
  noticeIssued: ['clerk', 'chief', 'supervisor'],
  supplementReceived: ['clerk', 'chief'],
  // the counter scans what it receives; the chief may add a page he was handed
  materialsAttached: ['clerk', 'chief'],
  accepted: ['clerk', 'chief'],
  refused: ['clerk', 'chief'],
  reviewed: ['reviewer', 'chief'],
  checked: ['reviewer', 'chief'],
  paused: ['clerk', 'chief'],
  resumed: ['clerk', 'chief'],
  extended: ['chief'],
  referred: ['clerk', 'chief'],
  decided: ['chief'],
  stamped: ['chief'],
  corrected: ['chief'],
  certificateIssued: ['chief'],
  delivered: ['clerk', 'chief'],
  withdrawn: ['clerk', 'chief'],
  rated: ['clerk', 'chief'],
  rectified: ['chief'],
  calendarRevised: ['clerk', 'chief'],
};

const intake: readonly CaseStatus[] = ['received', 'awaitingSupplement'];
// at the window, before its own decision
const inReview: readonly CaseStatus[] = ['accepted', 'underReview', 'reviewed'];
// the clock runs: a case with the department (报批) too
const beforeDecision: readonly CaseStatus[] = [...inReview, 'referred'];
const sealed: readonly CaseStatus[] = ['stamped', 'certificateIssued', 'delivered'];
/**
 * Issue 16 part P, Art. 32(4): after five working days without a one-time notice the law has
 * accepted the application on the day of receipt, with no 受理 record needed — so a case still
 * 'received' may be reviewed, paused, extended, referred and decided. Whether the five days HAVE
 * run out depends on the clock, which the fold does not read: that is the timed rule
 * `intake.notYetAccepted` (timed-rules.ts), judged at the event's time by terminal and center.
 */
export const deemable: readonly CaseEventType[] = [
  'reviewed',
  'paused',
  'extended',
  'referred',
  'decided',
];
/**
 * `allowed`, and 'received' where the law may have accepted the case: never after a one-time
 * notice (its supplement brings the case back to 'received', accepted only by a 受理 record).
 */
function withDeemed(state: OpenCase, allowed: readonly CaseStatus[]): CaseStatus[] {
  return state.notices.length === 0 ? [...allowed, 'received'] : [...allowed];
}

/**
 * The case moved on past intake on a deemed acceptance, with no 受理 record yet: the window still
 * owes the applicant the acceptance notice, and recording it must be admitted whatever happened
 * since (a chief's decision on another PC may reach the center first).
 */
export function acceptedByLawOnly(state: OpenCase): boolean {
  return (
    state.acceptedAt === null &&
    !intake.includes(state.status) &&
    state.refusedAt === null &&
    state.withdrawnAt === null
  );
}

function roleGuard(state: CaseState, type: CaseEventType, role: Role): Rejection | null {
  if (!emitters[type].includes(role))
    return reject('role.notAllowed', `${roleLabels[role]}不能办理“${eventLabels[type]}”`);
  if (
    type === 'noticeIssued' &&
    role === 'supervisor' &&
    state.status !== 'none' &&
    state.firstNotice === null
  ) {
    return reject('notice.supervisorOverrideOnly');
  }
  return null;
}

function inStatus(state: OpenCase, allowed: readonly CaseStatus[]): Rejection | null {
  return allowed.includes(state.status)
    ? null
    : reject('status.notAllowed', `办件${statusLabels[state.status]}，不能办理该环节`);
}

/** What the case's state alone permits, whoever asks and whatever the payload says. */
function stateGuard(state: CaseState, type: CaseEventType): Rejection | null {
  if (state.status === 'none')
    return type === 'received' ? null : reject('case.firstMustBeReceived');
  if (type === 'rectified') {
    return rectificationOpen(state) ? null : reject('rectification.notNeeded');
  }
  if (isClosed(state)) return reject('case.closed');
  // a bad rating is answered before anything else happens to the case
  if (rectificationOpen(state)) return reject('rectification.pending');
  switch (type) {
    case 'received':
      return reject('case.alreadyReceived');
    case 'materialsChecked':
    case 'noticeIssued':
    case 'refused':
      return inStatus(state, intake);
    case 'accepted':
      return acceptedByLawOnly(state) ? null : inStatus(state, intake);
    case 'supplementReceived':
      return inStatus(state, ['awaitingSupplement']);
    // a paper is scanned at intake, with a supplement, or later while the case is weighed — never
    // after the decision, which was made on the papers as they then stood
    case 'materialsAttached':
      return inStatus(state, [...intake, ...withDeemed(state, beforeDecision)]);
    case 'reviewed':
      return inStatus(state, withDeemed(state, inReview));
    case 'checked':
      if (state.item.reviewMode !== 'twoPerson') return reject('review.checkNotRequired');
      // each check answers a review of its own: after a check, the case is reviewed again first
      if (state.status === 'accepted' || state.reviews.at(-1)?.kind !== 'review') {
        return reject('review.checkBeforeReview');
      }
      return inStatus(state, ['underReview', 'reviewed']);
    case 'paused':
      if (openPause(state)) return reject('pause.alreadyPaused');
      return withDeemed(state, beforeDecision).includes(state.status)
        ? null
        : reject('pause.timing');
    case 'resumed':
      return openPause(state) ? null : reject('resume.notPaused');
    case 'extended':
      if (state.extension) return reject('extension.once');
      return withDeemed(state, beforeDecision).includes(state.status)
        ? null
        : reject('extension.timing');
    case 'referred':
      if (holdsPower(state, 'approve')) return reject('referral.notNeeded');
      return inStatus(state, withDeemed(state, inReview));
    case 'decided':
      return decisionGuard(state);
    case 'corrected':
      return inStatus(state, sealed);
    case 'stamped':
      if (intake.includes(state.status) || beforeDecision.includes(state.status)) {
        return reject('stamp.beforeDecision');
      }
      return inStatus(state, ['decided']);
    case 'certificateIssued':
      if (state.decision?.decision.outcome === 'deny') return reject('certificate.notApproved');
      if (!holdsPower(state, 'certify')) return reject('power.certify');
      return inStatus(state, ['stamped']);
    case 'delivered':
      // an approval whose certificate the window makes is delivered with it
      if (
        state.status === 'stamped' &&
        state.decision?.decision.outcome === 'approve' &&
        state.item.certificate !== undefined &&
        holdsPower(state, 'certify')
      ) {
        return reject('delivery.certificateFirst');
      }
      return inStatus(state, ['stamped', 'certificateIssued']);
    case 'withdrawn':
      return inStatus(state, [...intake, ...beforeDecision]);
    case 'rated':
      return inStatus(state, ['delivered']);
    case 'calendarRevised':
      // any open case: its printed dates are the applicant's until it is closed
      return null;
  }
}

function decisionGuard(state: OpenCase): Rejection | null {
  if (sealed.includes(state.status)) return reject('decision.final');
  // Before the seal the chief may still reconsider: a second `decided` replaces the first.
  const status = inStatus(state, withDeemed(state, [...beforeDecision, 'decided']));
  if (status) return status;
  if (openPause(state)) return reject('decision.whilePaused');
  // without 审批 the window only records what the department decided (报批件)
  if (!holdsPower(state, 'approve')) {
    return state.referral ? null : reject('power.approve');
  }
  if (state.item.reviewMode === 'twoPerson') {
    // 审 → 核 → 决定: the decision rests on the latest review and its latest re-check.
    if (!currentReview(state)) return reject('review.missing');
    if (!currentCheck(state)?.agree) return reject('review.checkMissing');
  }
  return null;
}

function unknownMaterials(state: OpenCase, ids: readonly string[]): Rejection | null {
  const known = new Set(state.materials.map((m) => m.materialId));
  const unknown = ids.filter((id) => !known.has(id));
  return unknown.length > 0 ? reject('material.unknown', unknown.join('、')) : null;
}

function materialNames(state: OpenCase, ids: readonly string[]): string {
  return ids.map((id) => state.materials.find((m) => m.materialId === id)?.name ?? id).join('、');
}

/** Materials a later notice asks for that the first one-time notice did not. */
export function newNoticeItems(state: OpenCase, items: readonly NoticeItem[]): string[] {
  if (state.firstNotice === null) return [];
  const first = new Set(state.firstNotice.map((i) => i.materialId));
  return items.map((i) => i.materialId).filter((id) => !first.has(id));
}

/** An image is one page; a PDF's pages are counted only by who opens it, so any page of it. */
function pageAttached(state: OpenCase, materialId: string, ref: PageRef): boolean {
  const file = state.materials
    .find((m) => m.materialId === materialId)
    ?.files.find((f) => f.sha256 === ref.sha256);
  return file !== undefined && (file.mediaType === 'application/pdf' || ref.page === 1);
}

function noticeRules(
  state: OpenCase,
  event: Extract<CaseEvent, { type: 'noticeIssued' }>,
): Rejection | null {
  const { items, override } = event.payload;
  const unknown = unknownMaterials(
    state,
    items.map((i) => i.materialId),
  );
  if (unknown) return unknown;
  const bySupervisor = event.actor.role === 'supervisor';
  if (override && (!bySupervisor || override.supervisorId !== event.actor.userId)) {
    return reject('notice.overrideNotSupervisor');
  }
  if (bySupervisor && !override) return reject('notice.supervisorOverrideOnly');
  const strayPage = items.find((i) => i.page && !pageAttached(state, i.materialId, i.page));
  if (strayPage)
    return reject('notice.pageNotAttached', materialNames(state, [strayPage.materialId]));
  const added = newNoticeItems(state, items);
  // A supervisor's override lets the notice through; the reducer records it as a violation.
  if (added.length > 0 && !override) return reject('notice.newItems', materialNames(state, added));
  return null;
}

function acceptanceRules(
  state: OpenCase,
  event: Extract<CaseEvent, { type: 'accepted' }>,
): Rejection | null {
  // the law accepted the application as it stood (Art. 32(4)): what was missing then cannot undo
  // that, and the record only gives the applicant the notice owed
  if (acceptedByLawOnly(state) || event.payload.deemed) return null;
  const waivers = event.payload.waivedMaterials ?? [];
  const unknown = unknownMaterials(
    state,
    waivers.map((w) => w.materialId),
  );
  if (unknown) return unknown;
  // 容缺 waives a material the clerk checked and found missing, under a named rule; a material
  // nobody has looked at yet cannot be waived
  const checkedMissing = new Set(
    state.materials.filter((m) => m.status === 'missing').map((m) => m.materialId),
  );
  const waived = new Set(
    waivers
      .filter((w) => !isBlank(w.rule) && checkedMissing.has(w.materialId))
      .map((w) => w.materialId),
  );
  const outstanding = state.materials.filter(
    (m) => m.required && m.status !== 'received' && !waived.has(m.materialId),
  );
  return outstanding.length > 0
    ? reject('accept.materialsIncomplete', outstanding.map((m) => m.name).join('、'))
    : null;
}

/**
 * What any decision must say, first or correcting — a denial its facts, reasons, basis and appeal
 * rights, a 报批件 the department's number — and who may not make it: the reviewer of a 一审一核
 * item (the department decides a 报批件, so its window review does not bar anyone).
 */
function decisionRules(state: OpenCase, decision: Decision, by: Actor): Rejection | null {
  if (decision.outcome === 'deny') {
    if (isBlank(decision.facts) || isBlank(decision.reasons) || isBlank(decision.legalBasis)) {
      return reject('decision.denialReasonsAndBasis');
    }
    if (!appealNoticeComplete(decision.appealNotice)) return reject('decision.appealNotice');
  }
  if (state.referral) {
    return isBlank(decision.departmentRef) ? reject('referral.departmentRef') : null;
  }
  if (state.item.reviewMode === 'twoPerson' && currentReview(state)?.by.userId === by.userId) {
    return reject('review.reviewerDecides');
  }
  return null;
}

/** Rules that read the event's content and who records it. */
function contentRules(state: OpenCase, event: CaseEvent): Rejection | null {
  switch (event.type) {
    case 'materialsChecked':
      return unknownMaterials(
        state,
        event.payload.materials.map((m) => m.materialId),
      );
    case 'noticeIssued':
      return noticeRules(state, event);
    case 'supplementReceived':
      return unknownMaterials(state, event.payload.materialIds);
    case 'materialsAttached':
      return unknownMaterials(
        state,
        event.payload.materials.map((m) => m.materialId),
      );
    case 'accepted':
      return acceptanceRules(state, event);
    case 'refused': {
      const { ground, reasons, legalBasis, rightAgency } = event.payload;
      if (isBlank(reasons) || isBlank(legalBasis)) return reject('refusal.reasonsAndBasis');
      if (ground === 'notThisAgency' && isBlank(rightAgency)) return reject('refusal.rightAgency');
      return null;
    }
    case 'checked':
      return currentReview(state)?.by.userId === event.actor.userId
        ? reject('review.checkerIsReviewer')
        : null;
    case 'paused':
      return isBlank(event.payload.applicantNoticeRef) || isBlank(event.payload.centerFilingRef)
        ? reject('pause.noticeAndFiling')
        : null;
    case 'extended': {
      const { workingDays, approver, reason, applicantNoticeRef } = event.payload;
      const limit = state.item.extensionDays;
      const law = itemLaw(state.item);
      // said first and plainly: no approval or reason can make up for a law that allows none
      if (limit === 0) return reject('extension.notAllowed', `法定时限依据${law.statutoryBasis}`);
      if (isBlank(approver) || isBlank(reason) || isBlank(applicantNoticeRef)) {
        return reject('extension.approverAndReason');
      }
      // the days are in the item's own unit: 日 where its law counts calendar days
      return Number.isInteger(workingDays) && workingDays >= 1 && workingDays <= limit
        ? null
        : reject(
            'extension.beyondLimit',
            `本事项最多可延长${limitText(limit, law.statutoryUnit)}，申请延长${limitText(workingDays, law.statutoryUnit)}`,
          );
    }
    case 'decided':
      return decisionRules(state, event.payload, event.actor);
    case 'corrected':
      return isBlank(event.payload.reason)
        ? reject('correction.reason')
        : decisionRules(state, event.payload.decision, event.actor);
    case 'stamped':
      // the seal goes on the decision in force, not on one a reconsideration replaced
      return event.payload.decisionEventId === state.decision?.eventId
        ? null
        : reject('stamp.notCurrentDecision');
    case 'delivered': {
      const { method, address, receiptRef, byDepartment } = event.payload;
      // without 办结送达 the department delivers; the window records it with the department's reference
      if (!holdsPower(state, 'deliver') && isBlank(byDepartment)) return reject('power.deliver');
      return method !== 'window' && (isBlank(address) || isBlank(receiptRef))
        ? reject('delivery.addressAndReceipt')
        : null;
    }
    case 'rectified':
      return isBlank(event.payload.measures) ? reject('rectification.measures') : null;
    case 'calendarRevised':
      return event.payload.calendarVersion === state.calendarVersion
        ? reject('calendarRevision.sameVersion')
        : null;
    default:
      return null;
  }
}

function envelopeRules(state: CaseState, event: CaseEvent): Rejection | null {
  const at = occurredAtMs(event.occurredAt);
  if (at === null) return reject('case.timeInvalid', event.occurredAt);
  if (state.status === 'none') return null;
  if (event.caseId !== state.caseId) return reject('case.otherCase');
  const last = occurredAtMs(state.lastOccurredAt) ?? Number.NEGATIVE_INFINITY;
  return at < last
    ? reject('case.timeBackwards', `${event.occurredAt} < ${state.lastOccurredAt}`)
    : null;
}

// 受理权: a window without it may not take the item's applications in at all.
function receiptPower(state: CaseState, event: CaseEvent): Rejection | null {
  if (state.status !== 'none' || event.type !== 'received') return null;
  const powers = event.payload.powers;
  return powers && !powers.includes('accept') ? reject('power.accept') : null;
}

/** The first rule `event` breaks in `state`, or null when the event may be recorded. */
export function firstBrokenRule(state: CaseState, event: CaseEvent): Rejection | null {
  return (
    envelopeRules(state, event) ??
    roleGuard(state, event.type, event.actor.role) ??
    receiptPower(state, event) ??
    stateGuard(state, event.type) ??
    (state.status === 'none' ? null : contentRules(state, event))
  );
}

/** The event types `role` may record in `state` — what the UI offers; content rules still apply. */
export function allowedEvents(state: CaseState, role: Role): CaseEventType[] {
  return caseEventTypes.filter((type) => !roleGuard(state, type, role) && !stateGuard(state, type));
}
