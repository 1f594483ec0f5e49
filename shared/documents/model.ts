import type { Applicant, LicenceValidity, SpecialProcedure } from '../case';
import type { IntakeSealMode, LimitUnit } from '../catalog';
import type { NoticePage } from './notice-page';

/**
 * What a printed notice says, assembled by the main process from the case's events: the
 * renderer only lays it out on A4. Every notice belongs to the event that issued it.
 */
export type DocumentHeader = {
  /**
   * 'acceptance' 受理通知书, 'refusal' 不予受理决定书, 'notice' 一次性告知书, 'pause' 特别程序告知书,
   * 'extension' 延期告知书, 'decision' 准予 / 不予行政许可决定书, 'certificate' the certificate
   * (证照), 'delivery' 送达回证
   */
  kind: CaseDocumentKind;
  caseId: string;
  eventId: string;
  caseNumber: string;
  /** derived from the issuing event's hash: whoever holds the log can check a printed notice */
  verificationCode: string;
  /**
   * the center's page for this code, which the QR code carries when the terminal is enrolled: a
   * phone scanning the notice lands on the answer; null on a terminal that has no center
   */
  verificationUrl: string | null;
  issuedAt: string;
  centerName: string;
  departmentName: string;
  windowName: string;
  clerkName: string;
  applicant: Applicant;
  itemCode: string;
  itemName: string;
  receivedAt: string;
  /** acceptance, refusal and one-time notice: their 受理专用章; null on the other documents */
  intakeSeal: IntakeSeal;
};

/** A limit as the item's law sets it: '10个工作日', or '60日' where that law counts calendar days. */
export type StatutoryLimit = { days: number; unit: LimitUnit };

export type MaterialLine = { name: string; form: 'original' | 'copy' | 'either'; count: number };

/**
 * The department's seal a sealed document carries: its 行政审批专用章 on decisions and
 * certificates; its 受理专用章 on acceptance, refusal and one-time notices (`purpose: 'intake'`).
 */
export type SealMark = { departmentCode: string; departmentName: string; purpose?: 'intake' };

/**
 * The 受理专用章 on an intake notice, as its event recorded it: drawn ('printed'), stamped by
 * the hall ('byHand': the seal place is left for the stamp), or not recorded (a notice issued
 * before it was: printed as it then was, with "（盖章）").
 */
export type IntakeSeal = { mode: IntakeSealMode; seal: SealMark } | null;

export type DecisionDocument = {
  kind: 'decision';
  outcome: 'approve' | 'deny';
  /** 决定书文号, given when the seal was applied */
  decisionNumber: string;
  /** when the application was accepted: the day of receipt when deemed accepted (Art. 32(4)) */
  acceptedAt: string | null;
  /** accepted by law on receipt, because no notice came within 5 working days: the text says so */
  deemedAccepted: boolean;
  /**
   * the one date the decision carries (成文日期): the seal's. The clocks stop and the delivery
   * clock starts there; the `decided` event's own time belongs to the case history, not the paper.
   */
  sealedAt: string;
  /** the chief who decided (for a 报批件: who recorded the department's decision) */
  decidedBy: string;
  sealedBy: string;
  seal: SealMark;
  /** approve: what is granted, until when, on what conditions; the certificate it issues */
  granted: string | null;
  /** 有效期至: the same answer the certificate prints (shared/case/validity.ts); null for a denial */
  validity: LicenceValidity | null;
  conditions: string | null;
  certificateName: string | null;
  /** deny: Art. 38 */
  facts: string | null;
  reasons: string | null;
  legalBasis: string | null;
  /** the reconsideration (60 days) and litigation (6 months) notice, word for word */
  appealText: string | null;
  /** a 报批件: the department's document number */
  departmentRef: string | null;
  /** a correction: the number of the decision it replaces, and why */
  correction: { correctsNumber: string; reason: string } | null;
};

export type CertificateDocument = {
  kind: 'certificate';
  certificateName: string;
  certificateNumber: string;
  granted: string;
  conditions: string | null;
  validity: LicenceValidity;
  decisionNumber: string;
  seal: SealMark;
};

export type DeliveryDocument = {
  kind: 'delivery';
  /** what was handed over: the decision and, when issued, the certificate */
  delivered: { title: string; number: string }[];
  method: 'window' | 'post' | 'electronic';
  recipient: string;
  /** the window for a delivery at the window, else the postal or electronic address */
  place: string;
  receiptRef: string | null;
  deliveredAt: string;
  deliveredBy: string;
};

/**
 * 期限变更告知书 (issue 14 point 12): the calendar changed after the case's deadlines were printed
 * (next year's official table was published); each running clock's old and new last day.
 */
export type DeadlineChangeDocument = {
  kind: 'deadlineChange';
  /** the calendar versions: the one the earlier notices were counted on, and the new one */
  previousVersion: string;
  calendarVersion: string;
  changes: { clock: string; label: string; from: string; to: string }[];
};

export type CaseDocument = DocumentHeader &
  (
    | {
        kind: 'acceptance';
        acceptedAt: string;
        materials: MaterialLine[];
        /** waived under the center's 容缺 rule, named */
        waived: { name: string; rule: string }[];
        /** 0: decided on the spot (当场办结), so no date is promised */
        promisedDays: number;
        promisedDate: string;
        statutoryDate: string;
        /** the item's own statutory limit, in its own unit */
        statutory: StatutoryLimit;
        /**
         * the notice was issued after that last day (a deemed acceptance found late): it must not
         * promise a past date as if it were to come
         */
        promisedPassed: boolean;
        statutoryPassed: boolean;
        /** the dates fall in a year whose holidays are not published yet */
        provisional: boolean;
        /** Art. 32(4): accepted by law on the day of receipt because no notice came in 5 days */
        deemedAcceptedOn: string | null;
        /**
         * the decision was already sealed when this notice was issued (a deemed case decided before
         * the window recorded 受理): the notice says when, never that a decision is still to come
         */
        decidedOn: string | null;
      }
    | {
        kind: 'refusal';
        ground: 'noLicenceNeeded' | 'notThisAgency' | 'other';
        reasons: string;
        legalBasis: string;
        rightAgency: string | null;
        /** the appeal notice as recorded, naming the bodies; null on refusals recorded before */
        appealText: string | null;
      }
    | {
        kind: 'notice';
        items: {
          name: string;
          problem: 'missing' | 'defective';
          detail: string;
          /** issue 18: the defective page among the material's scans, named, never printed */
          page: NoticePage | null;
        }[];
        returnBy: string | null;
        /** the 5-day completeness limit the notice answers */
        completenessDate: string;
      }
    | {
        kind: 'pause';
        procedure: SpecialProcedure;
        expectedWorkingDays: number;
        from: string;
        noticeRef: string;
        /**
         * 公示 is not on Art. 45's closed list: it pauses the statutory limit only where the item's
         * own law says so (`basis`); otherwise only the center's promise waits, and the notice says
         * the statutory date stands. Null for the procedures of Art. 45.
         */
        publication: { pausesStatutory: boolean; basis: string | null } | null;
        /** the statutory date as it stands when the pause begins */
        statutoryDate: string;
        /** the dates fall in a year whose holidays are not published yet */
        provisional: boolean;
      }
    | {
        kind: 'extension';
        /** joint or centralized handling: Art. 42(2), "不能办结" rather than "不能作出决定" */
        joint: boolean;
        /** the item's own limit that cannot be kept, and the days granted, both in its unit */
        limit: StatutoryLimit;
        days: number;
        /** the article that allows this item's extension (its own regulation, or Art. 42) */
        extensionBasis: string;
        /** who may approve it by law: 本机关负责人, or 本级人民政府负责人 for joint handling */
        approverTitle: string;
        /** who did approve it, as the chief recorded */
        approver: string;
        reason: string;
        newStatutoryDate: string;
        /** the date falls in a year whose holidays are not published yet */
        provisional: boolean;
      }
    | DecisionDocument
    | CertificateDocument
    | DeliveryDocument
    | DeadlineChangeDocument
  );

/** Every case document a window prints, in the order a window meets them. */
export const caseDocumentKinds = [
  'acceptance',
  'notice',
  'refusal',
  'pause',
  'extension',
  'decision',
  'certificate',
  'delivery',
  'deadlineChange',
] as const;
export type CaseDocumentKind = (typeof caseDocumentKinds)[number];

/**
 * The title printed on each kind: on the paper, in its PDF's name, on the verification page a
 * phone opens from its QR code. A decision's own title says 准予 or 不予, a certificate's its name.
 */
export const documentTitles: Readonly<Record<CaseDocumentKind, string>> = {
  acceptance: '受理通知书',
  notice: '补正材料通知书',
  refusal: '不予受理决定书',
  pause: '特别程序告知书',
  extension: '延期告知书',
  decision: '行政许可决定书',
  certificate: '证照',
  delivery: '送达回证',
  deadlineChange: '期限变更告知书',
};

/** Which event issues which notice. */
export const documentOfEvent: Readonly<Record<string, CaseDocumentKind>> = {
  accepted: 'acceptance',
  refused: 'refusal',
  noticeIssued: 'notice',
  paused: 'pause',
  extended: 'extension',
  stamped: 'decision',
  certificateIssued: 'certificate',
  delivered: 'delivery',
  calendarRevised: 'deadlineChange',
};

// Crockford's base32: no I, L, O, U — a clerk reading a code aloud cannot confuse them.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 'XXXX-XXXX-XXXX': the first 60 bits of the event's SHA-256 hash (hex), in base32. */
export function verificationCode(eventHashHex: string): string {
  if (!/^[0-9a-f]{16,}$/.test(eventHashHex)) throw new Error('verificationCode: not a hex hash');
  let bits = BigInt(`0x${eventHashHex.slice(0, 15)}`); // 60 bits
  let out = '';
  for (let i = 0; i < 12; i++) {
    out = alphabet[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/**
 * The printed form 'XXXX-XXXX-XXXX' of whatever was typed: case, spaces and dashes do not matter
 * and the letters Crockford's base32 leaves out are read as the digits they look like.
 */
export function normalizeVerificationCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(plain)) return null;
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
}
