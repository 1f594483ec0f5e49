import type { Role } from '../../shared/case';
import type { Conflict, PulledEvent, PushResult, WireEvent } from '../../shared/sync';
import type { EventRow, NewEvent } from '../db/schema';

// One place turns a stored row back into the event the terminal signed: push replays, pull and
// the center's case history all hand out exactly these bytes, so a terminal re-verifies them.

export function wireEventOf(row: EventRow): WireEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    actor: { userId: row.actor_id, name: row.actor_name, role: row.actor_role as Role },
    windowId: row.window_id,
    occurredAt: row.occurred_at,
    deviceId: row.device_id,
    deviceSeq: row.device_seq,
    prevHash: row.prev_hash,
    hash: row.hash,
    signature: row.signature,
  };
}

/** The columns a push answer is made of. */
export type ResultColumns = Pick<
  EventRow,
  'id' | 'device_seq' | 'server_seq' | 'status' | 'conflict_rule' | 'conflict_message'
>;
export const resultColumns = [
  'id',
  'device_seq',
  'server_seq',
  'status',
  'conflict_rule',
  'conflict_message',
] as const satisfies readonly (keyof EventRow)[];

export function conflictOf(row: ResultColumns): Conflict | undefined {
  return row.status === 'conflicted'
    ? { rule: row.conflict_rule ?? '', message: row.conflict_message ?? '' }
    : undefined;
}

export function pushResultOf(row: ResultColumns): PushResult {
  const conflict = conflictOf(row);
  return {
    id: row.id,
    deviceSeq: row.device_seq,
    serverSeq: row.server_seq,
    status: row.status,
    ...(conflict ? { conflict } : {}),
  };
}

export function pulledEventOf(row: EventRow): PulledEvent {
  const conflict = conflictOf(row);
  return {
    serverSeq: row.server_seq,
    status: row.status,
    ...(conflict ? { conflict } : {}),
    event: wireEventOf(row),
  };
}

export type Admission = {
  departmentCode: string;
  status: EventRow['status'];
  conflict: Conflict | null;
  receivedAt: string;
  verificationCode: string | null;
};

export function newEventRow(e: WireEvent, a: Admission): NewEvent {
  return {
    id: e.id,
    case_id: e.caseId,
    department_code: a.departmentCode,
    window_id: e.windowId,
    device_id: e.deviceId,
    device_seq: e.deviceSeq,
    type: e.type,
    // JSON.stringify of what was parsed from the request: the hash is over the canonical form,
    // which JSON.parse then canonicalJson reproduces from this text whatever its key order.
    payload: JSON.stringify(e.payload),
    actor_id: e.actor.userId,
    actor_name: e.actor.name,
    actor_role: e.actor.role,
    occurred_at: e.occurredAt,
    prev_hash: e.prevHash,
    hash: e.hash,
    signature: e.signature,
    status: a.status,
    conflict_rule: a.conflict?.rule ?? null,
    conflict_message: a.conflict?.message ?? null,
    received_at: a.receivedAt,
    verification_code: a.verificationCode,
  };
}
