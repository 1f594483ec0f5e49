import type { Applicant, SpecialProcedure } from '../case';

/**
 * What a printed notice says, assembled by the main process from the case's events: the
 * renderer only lays it out on A4. Every notice belongs to the event that issued it.
 */
export type DocumentHeader = {
  /** 'acceptance' 受理通知书, 'refusal' 不予受理决定书, 'notice' 一次性告知书, 'pause' 特别程序告知书, 'extension' 延期告知书 */
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
};

export type MaterialLine = { name: string; form: 'original' | 'copy' | 'either'; count: number };

export type CaseDocument = DocumentHeader &
  (
    | {
        kind: 'acceptance';
        acceptedAt: string;
        materials: MaterialLine[];
        /** waived under the center's 容缺 rule, named */
        waived: { name: string; rule: string }[];
        promisedDate: string;
        statutoryDate: string;
        /** the dates fall in a year whose holidays are not published yet */
        provisional: boolean;
        /** Art. 32(4): accepted by law on the day of receipt because no notice came in 5 days */
        deemedAcceptedOn: string | null;
      }
    | {
        kind: 'refusal';
        ground: 'noLicenceNeeded' | 'notThisAgency' | 'other';
        reasons: string;
        legalBasis: string;
        rightAgency: string | null;
      }
    | {
        kind: 'notice';
        items: { name: string; problem: 'missing' | 'defective'; detail: string }[];
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
      }
    | {
        kind: 'extension';
        /** joint or centralized handling: Art. 42(2), approved by the government's head */
        joint: boolean;
        workingDays: number;
        reason: string;
        approver: string;
        newStatutoryDate: string;
      }
  );

export type CaseDocumentKind = 'acceptance' | 'refusal' | 'notice' | 'pause' | 'extension';

/** Which event issues which notice. */
export const documentOfEvent: Readonly<Record<string, CaseDocumentKind>> = {
  accepted: 'acceptance',
  refused: 'refusal',
  noticeIssued: 'notice',
  paused: 'pause',
  extended: 'extension',
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
