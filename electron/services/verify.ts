import type { CallOutput, ParsedInput } from '../../shared/api';
import {
  documentOfEvent,
  normalizeVerificationCode,
  verificationCode,
} from '../../shared/documents';
import {
  documentMessages,
  judgeDocument,
  sealedDecisionId,
} from '../../node-shared/documents/verify';
import { sql } from '../store/db';
import { caseEvents, folds, toStoredEvent, type EventRow, type StoredEvent } from '../store/events';
import { foldCase } from '../projections/cases';
import { peerKeys } from '../store/reference';
import { sealKey } from '../store/seal-keys';
import type { Terminal } from './context';

type Verdict = CallOutput<'documents.verify'>;

const issuingTypes = Object.keys(documentOfEvent);

function storedEvent(t: Terminal, id: string): StoredEvent | undefined {
  const row = sql(t.db, 'SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
  return row ? toStoredEvent(row) : undefined;
}

/** A printed document checked against this terminal's log (judgeDocument says what is checked). */
export function verifyPrinted(t: Terminal, input: ParsedInput<'documents.verify'>): Verdict {
  const code = normalizeVerificationCode(input.code);
  const unknown: Verdict = {
    genuine: false,
    message: documentMessages.unknownAtTerminal,
    caseId: null,
    caseNumber: null,
    kind: null,
    issuedAt: null,
  };
  if (!code) return { ...unknown, message: documentMessages.malformedCode };
  // Few events issue documents; their codes are derived, not stored, so they are derived here.
  const rows = sql(
    t.db,
    `SELECT * FROM events WHERE type IN (${issuingTypes.map(() => '?').join(', ')})`,
  ).all(...issuingTypes) as EventRow[];
  const row = rows.find((r) => verificationCode(r.hash) === code);
  if (!row) return unknown;
  const issuing = toStoredEvent(row);
  const caseNumber = (
    sql(t.db, 'SELECT case_number FROM cases WHERE id = ?').get(issuing.caseId) as
      { case_number: string } | undefined
  )?.case_number;
  const decisionId = sealedDecisionId(issuing);
  const keys = peerKeys(t.db);
  keys.set(t.device.id, t.device.publicKey);
  const verdict = judgeDocument({
    issuing,
    sealedDecision: decisionId === null ? undefined : storedEvent(t, decisionId),
    admitted: folds(issuing),
    state: foldCase(caseEvents(t.db, issuing.caseId)),
    publicKeyOf: (deviceId) => keys.get(deviceId),
    // This terminal's own chiefs' keys it checks itself (revocation is the center's to know);
    // another PC's it does not hold, and takes the center's acceptance of the stamp instead.
    sealKeyOf: (keyId) => {
      const key = sealKey(t.db, keyId);
      return (
        key && {
          keyId,
          staffId: key.user_id,
          publicKey: key.public_key,
          // a key in this PC's store was made here
          deviceId: t.device.id,
          revokedAt: null,
        }
      );
    },
    sealCheckedByCenter: issuing.syncState === 'acknowledged' || issuing.deviceId !== t.device.id,
  });
  return {
    genuine: verdict.genuine,
    message: verdict.message,
    caseId: issuing.caseId,
    caseNumber: caseNumber ?? null,
    kind: documentOfEvent[issuing.type] ?? null,
    issuedAt: issuing.occurredAt,
  };
}
