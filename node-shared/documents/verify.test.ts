import { describe, expect, it } from 'vitest';
import { genesisHash, type EventEnvelope, type SignedEvent } from '../../shared/sync';
import { sealMessage } from '../../shared/case';
import { eventHash, hashSigner, newKeyPair } from '../events/crypto';
import { testSealKey, type TestSealKey } from '../seal/test-keys';
import { documentMessages, judgeDocument, sealedDecisionId, type IssuedDocument } from './verify';

// Corrections are judged from a folded case: the terminal's and the center's own tests fold
// real logs for that (electron/services/decisions.test.ts, server/cases/verify.test.ts).

const keys = newKeyPair();
const sign = hashSigner(keys.privateKey);

function signed(e: Omit<EventEnvelope, 'deviceId' | 'prevHash' | 'actor' | 'windowId'>) {
  const envelope: EventEnvelope = {
    ...e,
    actor: { userId: 'u1', name: '李科长', role: 'chief' },
    windowId: 'w1',
    deviceId: 'd1',
    prevHash: genesisHash,
  };
  const hash = eventHash(envelope);
  return { ...envelope, hash, signature: sign(hash) } satisfies SignedEvent;
}

const at = '2026-03-02T09:00:00.000+08:00';
const decision = signed({
  id: 'e-decided',
  caseId: 'c1',
  type: 'decided',
  payload: { outcome: 'approve', granted: '食品经营许可' },
  occurredAt: at,
  deviceSeq: 1,
});
const chiefSeal = testSealKey();
const stampPayload = {
  decisionEventId: decision.id,
  decisionHash: decision.hash,
  decisionNumber: 'N1',
};
const sealOf = (key: TestSealKey, payload = stampPayload) => ({
  keyId: key.keyId,
  signature: key.sign(sealMessage({ ...payload, caseId: 'c1', occurredAt: at })),
});
const stamp = (payload: Record<string, unknown>) =>
  signed({ id: 'e-stamped', caseId: 'c1', type: 'stamped', payload, occurredAt: at, deviceSeq: 2 });
const seal = stamp({ ...stampPayload, seal: sealOf(chiefSeal) });
const registered = {
  keyId: chiefSeal.keyId,
  staffId: 'u1',
  publicKey: chiefSeal.publicKey,
  deviceId: 'd1',
  revokedAt: null,
};

function document(over: Partial<IssuedDocument> = {}): IssuedDocument {
  return {
    issuing: seal,
    sealedDecision: decision,
    admitted: true,
    state: null,
    publicKeyOf: (id) => (id === 'd1' ? keys.publicKey : undefined),
    sealKeyOf: (keyId) => (keyId === chiefSeal.keyId ? registered : undefined),
    sealCheckedByCenter: false,
    ...over,
  };
}

describe('judgeDocument', () => {
  it('confirms a sealed decision that is as signed, and names the decision to load', () => {
    expect(sealedDecisionId(seal)).toBe(decision.id);
    expect(sealedDecisionId(decision)).toBeNull();
    expect(judgeDocument(document())).toEqual({
      genuine: true,
      message: documentMessages.genuine,
    });
  });

  it('refuses an issuing event whose content, device or signature does not hold', () => {
    const edited = {
      ...seal,
      payload: { ...stampPayload, seal: sealOf(chiefSeal), decisionNumber: 'N2' },
    };
    expect(judgeDocument(document({ issuing: edited }))).toMatchObject({ fault: 'altered' });
    expect(judgeDocument(document({ publicKeyOf: () => undefined }))).toMatchObject({
      fault: 'altered',
    });
    expect(judgeDocument(document({ publicKeyOf: () => newKeyPair().publicKey }))).toMatchObject({
      fault: 'altered',
      message: documentMessages.altered,
    });
  });

  it('refuses a seal whose decision changed, even with the decision’s hash rewritten', () => {
    const edited = { ...decision, payload: { outcome: 'approve', granted: '食品生产许可' } };
    const rehashed = { ...edited, hash: eventHash(edited) };
    for (const sealedDecision of [edited, rehashed, undefined]) {
      expect(judgeDocument(document({ sealedDecision }))).toEqual({
        genuine: false,
        fault: 'decisionAltered',
        message: documentMessages.decisionAltered,
      });
    }
  });

  it('refuses a decision not sealed by its chief’s registered, unrevoked key', () => {
    const sealInvalid = { genuine: false, fault: 'sealInvalid' };
    const forger = testSealKey();
    // no seal; a key nobody registered; the chief's key over other words; another staff's key
    for (const issuing of [
      stamp(stampPayload),
      stamp({ ...stampPayload, seal: sealOf(forger) }),
      stamp({
        ...stampPayload,
        seal: sealOf(chiefSeal, { ...stampPayload, decisionNumber: 'N9' }),
      }),
    ]) {
      expect(judgeDocument(document({ issuing }))).toMatchObject(sealInvalid);
    }
    const notTheActor = { ...registered, staffId: 'u2' };
    expect(judgeDocument(document({ sealKeyOf: () => notTheActor }))).toMatchObject(sealInvalid);
    // the chief's own key, but registered from another PC: copied out of the PC it was made on
    const elsewhere = { ...registered, deviceId: 'd2' };
    expect(judgeDocument(document({ sealKeyOf: () => elsewhere }))).toMatchObject(sealInvalid);
    // revoked at the very minute of the stamp: no longer the chief's seal; a minute later: still
    const revokedAt = (iso: string) => () => ({ ...registered, revokedAt: iso });
    expect(
      judgeDocument(document({ sealKeyOf: revokedAt('2026-03-02T09:00:00+08:00') })),
    ).toMatchObject(sealInvalid);
    expect(
      judgeDocument(document({ sealKeyOf: revokedAt('2026-03-02T09:01:00+08:00') })),
    ).toMatchObject({ genuine: true });
    // a terminal without the key takes the center's acceptance, never for a stamp without seal
    const unheld = { sealKeyOf: () => undefined, sealCheckedByCenter: true };
    expect(judgeDocument(document(unheld))).toMatchObject({ genuine: true });
    expect(judgeDocument(document({ ...unheld, issuing: stamp(stampPayload) }))).toMatchObject(
      sealInvalid,
    );
  });

  it('warns about a document the center did not admit', () => {
    expect(judgeDocument(document({ admitted: false }))).toMatchObject({
      genuine: false,
      fault: 'notAdmitted',
    });
  });
});
