import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { hashInput, type EventEnvelope } from '../../shared/sync';
import { sha256Hex } from '../http/tokens';

// The terminal's half of this lives in electron/store (which server/ may not import): the same
// recipe — SHA-256 hex of the canonical text, Ed25519 over the UTF-8 of that hex — must hold on
// both sides, or every chain would look broken to the center.

/** What the event's `hash` must be. */
export function eventHash(e: EventEnvelope): string {
  return sha256Hex(hashInput(e));
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

/** Ed25519 over the UTF-8 of the hash hex string; a malformed signature is simply not valid. */
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

// Parsing a PEM costs about as much as the verify itself, and a push checks up to 500 events of
// one device: the keys of the terminals heard from lately are kept, least recently used first out.
const keyCacheSize = 256;
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
