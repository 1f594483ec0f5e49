import {
  decisionNumber,
  evaluate,
  initialCaseState,
  sealMessage,
  sealRegistrationMessage,
  type CaseEvent,
  type CaseState,
  type EventOf,
} from '../../shared/case';
import { hashSigner, newKeyPair } from '../events/crypto';
import { sealKeyId } from './keys';

// Tests' seal keys: real Ed25519 keys and real signatures, without the PIN's lock (its scrypt
// is what keys.test.ts measures; a fixture of hundreds of stamps must not pay it each time).
// Registering one at a center is the test's job, through the real route where it can.

export type TestSealKey = {
  keyId: string;
  publicKey: string;
  privateKey: string;
  sign: (message: string) => string;
};

export function testSealKey(): TestSealKey {
  const pair = newKeyPair();
  return { keyId: sealKeyId(pair.publicKey), ...pair, sign: hashSigner(pair.privateKey) };
}

/** The registration's body for the center's `seal.register`, signed by the key. */
export function testRegistration(
  key: TestSealKey,
  username: string,
  password: string,
  createdAt: string,
) {
  const registration = { keyId: key.keyId, publicKey: key.publicKey, username, createdAt };
  return { ...registration, password, proof: key.sign(sealRegistrationMessage(registration)) };
}

/** The stamp as its payload stands, sealed with `key`. */
export function sealStamp(e: EventOf<'stamped'>, key: TestSealKey): EventOf<'stamped'> {
  const { seal: _old, ...payload } = e.payload;
  const signature = key.sign(
    sealMessage({ ...payload, caseId: e.caseId, occurredAt: e.occurredAt }),
  );
  return { ...e, payload: { ...payload, seal: { keyId: key.keyId, signature } } };
}

/**
 * Every stamp of `log` (cases in any interleaving) given the number its case's state gives, as
 * the terminal's stampDecision does, and sealed by its actor's key. A stamp out of turn keeps its
 * number (the reducer refuses it anyway); an actor without a key leaves the stamp unsealed.
 */
export function sealLog(
  log: readonly CaseEvent[],
  keyOf: (userId: string) => TestSealKey | undefined,
  /** the cases as they stood before `log` (the center's copy), when the log continues them */
  before: ReadonlyMap<string, CaseState> = new Map(),
): CaseEvent[] {
  const states = new Map(before);
  return log.map((event) => {
    const state = states.get(event.caseId) ?? initialCaseState;
    let e = event;
    if (e.type === 'stamped') {
      const number = state.status === 'decided' ? decisionNumber(state) : e.payload.decisionNumber;
      const key = keyOf(e.actor.userId);
      const numbered = { ...e, payload: { ...e.payload, decisionNumber: number } };
      e = key ? sealStamp(numbered, key) : numbered;
    }
    const verdict = evaluate(state, e);
    if (verdict.ok) states.set(e.caseId, verdict.state);
    return e;
  });
}
