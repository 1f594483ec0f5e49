import { describe, expect, it } from 'vitest';
import { sealMessage } from '../../shared/case';
import {
  lockedKdf,
  newSealKey,
  sealKdf,
  sealKeyId,
  sealSignatureValid,
  signWithSeal,
  unlockSealKey,
} from './keys';

const decision = {
  caseId: 'c1',
  decisionEventId: 'e1',
  decisionHash: 'a'.repeat(64),
  decisionNumber: 'SJ许准〔2026〕0302-SJ01-T1-0001号',
  occurredAt: '2026-03-02T10:00:00+08:00',
};

describe('the seal key at rest', () => {
  it('is locked under the PIN with the stored scrypt parameters: the PIN opens it, no other does', () => {
    const key = newSealKey('270415');
    expect(key.kdf).toMatchObject({ name: 'scrypt', N: sealKdf.N, r: 8, p: 1 });
    expect(Buffer.from(key.kdf.salt, 'base64')).toHaveLength(16);
    // the parameters travel with the locked key, so a later raise leaves this one readable
    expect(lockedKdf(key.lockedPrivateKey)).toEqual(key.kdf);
    // nothing of the private key in the clear
    expect(key.lockedPrivateKey).not.toContain('PRIVATE KEY');
    expect(key.keyId).toBe(sealKeyId(key.publicKey));

    expect(unlockSealKey(key.lockedPrivateKey, '270416')).toBeNull();
    const opened = unlockSealKey(key.lockedPrivateKey, '270415');
    expect(opened).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const signature = signWithSeal(opened!, sealMessage(decision));
    expect(sealSignatureValid(key.publicKey, sealMessage(decision), signature)).toBe(true);
    // the signature covers the number: another number does not verify
    const other = sealMessage({ ...decision, decisionNumber: 'SJ许准〔2026〕9999号' });
    expect(sealSignatureValid(key.publicKey, other, signature)).toBe(false);
  });

  it('keeps each key’s own salt and parameters; a damaged record is an error, not a wrong PIN', () => {
    const a = newSealKey('270415', { N: 1024 });
    const b = newSealKey('270415', { N: 1024 });
    expect(a.kdf.N).toBe(1024);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(unlockSealKey(a.lockedPrivateKey, '270415')).not.toBeNull();
    // a flipped byte of the ciphertext fails GCM's tag like a wrong PIN would: no key comes out
    const locked = JSON.parse(a.lockedPrivateKey) as { data: string };
    const bytes = Buffer.from(locked.data, 'base64');
    bytes[0]! ^= 1;
    const flipped = JSON.stringify({ ...locked, data: bytes.toString('base64') });
    expect(unlockSealKey(flipped, '270415')).toBeNull();
    expect(() => unlockSealKey('{"v":2}', '270415')).toThrow();
    // the proof of possession the registration carries is the key's own signature
    expect(sealSignatureValid(a.publicKey, 'm', a.sign('m'))).toBe(true);
    expect(sealSignatureValid(b.publicKey, 'm', a.sign('m'))).toBe(false);
  });
});
