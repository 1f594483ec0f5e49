import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { hashInput, type EventEnvelope, type SignedEvent } from '../../shared/sync';

// The recipe the terminal signs with and the center checks with, so it exists once: SHA-256 hex
// of the canonical text, Ed25519 over the UTF-8 of that hex. Were the two sides to differ by a
// byte, every chain would look broken to the center.

/** What the event's `hash` must be. */
export function eventHash(e: EventEnvelope): string {
  return createHash('sha256').update(hashInput(e), 'utf8').digest('hex');
}

/** A fresh Ed25519 key pair as PEM: SPKI for the public half, PKCS#8 for the private one. */
export function newKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A signer of event hashes with one private key (PKCS#8 PEM), parsed once. */
export function hashSigner(privateKeyPem: string): (hash: string) => string {
  const key = createPrivateKey(privateKeyPem);
  return (hash) => sign(null, Buffer.from(hash), key).toString('base64');
}

/**
 * The key as the center stores it (SPKI PEM, re-exported so every copy is byte-identical), or
 * null when the text is not an Ed25519 public key. A private key is refused even though Node
 * would derive its public half: a terminal that sends it has leaked its signing power.
 */
export function ed25519PublicKeyPem(text: string): string | null {
  if (!text.trim().startsWith('-----BEGIN PUBLIC KEY-----')) return null;
  try {
    const key = createPublicKey({ key: text, format: 'pem' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    return null;
  }
}

/** Ed25519 over the UTF-8 of the hash hex string; a malformed key or signature is not valid. */
export function signatureValid(publicKeyPem: string, hash: string, signature: string): boolean {
  try {
    return verify(
      null,
      Buffer.from(hash),
      publicKeyOf(publicKeyPem),
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/**
 * The same check on libuv's thread pool: a pull checks a page of signatures there while the
 * main thread hashes the events. Never rejects; a malformed key or signature is simply not
 * verified, and the caller's own check then names it.
 */
export function signatureValidAsync(
  publicKeyPem: string,
  hash: string,
  signature: string,
): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      verify(
        null,
        Buffer.from(hash),
        publicKeyOf(publicKeyPem),
        Buffer.from(signature, 'base64'),
        (error, ok) => resolve(!error && ok),
      );
    } catch {
      resolve(false);
    }
  });
}

/** What is wrong with a signed event taken by itself, in the order it is checked. */
export type EventFault = 'altered' | 'unknownDevice' | 'badSignature';

/**
 * Whether the event still is what its device signed: its content re-hashes to its hash, and the
 * hash carries the signature of the device's key (undefined: the device is not known here).
 */
export function eventFault(e: SignedEvent, publicKeyPem: string | undefined): EventFault | null {
  if (eventHash(e) !== e.hash) return 'altered';
  if (publicKeyPem === undefined) return 'unknownDevice';
  if (!signatureValid(publicKeyPem, e.hash, e.signature)) return 'badSignature';
  return null;
}

// Parsing a PEM costs about as much as the verify itself, and a push checks up to 500 events of
// one device while a pull checks thousands against the department's handful of keys: the keys
// seen lately are kept, least recently used first out. Keys are public, so holding them is
// harmless; the bound only stops a pathological caller.
const keyCacheSize = 1024;
const keys = new Map<string, KeyObject>();

function publicKeyOf(pem: string): KeyObject {
  let key = keys.get(pem);
  if (key) {
    keys.delete(pem);
  } else {
    key = createPublicKey(pem);
    if (keys.size >= keyCacheSize) keys.delete(keys.keys().next().value as string);
  }
  keys.set(pem, key);
  return key;
}
