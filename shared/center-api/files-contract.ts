import { z } from 'zod';
import { maxAttachmentBytes, sha256Schema } from '../case/attachments';
import { anyone, terminal } from './auth';
import { centerKeySchema, signedReceiptSchema } from '../archive/receipt';
import type { CenterContract } from './call';

// Issue 18: the materials' files travel apart from the events — a page is a few hundred
// kilobytes, an event a few hundred bytes, and a scan must never hold up the case's sync. An
// upload goes in chunks at an offset, so a connection cut (or a center restarted) resumes where
// the center's copy ends; the center keeps a file only once its bytes hash to its name.

/** One request's worth of a file: small enough to resend cheaply over a poor hall line. */
export const fileChunkBytes = 1024 * 1024;

export const fileParams = z.strictObject({ sha256: sha256Schema });

export const filesHaveSchema = z.strictObject({
  files: z
    .array(
      z.strictObject({
        sha256: sha256Schema,
        bytes: z.number().int().positive().max(maxAttachmentBytes),
      }),
    )
    .min(1)
    .max(200),
});

export const fileStateSchema = z.object({
  sha256: sha256Schema,
  /** 'stored': nothing to send; 'partial': send from `offset`; 'absent': from 0 */
  state: z.enum(['stored', 'partial', 'absent']),
  offset: z.number().int().nonnegative(),
});
export type FileState = z.infer<typeof fileStateSchema>;

/** A chunk's bytes, as the center's octet-stream parser hands them over. */
export const fileChunkSchema = z.custom<Uint8Array>(
  (v) => v instanceof Uint8Array && v.length > 0,
  '须为文件内容（application/octet-stream，非空）',
);

export const fileUploadQuery = z.strictObject({
  offset: z.coerce.number().int().nonnegative().max(maxAttachmentBytes),
  total: z.coerce.number().int().positive().max(maxAttachmentBytes, '文件超过40MB'),
});

export const filesContract = {
  'files.have': {
    method: 'POST',
    path: '/api/files/have',
    summary:
      '中心是否已有这些材料文件，续传从何处开始 / which files the center holds, and where an upload resumes',
    tag: 'files',
    auth: terminal,
    protocol: true,
    body: filesHaveSchema,
    response: z.object({ files: z.array(fileStateSchema) }),
  },
  'files.upload': {
    method: 'PUT',
    path: '/api/files/:sha256',
    summary:
      '上传材料文件的一段（按偏移续传，末段校验 SHA-256）/ one chunk of a file at an offset; the last one is verified',
    tag: 'files',
    auth: terminal,
    protocol: true,
    params: fileParams,
    query: fileUploadQuery,
    body: fileChunkSchema,
    bytes: { maxBytes: fileChunkBytes },
    response: fileStateSchema,
  },
  'files.get': {
    method: 'GET',
    path: '/api/files/:sha256',
    summary: '取本部门办件所附的材料文件 / a file a case of the device’s department names',
    tag: 'files',
    auth: terminal,
    protocol: true,
    params: fileParams,
    response: z.never(),
    file: true,
  },
  // review of issue 18: the center as the archive's witness (shared/archive/receipt.ts)
  'cases.receipt': {
    method: 'GET',
    path: '/api/cases/:caseId/receipt',
    summary:
      '中心对办件所存事件与文件的签名回执（用于办件档案）/ the center’s signed receipt of a case’s events and files, for its archive',
    tag: 'files',
    auth: terminal,
    protocol: true,
    params: z.strictObject({ caseId: z.string().min(1).max(64) }),
    /** the SHA-256 of the manifest the PC will put in the archive: the receipt binds it */
    query: z.strictObject({
      manifest: z
        .string({ error: '须给出档案清单的 SHA-256（manifest）；请更新一窗通终端' })
        .regex(/^[0-9a-f]{64}$/, '须为64位十六进制 SHA-256'),
    }),
    response: signedReceiptSchema,
  },
  'center.receiptKey': {
    method: 'GET',
    path: '/api/center/receipt-key',
    summary:
      '中心回执公钥及其指纹（公开，供核验档案时比对）/ the center’s receipt key and its fingerprint, public',
    tag: 'files',
    auth: anyone,
    response: centerKeySchema,
  },
} as const satisfies CenterContract;
