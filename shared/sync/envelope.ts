import type { Role } from '../case';
import { canonicalJson } from './canonical';

// What travels and is chained: the case event plus where it was made. `hash` covers every field
// here except `hash` and `signature`; `signature` is the device's Ed25519 signature over `hash`.
export type EventEnvelope = {
  id: string;
  caseId: string;
  type: string;
  payload: unknown;
  actor: { userId: string; name: string; role: Role };
  windowId: string;
  occurredAt: string;
  deviceId: string;
  deviceSeq: number;
  prevHash: string;
};

export type SignedEvent = EventEnvelope & { hash: string; signature: string };

// The chain of a device starts from this well-known value so that the first event is chained too.
export const genesisHash = '0'.repeat(64);

/** The case event inside an envelope: what the reducer folds, without transport fields. */
export function casePart(
  e: EventEnvelope,
): Omit<EventEnvelope, 'deviceId' | 'deviceSeq' | 'prevHash'> {
  return {
    id: e.id,
    caseId: e.caseId,
    type: e.type,
    payload: e.payload,
    actor: e.actor,
    windowId: e.windowId,
    occurredAt: e.occurredAt,
  };
}

/** Exactly the fields the hash covers, so that extra properties on a row never change it. */
export function hashedFields(e: EventEnvelope): EventEnvelope {
  return {
    ...casePart(e),
    deviceId: e.deviceId,
    deviceSeq: e.deviceSeq,
    prevHash: e.prevHash,
  };
}

/** The exact bytes whose SHA-256 is an event's `hash` (terminal and center hash the same text). */
export function hashInput(e: EventEnvelope): string {
  return canonicalJson(hashedFields(e));
}
