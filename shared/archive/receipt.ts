import { z } from 'zod';
import { sha256Schema } from '../case';

// Review of issue 18: the center as the archive's witness. A case archive alone can prove only
// that its events were signed by the keys it lists and its files match its hashes — whoever
// re-signs everything with keys of their own, or leaves a decision out, passes. The receipt is
// the center's word, signed with its own key, on what it holds of the case at the export: every
// event (id, device, place in the device's chain, hash), each device's key as the center
// registered it, the files the case names, and the hash of the manifest the PC showed it. The
// `verify-archive` then checks the archive against it, and prints the center key's fingerprint to
// compare with the one the center publishes.

export const receiptFormat = 'onewindow-case-receipt/1';
export const receiptName = 'center-receipt.json';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const caseReceiptSchema = z.strictObject({
  format: z.literal(receiptFormat),
  centerName: z.string(),
  issuedAt: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  /** in the center's order (server_seq) */
  events: z.array(
    z.strictObject({
      id: z.string(),
      deviceId: z.string(),
      deviceSeq: z.number().int().positive(),
      hash: hex64,
      serverSeq: z.number().int().positive(),
      status: z.enum(['accepted', 'conflicted']),
    }),
  ),
  devices: z.array(z.strictObject({ id: z.string(), publicKey: z.string() })),
  /** the files the case's events name that the center holds */
  files: z.array(sha256Schema),
  /**
   * the SHA-256 of the manifest.json the exporting PC showed the center: the archive's own
   * claims (which PDF an event issued, the case summary, who exported it) as they were then
   */
  manifestSha256: hex64,
  /** the PC that asked, which the manifest must name as its exporter (the center knows it) */
  requestedBy: z.string(),
});
export type CaseReceipt = z.infer<typeof caseReceiptSchema>;

export const signedReceiptSchema = z.strictObject({
  receipt: caseReceiptSchema,
  /** the center's Ed25519 public key (SPKI PEM) */
  centerKey: z.string(),
  /** base64 Ed25519 signature over receiptHash(receipt) */
  signature: z.string(),
});
export type SignedReceipt = z.infer<typeof signedReceiptSchema>;

export const centerKeySchema = z.strictObject({
  publicKey: z.string(),
  /** the SHA-256 of the PEM text (64 hex), as verify-archive prints it */
  fingerprint: z.string(),
});

/** The fingerprint in groups of four, as it is read aloud or compared by eye. */
export function groupedFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A fingerprint as a person typed or pasted it (groups, colons, capitals), or null when it is not
 * a whole one: a prefix or a blank must never stand for a check that was asked for.
 */
export function parseFingerprint(typed: string): string | null {
  const hex = typed.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}
