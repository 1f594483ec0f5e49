import type { CallOutput, ParsedInput } from '../../shared/api';
import {
  documentOfEvent,
  normalizeVerificationCode,
  verificationCode,
} from '../../shared/documents';
import { sql } from '../store/db';
import { eventFault } from '../../node-shared/events/crypto';
import { caseEvents, folds, toStoredEvent, type EventRow, type StoredEvent } from '../store/events';
import { foldCase } from '../projections/cases';
import { peerKeys } from '../store/reference';
import type { Terminal } from './terminal';

type Verdict = CallOutput<'documents.verify'>;

const issuingTypes = Object.keys(documentOfEvent);

/** Whether a stored event is still what its device signed: content, hash and signature agree. */
function intact(t: Terminal, e: StoredEvent): boolean {
  const key = e.deviceId === t.device.id ? t.device.publicKey : peerKeys(t.db).get(e.deviceId);
  return eventFault(e, key) === null;
}

function storedEvent(t: Terminal, id: string): StoredEvent | undefined {
  const row = sql(t.db, 'SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
  return row ? toStoredEvent(row) : undefined;
}

/**
 * A printed document checked against this terminal's log. The code names the issuing event; that
 * event must re-hash to its stored hash and carry its device's signature, and a decision's seal
 * must still hold the hash of the decision it sealed — so an edit of the decision after sealing,
 * even one that rewrote the decision's own hash, shows here.
 */
export function verifyPrinted(t: Terminal, input: ParsedInput<'documents.verify'>): Verdict {
  const code = normalizeVerificationCode(input.code);
  const unknown: Verdict = {
    genuine: false,
    message: '本终端没有该验证码的文书：请核对验证码，或到出具窗口核验',
    caseId: null,
    caseNumber: null,
    kind: null,
    issuedAt: null,
  };
  if (!code)
    return { ...unknown, message: '验证码格式不正确：应为 12 位字母数字，如 ABCD-EFGH-JKMN' };
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
  const found = {
    caseId: issuing.caseId,
    caseNumber: caseNumber ?? null,
    kind: documentOfEvent[issuing.type] ?? null,
    issuedAt: issuing.occurredAt,
  };
  const forged = (message: string): Verdict => ({ genuine: false, message, ...found });
  if (!intact(t, issuing))
    return forged('文书对应的记录已被改动，验证未通过：请勿采信，并报告服务中心');
  if (issuing.type === 'stamped') {
    const seal = issuing.payload as { decisionEventId: string; decisionHash: string };
    const decision = storedEvent(t, seal.decisionEventId);
    if (!decision || decision.hash !== seal.decisionHash || !intact(t, decision)) {
      return forged('盖章后决定内容已被改动，验证未通过：请勿采信，并报告服务中心');
    }
  }
  if (!folds(issuing)) {
    return forged('该文书与服务中心的记录不一致（未被中心采纳）：请向服务中心核实');
  }
  // a corrected decision, and the certificate and receipt that went with it, no longer hold
  const state = foldCase(caseEvents(t.db, issuing.caseId));
  const replaced =
    state.status === 'none'
      ? undefined
      : state.superseded.find((s) =>
          [s.stamp.eventId, s.certificate?.eventId, s.delivery?.eventId].includes(issuing.id),
        );
  if (replaced) {
    return forged('该决定已被更正，本文书不再有效：请以更正后的决定书为准');
  }
  return { genuine: true, message: '验证通过：该文书与窗口记录一致', ...found };
}
