import type { Verification, VerifiedDocument } from '../../shared/center-api';
import { documentOfEvent, normalizeVerificationCode } from '../../shared/documents';
import type { CaseState } from '../../shared/case';
import type { EventRow } from '../db/schema';
import type { ServerContext } from '../http/spec';
import { eventHash } from '../sync/crypto';
import { wireEventOf } from '../sync/event-rows';

// Anyone holding a printed notice — the applicant, a bank, another agency — checks it against the
// center's log by the code printed under its QR, without an account.

/**
 * Whether the stored event still is what its window signed — its content re-hashes to its hash —
 * and, for a seal, whether the decision it names still is the one sealed: an edit of the
 * decision's row after sealing, even one that rewrote that row's hash, shows here.
 */
async function intact(ctx: ServerContext, row: EventRow): Promise<boolean> {
  if (eventHash(wireEventOf(row)) !== row.hash) return false;
  if (row.type !== 'stamped') return true;
  const seal = JSON.parse(row.payload) as { decisionEventId?: string; decisionHash?: string };
  const decision = await ctx.db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', seal.decisionEventId ?? '')
    .executeTakeFirst();
  return (
    decision !== undefined &&
    decision.hash === seal.decisionHash &&
    eventHash(wireEventOf(decision)) === decision.hash
  );
}

/** Whether the event issued a paper of a decision a later correction replaced. */
function supersededBy(state: CaseState, eventId: string): boolean {
  return (
    state.status !== 'none' &&
    state.superseded.some((s) =>
      [s.stamp.eventId, s.certificate?.eventId, s.delivery?.eventId].includes(eventId),
    )
  );
}

export async function verifyDocument(ctx: ServerContext, typed: string): Promise<Verification> {
  const code = normalizeVerificationCode(typed);
  const notFound: Verification = {
    genuine: false,
    code: code ?? typed,
    message: '未找到该文书，请核对编码或向服务中心咨询 / no document with this code',
  };
  if (!code) return notFound;
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
  if (!(await intact(ctx, row))) {
    return {
      genuine: false,
      code,
      message:
        '该文书在服务中心的记录已被改动，验证未通过，请勿采信并报告服务中心 / the record was altered',
    };
  }
  if (row.case_state && supersededBy(JSON.parse(row.case_state) as CaseState, row.id)) {
    return {
      genuine: false,
      code,
      message: '该决定已被更正，本文书不再有效，请以更正后的决定书为准 / replaced by a correction',
    };
  }
  if (row.status === 'accepted') return { genuine: true, code, ...document };
  // Issued and signed by an enrolled window, but the center's record of the case did not admit
  // it (another window had acted first): the holder must ask rather than rely on it.
  return {
    genuine: false,
    code,
    conflicted: true,
    message: '该文书与服务中心记录不一致，请向服务中心核实 / conflicts with the center’s record',
    ...document,
  };
}
