import type { Power } from '../../shared/catalog';
import {
  clockLabels,
  clockStopLabels,
  eventLabels,
  procedureLabels,
  ratingLabels,
  roleLabels,
  statusLabels,
  type CaseEventType,
  type CaseStatus,
  type ClockKind,
  type ClockStopReason,
  type Role,
  type SpecialProcedure,
} from '../../shared/case';
import { powerLabels } from '../../shared/catalog';
import { printKindLabels, type PrintKind } from '../../shared/print/routing';
import {
  complaintChannels,
  complaintConclusions,
  type ComplaintChannel,
  type ComplaintConclusion,
} from '../../shared/reports/complaints';
import { useLocale, type Locale } from './index';

// The glossary's words (shared/case labels.ts: statuses, events, roles, clocks …) in English. The
// Chinese stay in shared/, where the center and the printed documents use them too; a `Record`
// over every key, so a status or event added in shared/ without its English does not compile.
// Issue 16 point 6: these were the half of the English UI that stayed Chinese.

const statusEn: Record<CaseStatus, string> = {
  none: 'Not received',
  received: 'Received',
  awaitingSupplement: 'Awaiting supplement',
  accepted: 'Accepted',
  underReview: 'Under review',
  reviewed: 'Awaiting decision',
  referred: 'Referred',
  decided: 'Decided',
  stamped: 'Sealed',
  certificateIssued: 'Certificate issued',
  delivered: 'Delivered',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
};

const eventEn: Record<CaseEventType, string> = {
  received: 'Received',
  materialsChecked: 'Materials checked',
  noticeIssued: 'One-time notice',
  supplementReceived: 'Supplement received',
  materialsAttached: 'Scans attached',
  accepted: 'Accepted',
  refused: 'Refused at intake',
  reviewed: 'Reviewed',
  checked: 'Checked',
  paused: 'Special procedure started',
  resumed: 'Special procedure ended',
  extended: 'Extended',
  referred: 'Referred to the department',
  decided: 'Decided',
  stamped: 'Sealed',
  corrected: 'Decision corrected',
  certificateIssued: 'Certificate issued',
  delivered: 'Delivered',
  withdrawn: 'Withdrawn',
  rated: 'Rated',
  rectified: 'Bad rating rectified',
  calendarRevised: 'Notice of changed deadlines',
};

const roleEn: Record<Role, string> = {
  clerk: 'Window clerk',
  reviewer: 'Reviewer',
  chief: 'Chief representative',
  manager: 'Center manager',
  supervisor: 'Supervisor',
};

const clockEn: Record<ClockKind, string> = {
  completeness: 'One-time notice limit',
  promised: 'Promised limit',
  statutory: 'Statutory limit',
  delivery: 'Delivery limit',
  rectification: 'Rectification limit',
};

const clockStopEn: Record<ClockStopReason, string> = {
  noticeIssued: 'one-time notice issued',
  accepted: 'accepted',
  refused: 'refused',
  withdrawn: 'withdrawn',
  deemedAccepted: 'deemed accepted',
  stamped: 'sealed',
  delivered: 'delivered',
  rectified: 'rectified',
};

const procedureEn: Record<SpecialProcedure, string> = {
  hearing: 'Hearing',
  bidding: 'Bidding',
  auction: 'Auction',
  inspection: 'Inspection',
  testing: 'Testing',
  quarantine: 'Quarantine',
  appraisal: 'Appraisal',
  expertReview: 'Expert review',
  publication: 'Public notice',
};

const ratingEn: Record<number, string> = {
  1: 'Very satisfied',
  2: 'Satisfied',
  3: 'Fairly satisfied',
  4: 'Dissatisfied',
  5: 'Very dissatisfied',
};

const powerEn: Record<Power, string> = {
  accept: 'Accept',
  approve: 'Approve',
  coordinate: 'Coordinate',
  deliver: 'Deliver',
  respond: 'Respond in court',
  certify: 'Issue certificates',
};

const printKindEn: Record<PrintKind, string> = {
  acceptance: 'Acceptance notice',
  notice: 'Supplement notice (one-time notice)',
  refusal: 'Refusal at intake',
  pause: 'Special procedure notice',
  extension: 'Extension notice',
  decision: 'Licensing decision',
  certificate: 'Certificate',
  delivery: 'Proof of delivery',
  deadlineChange: 'Notice of changed deadlines',
  guide: 'Service guide',
  report: 'Report',
};

// A complaint's channel and conclusion are stored as the Chinese words themselves
const complaintChannelEn: Record<ComplaintChannel, string> = {
  现场: 'In person',
  电话: 'Phone',
  网上: 'Online',
  信件: 'Letter',
};

const complaintConclusionEn: Record<ComplaintConclusion, string> = {
  属实: 'Substantiated',
  不属实: 'Unsubstantiated',
  部分属实: 'Partly substantiated',
};

const itself = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, k as string])) as Record<K, string>;

/** One word list in both languages: the Chinese from shared/, the English from here. */
function pick<K extends string | number>(
  locale: Locale,
  zh: Readonly<Record<K, string>>,
  en: Readonly<Record<K, string>>,
): (key: K) => string {
  // a key newer than this renderer (a status from a later center) shows as the Chinese word, or
  // as itself: never as nothing
  return (key) => (locale === 'en' ? en[key] : zh[key]) ?? zh[key] ?? String(key);
}

/** The glossary's words as the user's language says them. */
export function domainLabels(locale: Locale) {
  return {
    status: pick(locale, statusLabels, statusEn),
    event: pick(locale, eventLabels, eventEn),
    role: pick(locale, roleLabels, roleEn),
    clock: pick(locale, clockLabels, clockEn),
    clockStop: pick(locale, clockStopLabels, clockStopEn),
    procedure: pick(locale, procedureLabels, procedureEn),
    rating: pick(locale, ratingLabels, ratingEn),
    power: pick(locale, powerLabels, powerEn),
    printKind: pick(locale, printKindLabels, printKindEn),
    // stored as free strings by older centers: an unknown one shows as written
    complaintChannel: pick(locale, itself(complaintChannels), complaintChannelEn) as (
      c: string,
    ) => string,
    complaintConclusion: pick(locale, itself(complaintConclusions), complaintConclusionEn) as (
      c: string,
    ) => string,
  };
}

export type DomainLabels = ReturnType<typeof domainLabels>;

/** The glossary's words in the current language, for a component. */
export function useDomainLabels(): DomainLabels {
  return domainLabels(useLocale((s) => s.locale));
}
