import { sealMessage, type SealRuleId } from '../../shared/case';
import { sealSignatureValid } from './keys';

// Whether a `stamped` event carries a seal the center can trust: the center's push (judge.ts),
// /verify and the terminal's own verify ask the same question, so it is answered once.

/** A seal key as the center registered it. */
export type RegisteredSealKey = {
  keyId: string;
  staffId: string;
  publicKey: string;
  /** the PC that registered it: the private key never leaves that PC */
  deviceId: string;
  revokedAt: string | null;
};

/** The parts of a stamped event a seal covers (a CaseEvent or a SignedEvent). */
export type StampedFacts = {
  caseId: string;
  /** the PC that wrote the stamp */
  deviceId: string;
  occurredAt: string;
  actor: { userId: string };
  payload: unknown;
};

type StampPayload = {
  decisionEventId?: unknown;
  decisionHash?: unknown;
  decisionNumber?: unknown;
  seal?: { keyId?: unknown; signature?: unknown };
};

// a payload off the wire is not yet parsed: anything but text signs as nothing
const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The seal's key id, when the event carries one. */
export function sealKeyIdOf(e: { payload: unknown }): string | null {
  const keyId = (e.payload as StampPayload | null)?.seal?.keyId;
  return typeof keyId === 'string' ? keyId : null;
}

/** What is wrong with the seal of a stamped event, given its key as registered; null: sound. */
export function sealFault(e: StampedFacts, key: RegisteredSealKey | undefined): SealRuleId | null {
  const p = (e.payload ?? {}) as StampPayload;
  const signature = p.seal?.signature;
  if (!p.seal || typeof signature !== 'string') return 'seal.missing';
  if (!key) return 'seal.keyUnknown';
  if (key.staffId !== e.actor.userId) return 'seal.keyNotActor';
  // The key was made on one PC and stays there: a stamp under it from any other PC was made by
  // someone who copied the locked key out — and revoking a lost PC then kills its keys too.
  if (key.deviceId !== e.deviceId) return 'seal.otherDevice';
  // revoked at or before the stamp: the chief no longer held the seal then
  if (key.revokedAt !== null && Date.parse(key.revokedAt) <= Date.parse(e.occurredAt)) {
    return 'seal.keyRevoked';
  }
  const message = sealMessage({
    caseId: e.caseId,
    decisionEventId: textOf(p.decisionEventId),
    decisionHash: textOf(p.decisionHash),
    decisionNumber: textOf(p.decisionNumber),
    occurredAt: e.occurredAt,
  });
  return sealSignatureValid(key.publicKey, message, signature) ? null : 'seal.badSignature';
}
