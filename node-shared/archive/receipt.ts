import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/sync/canonical';
import type { CaseReceipt } from '../../shared/archive/receipt';

// The bytes a center receipt's signature covers, and the fingerprint a key is shown by: one
// recipe for the center that signs and the command that checks, years apart.

export function receiptHash(receipt: CaseReceipt): string {
  return createHash('sha256').update(canonicalJson(receipt), 'utf8').digest('hex');
}

/**
 * A key as people compare it: the whole SHA-256 of its PEM text. Not a prefix: an archive is
 * relied on for decades, and a 64-bit prefix is within reach of whoever wants a second key that
 * shows the same (the review of issue 18).
 */
export function keyFingerprint(publicKeyPem: string): string {
  return createHash('sha256').update(publicKeyPem, 'utf8').digest('hex');
}
