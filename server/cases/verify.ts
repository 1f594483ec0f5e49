import type { Verification, VerifiedDocument } from '../../shared/center-api';
import { documentOfEvent, normalizeVerificationCode } from '../../shared/documents';
import type { CaseState } from '../../shared/case';
import type { ServerContext } from '../http/spec';
import {
  documentMessages,
  judgeDocument,
  sealedDecisionId,
} from '../../node-shared/documents/verify';
import { signedEventOf } from '../../node-shared/events/rows';
import { sealKeyIdOf } from '../../node-shared/seal/verdict';
import { sealKeysById } from '../seal/keys';
import { caseProgress, maskCaseNumber } from './progress';

// Anyone holding a printed notice — the applicant, a bank, another agency — checks it against the
// center's log by the code printed under its QR, without an account.

/** The device keys the center holds for these devices, revoked ones too: they signed then. */
async function deviceKeys(ctx: ServerContext, ids: string[]): Promise<Map<string, string>> {
  const rows = await ctx.db
    .selectFrom('devices')
    .select(['id', 'public_key'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.public_key]));
}

export async function verifyDocument(ctx: ServerContext, typed: string): Promise<Verification> {
  const code = normalizeVerificationCode(typed);
  const notFound: Verification = {
    genuine: false,
    code: code ?? typed,
    message: documentMessages.unknownAtCenter,
  };
  if (!code) return { ...notFound, message: documentMessages.malformedCode };
  const row = await ctx.db
    .selectFrom('events as e')
    .leftJoin('cases as c', 'c.id', 'e.case_id')
    .leftJoin('departments as d', 'd.code', 'e.department_code')
    .leftJoin('windows as w', 'w.id', 'e.window_id')
    .selectAll('e')
    .select([
      'c.case_number',
      'c.item_name',
      'c.state as case_state',
      'd.name as department_name',
      'w.name as window_name',
    ])
    .where('e.verification_code', '=', code)
    .orderBy('e.server_seq')
    .executeTakeFirst();
  const kind = row ? documentOfEvent[row.type] : undefined;
  if (!row || !kind) return notFound;
  const document: VerifiedDocument = {
    kind,
    eventType: row.type,
    caseNumber: row.case_number,
    itemName: row.item_name,
    department: row.department_name ?? row.department_code,
    window: row.window_name ?? '',
    issuedAt: row.occurred_at,
  };
  const issuing = signedEventOf(row);
  const decisionId = sealedDecisionId(issuing);
  const decision =
    decisionId === null
      ? undefined
      : await ctx.db
          .selectFrom('events')
          .selectAll()
          .where('id', '=', decisionId)
          .executeTakeFirst();
  const keys = await deviceKeys(
    ctx,
    decision ? [row.device_id, decision.device_id] : [row.device_id],
  );
  const sealKeyId = sealKeyIdOf(issuing);
  const sealKeys = await sealKeysById(ctx.db, sealKeyId === null ? [] : [sealKeyId]);
  const state = row.case_state ? (JSON.parse(row.case_state) as CaseState) : null;
  const verdict = judgeDocument({
    issuing,
    sealedDecision: decision && signedEventOf(decision),
    admitted: row.status === 'accepted',
    state,
    publicKeyOf: (deviceId) => keys.get(deviceId),
    sealKeyOf: (keyId) => sealKeys.get(keyId),
    sealCheckedByCenter: false,
  });
  if (verdict.genuine) {
    const progress = state ? caseProgress(state) : undefined;
    return { genuine: true, code, ...document, ...(progress ? { progress } : {}) };
  }
  // Issued and signed by an enrolled window, but the center's record of the case did not admit
  // it (another window had acted first): the holder must ask rather than rely on it.
  if (verdict.fault === 'notAdmitted') {
    return { genuine: false, code, conflicted: true, message: verdict.message, ...document };
  }
  return { genuine: false, code, message: verdict.message };
}

/** The verification as the public page and its JSON give it: the case number masked. */
export function shownToThePublic(v: Verification): Verification {
  return 'caseNumber' in v && v.caseNumber !== null
    ? { ...v, caseNumber: maskCaseNumber(v.caseNumber) }
    : v;
}
