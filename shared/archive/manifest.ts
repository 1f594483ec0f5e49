import { z } from 'zod';
import { actorSchema, attachmentMediaTypes, sha256Schema } from '../case';
import { signedEventSchema } from '../sync';

// Issue 18 part 4: what a case archive (a ZIP) says about itself. The exporting terminal writes
// it and `npm run verify-archive` reads it offline, years later, on a PC that has none of the
// product's databases: everything a check needs is in here — every event exactly as its device
// signed it, each device's public key, and every file's SHA-256 and size.

export const archiveFormat = 'onewindow-case-archive/1';
export const manifestName = 'manifest.json';

const extension: Record<(typeof attachmentMediaTypes)[number], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/** Where a material file sits in the ZIP: named by its hash, so a path cannot name another file. */
export function materialPath(
  sha256: string,
  mediaType: (typeof attachmentMediaTypes)[number],
): string {
  return `materials/${sha256}.${extension[mediaType]}`;
}

export const archivedFileSchema = z.strictObject({
  /** the file's path inside the ZIP */
  path: z.string().min(1).max(300),
  sha256: sha256Schema,
  bytes: z.number().int().nonnegative(),
  mediaType: z.enum([...attachmentMediaTypes]),
  /** a scan attached to the case, or a notice or decision printed from an event */
  kind: z.enum(['material', 'document']),
  /** material: every material the file was attached to; document: the event that issued it */
  materialIds: z.array(z.string()).optional(),
  eventId: z.string().optional(),
  /** document: which one (acceptance, notice, decision …) */
  documentKind: z.string().optional(),
});
export type ArchivedFile = z.infer<typeof archivedFileSchema>;

export const archiveManifestSchema = z.strictObject({
  format: z.literal(archiveFormat),
  exportedAt: z.string(),
  exportedBy: actorSchema,
  /** the PC that made the archive */
  exportedOn: z.string(),
  case: z.strictObject({
    id: z.string(),
    caseNumber: z.string(),
    item: z.strictObject({ code: z.string(), name: z.string() }),
    /**
     * masked as the lists mask it: the archive travels (a USB stick, the records office) and the
     * events inside carry the full applicant for whoever has the right to read them
     */
    applicant: z.strictObject({ kind: z.enum(['person', 'organisation']), name: z.string() }),
  }),
  /** every device whose events are in the archive, with the key its signatures verify under */
  devices: z.array(z.strictObject({ id: z.string(), publicKey: z.string() })),
  /** the case's events in the order the terminal folds them, each as signed */
  events: z.array(signedEventSchema),
  files: z.array(archivedFileSchema),
  /** material files the exporting PC could not get (neither here nor from the center) */
  missing: z.array(z.strictObject({ sha256: sha256Schema, reason: z.string() })),
  /**
   * why the center's signed receipt (center-receipt.json) is not in the ZIP; absent when it is.
   * Optional: archives exported before the receipt existed still parse, and fail for lacking it.
   */
  receiptMissing: z.string().optional(),
});
export type ArchiveManifest = z.infer<typeof archiveManifestSchema>;
