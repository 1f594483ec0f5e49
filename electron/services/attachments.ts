import { join } from 'node:path';
import type { CallOutput, ParsedInput } from '../../shared/api';
import type { Attachment, CaseEventPayload } from '../../shared/case';
import { ContentStore, sha256Of } from '../../node-shared/files/cas';
import { prepareFiles, ScanRefusal, thumbnailOf } from '../../node-shared/files/scan';
import { ApiFailure } from '../api/errors';
import { inTransaction, type Db } from '../store/db';
import { fileRow, forgetUnattached, recordFile } from '../store/files';
import { rmSync } from 'node:fs';
import type { Terminal } from './context';

// Issue 18: a material's papers as files at the window. A page from the document camera or a
// file from disk or a scanner's folder is checked by its bytes, kept at A4 size, stored once by
// its SHA-256 and recorded here; a `materialsAttached` event then names it in the case. The
// center gets the bytes in the background (electron/sync/files.ts); another PC of the department
// fetches them when a case that names them is opened.

const thumbnailWidth = 240;

export function fileStore(t: Pick<Terminal, 'dataDir'>): ContentStore {
  return new ContentStore(join(t.dataDir, 'files'));
}

export async function importAttachment(
  t: Terminal,
  input: ParsedInput<'attachments.import'>,
): Promise<CallOutput<'attachments.import'>> {
  const bytes = Buffer.from(input.data, 'base64');
  let prepared;
  try {
    prepared = await prepareFiles(bytes, input.quad);
  } catch (error) {
    if (error instanceof ScanRefusal)
      throw new ApiFailure('invalid_input', error.message, { field: 'data' });
    throw error;
  }
  const store = fileStore(t);
  const at = t.now().toISOString();
  const files: Attachment[] = [];
  for (const p of prepared) {
    const sha256 = await store.put(p.bytes);
    inTransaction(t.db, () =>
      recordFile(t.db, {
        sha256,
        media_type: p.mediaType,
        bytes: p.bytes.length,
        width: p.width,
        height: p.height,
        origin: 'local',
        added_at: at,
      }),
    );
    files.push({
      sha256,
      mediaType: p.mediaType,
      bytes: p.bytes.length,
      source: input.source,
      ...(input.name ? { name: input.name } : {}),
    });
  }
  return { files };
}

/** The bytes of a file this PC holds, checked against their name on the way out. */
export async function heldBytes(t: Terminal, sha256: string): Promise<Buffer | null> {
  if (!fileRow(t.db, sha256)) return null;
  const bytes = await fileStore(t)
    .read(sha256)
    .catch(() => null);
  if (bytes === null) return null;
  if (sha256Of(bytes) !== sha256) {
    // the caller fetches a good copy from the center, which replaces this one
    t.log.error({ sha256 }, 'a stored material file no longer matches its hash');
    return null;
  }
  return bytes;
}

export async function attachmentPage(
  t: Terminal,
  input: ParsedInput<'attachments.page'>,
  fetchMissing: (sha256: string) => Promise<Buffer>,
): Promise<CallOutput<'attachments.page'>> {
  const bytes = (await heldBytes(t, input.sha256)) ?? (await fetchMissing(input.sha256));
  const row = fileRow(t.db, input.sha256);
  const mediaType = row?.media_type ?? 'application/pdf';
  if (input.size === 'thumbnail') {
    if (mediaType === 'application/pdf')
      return { mediaType, data: null, width: null, height: null };
    const thumb = await thumbnailOf(bytes, thumbnailWidth);
    return {
      mediaType: 'image/jpeg',
      data: thumb.toString('base64'),
      width: row?.width ?? null,
      height: row?.height ?? null,
    };
  }
  return {
    mediaType,
    data: bytes.toString('base64'),
    width: row?.width ?? null,
    height: row?.height ?? null,
  };
}

/**
 * A `materialsAttached` as main records it: every file must be held here (taken at this PC or
 * fetched from the center), and its type and size are the store's, not what the caller said.
 */
export function attachedAsHeld(
  t: Terminal,
  payload: CaseEventPayload<'materialsAttached'>,
): CaseEventPayload<'materialsAttached'> {
  return {
    materials: payload.materials.map((m) => ({
      materialId: m.materialId,
      files: m.files.map((f) => {
        const row = fileRow(t.db, f.sha256);
        if (!row) {
          throw new ApiFailure(
            'invalid_input',
            `文件 ${f.sha256.slice(0, 12)}… 不在本机，请重新扫描或导入`,
            {
              field: 'payload.materials',
            },
          );
        }
        return { ...f, mediaType: row.media_type, bytes: row.bytes };
      }),
    })),
  };
}

/** How long a page taken here may wait for a case to name it (an intake left over a weekend). */
const unattachedDays = 7;

/** At start: the pages no case named within a week are removed, row and bytes (PIPL Art. 19). */
export function dropUnattachedFiles(db: Db, dataDir: string, now: Date): number {
  const before = new Date(now.getTime() - unattachedDays * 86_400_000).toISOString();
  const gone = inTransaction(db, () => forgetUnattached(db, before));
  const store = fileStore({ dataDir });
  for (const sha256 of gone) rmSync(store.path(sha256), { force: true });
  return gone.length;
}
