import type { OpenCase } from './state';

// The seal is the chief's own Ed25519 key (issue 13): the terminal signs, the center and /verify
// check. What is signed is defined once, here, so the three read the same bytes.

/** What a seal signature covers: the decision it makes official, and when it was applied. */
export type SealedDecision = {
  caseId: string;
  decisionEventId: string;
  decisionHash: string;
  decisionNumber: string;
  /** the `stamped` event's own occurredAt, as stored */
  occurredAt: string;
};

// A JSON array in a fixed order, with a purpose tag: no field can slide into another, and a
// signature made for one purpose (a key's registration) can never pass for a seal.
export function sealMessage(d: SealedDecision): string {
  return JSON.stringify([
    'onewindow.seal.v1',
    d.caseId,
    d.decisionEventId,
    d.decisionHash,
    d.decisionNumber,
    d.occurredAt,
  ]);
}

/** What the new seal key signs to prove, at its registration, that the terminal holds it. */
// No device id in it: the proof is made when the PIN is set, and a terminal enrolled after that
// registers under another id; the device token names the PC.
export type SealRegistration = {
  keyId: string;
  publicKey: string;
  username: string;
  createdAt: string;
};

export function sealRegistrationMessage(r: SealRegistration): string {
  return JSON.stringify(['onewindow.seal-key.v1', r.keyId, r.publicKey, r.username, r.createdAt]);
}

/**
 * 决定书文号: department, 准 or 不准, then the case's own date and serial — the year in 〔〕 is
 * the year of receipt, so the number is as unique as the case number, made offline — and 更N for
 * the N-th correction. The center recomputes it for every stamp: a number is not the terminal's
 * to choose.
 */
export function decisionNumber(state: OpenCase): string {
  const [department, day = '', ...terminal] = state.caseNumber.split('-');
  const outcome = state.decision?.decision.outcome === 'deny' ? '不准' : '准';
  const corrections = state.superseded.length;
  return (
    `${department}许${outcome}〔${day.slice(0, 4)}〕` +
    `${day.slice(4)}-${terminal.join('-')}${corrections > 0 ? `更${corrections}` : ''}号`
  );
}
