import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { genesisHash, hashInput, type EventEnvelope, type SignedEvent } from '../../shared/sync';
import {
  ed25519PublicKeyPem,
  eventFault,
  eventHash,
  hashSigner,
  newKeyPair,
  signatureValid,
  signatureValidAsync,
} from './crypto';

const envelope: EventEnvelope = {
  id: '01900000-0000-7000-8000-000000000001',
  caseId: 'case-1',
  type: 'received',
  payload: { note: '窗口收件' },
  actor: { userId: 'u1', name: '张三', role: 'clerk' },
  windowId: 'w1',
  occurredAt: '2026-03-02T09:00:00.000+08:00',
  deviceId: 'd1',
  deviceSeq: 1,
  prevHash: genesisHash,
};

function signed(keys = newKeyPair()): { e: SignedEvent; publicKey: string } {
  const hash = eventHash(envelope);
  return {
    e: { ...envelope, hash, signature: hashSigner(keys.privateKey)(hash) },
    publicKey: keys.publicKey,
  };
}

describe('event hashing and signing', () => {
  it('hashes the SHA-256 hex of the canonical text, which both sides store', () => {
    expect(eventHash(envelope)).toBe(
      createHash('sha256').update(hashInput(envelope)).digest('hex'),
    );
  });

  it('verifies what its key signed, in both forms, and refuses another key', async () => {
    const { e, publicKey } = signed();
    expect(signatureValid(publicKey, e.hash, e.signature)).toBe(true);
    expect(await signatureValidAsync(publicKey, e.hash, e.signature)).toBe(true);
    const other = newKeyPair().publicKey;
    expect(signatureValid(other, e.hash, e.signature)).toBe(false);
    expect(await signatureValidAsync(other, e.hash, e.signature)).toBe(false);
  });

  it('treats a malformed key or signature as not valid rather than throwing', async () => {
    const { e, publicKey } = signed();
    expect(signatureValid('not a key', e.hash, e.signature)).toBe(false);
    expect(await signatureValidAsync('not a key', e.hash, e.signature)).toBe(false);
    expect(signatureValid(publicKey, e.hash, '!!')).toBe(false);
  });

  it('names what is wrong with an event, content first', () => {
    const { e, publicKey } = signed();
    expect(eventFault(e, publicKey)).toBeNull();
    expect(eventFault({ ...e, payload: { note: '改动' } }, publicKey)).toBe('altered');
    expect(eventFault(e, undefined)).toBe('unknownDevice');
    expect(eventFault(e, newKeyPair().publicKey)).toBe('badSignature');
  });

  it('takes only an Ed25519 public key, never a private one', () => {
    const keys = newKeyPair();
    expect(ed25519PublicKeyPem(keys.publicKey)).toBe(keys.publicKey);
    expect(ed25519PublicKeyPem(keys.privateKey)).toBeNull();
    expect(
      ed25519PublicKeyPem('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----'),
    ).toBeNull();
  });
});
