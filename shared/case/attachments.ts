import { z } from 'zod';
import { text } from './schema-parts';

// Issue 18: a material's papers as files. The event that attaches them carries each file's
// SHA-256, so the device's hash chain covers the papers themselves: a scan changed after it was
// attached no longer matches its event, on any PC, at the center and in the archive.

/** What a stored file may be: the type sniffed from its bytes, never from its name. */
export const attachmentMediaTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

/** How the file came: the document camera, a file chosen by hand, a scanner's output folder. */
export const attachmentSources = ['camera', 'file', 'scanner'] as const;

/** The largest file a case may carry: a 50-page PDF scanned at 300 dpi fits. */
export const maxAttachmentBytes = 40 * 1024 * 1024;
/** Pages of one material: more than a clerk would scan for one paper, fewer than a runaway loop. */
export const maxFilesPerMaterial = 60;

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 须为64位小写十六进制');

export const attachmentSchema = z.object({
  sha256: sha256Schema,
  mediaType: z.enum(attachmentMediaTypes),
  bytes: z.number().int().positive().max(maxAttachmentBytes, '文件超过40MB'),
  source: z.enum(attachmentSources),
  /** the imported file's own name, kept for the archive; a camera page has none */
  name: text.max(200, '文件名不超过200字').optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * A material's files after the event, in page order: the list replaces the one before, so a
 * page taken again, removed or moved is one event and the earlier list stays in the history.
 */
export const materialFilesSchema = z.object({
  materialId: text,
  files: z
    .array(attachmentSchema)
    .max(maxFilesPerMaterial, `每项材料最多${maxFilesPerMaterial}个文件`)
    .refine((fs) => new Set(fs.map((f) => f.sha256)).size === fs.length, '同一文件不能重复附加'),
});

/** Where a one-time notice points: one page of one of the material's files (1-based). */
export const pageRefSchema = z.object({
  sha256: sha256Schema,
  page: z.number().int().positive().max(10_000),
});
export type PageRef = z.infer<typeof pageRefSchema>;
