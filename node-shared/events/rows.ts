import type { Role } from '../../shared/case';
import type { SignedEvent } from '../../shared/sync';

/**
 * A signed event's columns, named alike in the terminal's and the center's `events` tables. One
 * mapping turns them back into the event the device signed: the center hands out exactly these
 * bytes (push replays, pull, case history) and a terminal re-verifies them, so a field mapped
 * differently on one side would read as a forged event on the other.
 */
export type SignedEventColumns = {
  id: string;
  case_id: string;
  type: string;
  payload: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  window_id: string;
  occurred_at: string;
  device_id: string;
  device_seq: number;
  prev_hash: string;
  hash: string;
  signature: string;
};

export function signedEventOf(row: SignedEventColumns): SignedEvent {
  return {
    id: row.id,
    caseId: row.case_id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    // only events whose case part passed caseEventSchema are ever stored
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

export function signedEventColumns(e: SignedEvent): SignedEventColumns {
  return {
    id: e.id,
    case_id: e.caseId,
    type: e.type,
    // JSON.stringify of the parsed payload: the hash is over the canonical form, which
    // JSON.parse then canonicalJson reproduces from this text whatever its key order.
    payload: JSON.stringify(e.payload),
    actor_id: e.actor.userId,
    actor_name: e.actor.name,
    actor_role: e.actor.role,
    window_id: e.windowId,
    occurred_at: e.occurredAt,
    device_id: e.deviceId,
    device_seq: e.deviceSeq,
    prev_hash: e.prevHash,
    hash: e.hash,
    signature: e.signature,
  };
}
