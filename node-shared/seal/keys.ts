import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { z } from 'zod';
import { hashSigner, newKeyPair, signatureValid } from '../events/crypto';

// The chief's seal key at rest: the Ed25519 private key encrypted under the seal PIN. A PIN has
// a million values, so the key that encrypts is derived with scrypt, memory-hard, at a cost that
// makes each guess slow on any hardware (see `sealKdf`); AES-256-GCM then makes a wrong PIN
// fail to decrypt rather than yield a wrong key. The terminal seals the result once more with
// the OS's protector where it has one (electron/store/seal-keys.ts).

/**
 * scrypt N=2^17, r=8, p=1: 128 MiB and ~0.8 s per derivation on a 2-core hall PC — once per
 * stamp for the chief, once per guess for whoever stole the file. The parameters are stored with
 * every key, so raising them later leaves the keys already made readable.
 */
export const sealKdf = { N: 1 << 17, r: 8, p: 1 } as const;

const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(1024),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string(),
});
export type SealKdfParams = z.infer<typeof kdfSchema>;

const lockedSchema = z.object({
  v: z.literal(1),
  kdf: kdfSchema,
  cipher: z.literal('aes-256-gcm'),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

/** A seal key as made: the private half only ever leaves this function locked under the PIN. */
export type NewSealKey = {
  keyId: string;
  publicKey: string;
  /** JSON: KDF parameters, salt, IV, tag and the encrypted PKCS#8 PEM */
  lockedPrivateKey: string;
  kdf: SealKdfParams;
  /** signs with the new key while it is still in memory (the registration's proof) */
  sign: (message: string) => string;
};

function derive(pin: string, kdf: SealKdfParams): Buffer {
  // 128 MiB needs room above Node's 32 MiB default; twice the need, so a raised N still fits
  const maxmem = 256 * kdf.N * kdf.r + 64 * 1024 * 1024;
  return scryptSync(pin.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem,
  });
}

/** The key's id: a fingerprint of its public half, so the id cannot name another key. */
export function sealKeyId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return `seal-${createHash('sha256').update(der).digest('hex').slice(0, 32)}`;
}

/** A fresh seal key pair, its private half encrypted under `pin`. `cost` is for tests only. */
export function newSealKey(pin: string, cost: { N: number } = sealKdf): NewSealKey {
  const pair = newKeyPair();
  const kdf: SealKdfParams = {
    name: 'scrypt',
    N: cost.N,
    r: sealKdf.r,
    p: sealKdf.p,
    salt: randomBytes(16).toString('base64'),
  };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(pin, kdf), iv);
  const data = Buffer.concat([cipher.update(pair.privateKey, 'utf8'), cipher.final()]);
  const locked: z.infer<typeof lockedSchema> = {
    v: 1,
    kdf,
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return {
    keyId: sealKeyId(pair.publicKey),
    publicKey: pair.publicKey,
    lockedPrivateKey: JSON.stringify(locked),
    kdf,
    sign: hashSigner(pair.privateKey),
  };
}

/** The KDF parameters a locked key was made with (stored beside it, for audit). */
export function lockedKdf(lockedPrivateKey: string): SealKdfParams {
  return lockedSchema.parse(JSON.parse(lockedPrivateKey)).kdf;
}

/**
 * The private key (PKCS#8 PEM), or null when `pin` is not the one it was locked with: GCM's tag
 * fails for any other derived key. A damaged record throws — that is not a wrong PIN.
 */
export function unlockSealKey(lockedPrivateKey: string, pin: string): string | null {
  const locked = lockedSchema.parse(JSON.parse(lockedPrivateKey));
  const decipher = createDecipheriv(
    'aes-256-gcm',
    derive(pin, locked.kdf),
    Buffer.from(locked.iv, 'base64'),
  );
  decipher.setAuthTag(Buffer.from(locked.tag, 'base64'));
  try {
    return Buffer.concat([
      decipher.update(Buffer.from(locked.data, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
}

/** Ed25519 over the UTF-8 of `message` (sealMessage / sealRegistrationMessage), base64. */
export function signWithSeal(privateKeyPem: string, message: string): string {
  return hashSigner(privateKeyPem)(message);
}

/** Whether `signature` is the seal key's over `message`; a malformed key or signature is not. */
export function sealSignatureValid(publicKeyPem: string, message: string, signature: string) {
  return signatureValid(publicKeyPem, message, signature);
}
