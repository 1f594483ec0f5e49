import { randomBytes } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../shared/api';
import {
  archiveFormat,
  type ArchivedFile,
  type ArchiveManifest,
} from '../../shared/archive/manifest';
import { receiptName, type SignedReceipt } from '../../shared/archive/receipt';
import { maskName } from '../../shared/ids';
import type { Attachment, CaseEventPayload, OpenCase } from '../../shared/case';
import { documentOfEvent, type CaseDocument } from '../../shared/documents';
import { hashedFields, type SignedEvent } from '../../shared/sync';
import { archiveZip } from '../../node-shared/archive/zip';
import { sha256Of } from '../../node-shared/files/cas';
import { ApiFailure } from '../api/errors';
import { foldCase } from '../projections/cases';
import { caseEvents, folds } from '../store/events';
import { peerKeys } from '../store/reference';
import { heldBytes } from './attachments';
import { checkCaseScope } from './cases';
import type { Terminal } from './context';
import { caseDocument } from './documents';
import type { SessionRecord } from './sessions';

// Issue 18 part 4: a case as one ZIP for the records office — its notices and decisions as the
// window printed them, its material files, and a manifest from which `npm run verify-archive`
// proves offline that nothing was changed (node-shared/archive/verify.ts).

const extension: Record<Attachment['mediaType'], string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

// One-time tokens of the sheets an export is printing, in main's memory only: the printing
// browser has no session, so each token carries the exporting session's right to read that one
// document, once, for a minute.
type SheetGrant = { caseId: string; eventId: string; session: SessionRecord; expiresAt: number };
const grants = new WeakMap<Terminal, Map<string, SheetGrant>>();
const sheetGrantMs = 60_000;

function grantSheet(t: Terminal, session: SessionRecord, caseId: string, eventId: string): string {
  const token = randomBytes(32).toString('base64url');
  const mine = grants.get(t) ?? new Map<string, SheetGrant>();
  grants.set(t, mine);
  mine.set(token, { caseId, eventId, session, expiresAt: Date.now() + sheetGrantMs });
  return token;
}

/** The document a sheet token grants: taken once; an unknown, used or stale token is refused. */
export function archiveSheet(
  t: Terminal,
  input: ParsedInput<'documents.archiveSheet'>,
): CaseDocument {
  const mine = grants.get(t);
  const grant = mine?.get(input.token);
  mine?.delete(input.token);
  if (!grant || grant.expiresAt < Date.now())
    throw new ApiFailure('unauthenticated', '打印令牌无效或已过期');
  return caseDocument(t, grant.session, { caseId: grant.caseId, eventId: grant.eventId });
}

/** Every file a `materialsAttached` of the case named, with the materials it was attached to. */
function attachedFiles(
  events: readonly SignedEvent[],
): Map<string, { file: Attachment; materialIds: Set<string> }> {
  const files = new Map<string, { file: Attachment; materialIds: Set<string> }>();
  for (const e of events) {
    if (e.type !== 'materialsAttached') continue;
    for (const m of (e.payload as CaseEventPayload<'materialsAttached'>).materials) {
      for (const f of m.files) {
        const known = files.get(f.sha256) ?? { file: f, materialIds: new Set<string>() };
        known.materialIds.add(m.materialId);
        files.set(f.sha256, known);
      }
    }
  }
  return files;
}

export async function exportArchive(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'cases.exportArchive'>,
  fetchMissing: (sha256: string) => Promise<Buffer>,
  fetchReceipt: (caseId: string) => Promise<SignedReceipt>,
): Promise<CallOutput<'cases.exportArchive'>> {
  const stored = caseEvents(t.db, input.caseId);
  if (stored.length === 0) throw new ApiFailure('not_found', '办件不存在');
  const state = foldCase(stored) as OpenCase;
  checkCaseScope(t, session, 'read', {
    windowId: stored[0]!.windowId,
    departmentCode: state.item.departmentCode,
  });
  const contents = new Map<string, Uint8Array>();
  const files: ArchivedFile[] = [];
  const missing: ArchiveManifest['missing'] = [];

  for (const [sha256, { file, materialIds }] of attachedFiles(stored)) {
    let bytes: Buffer | null;
    try {
      bytes = (await heldBytes(t, sha256)) ?? (await fetchMissing(sha256));
    } catch (error) {
      missing.push({ sha256, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    const path = `materials/${sha256}.${extension[file.mediaType]}`;
    contents.set(path, bytes);
    files.push({
      path,
      sha256,
      bytes: bytes.length,
      mediaType: file.mediaType,
      kind: 'material',
      materialIds: [...materialIds],
    });
  }

  const issuing = stored.filter((e) => folds(e) && documentOfEvent[e.type]);
  if (issuing.length > 0) {
    if (!t.sheetPrinter)
      throw new ApiFailure('unavailable', '本机无法生成文书PDF（未找到 Chromium），档案未导出');
    const routes = issuing.map(
      (e) => `#/archive-sheet/${grantSheet(t, session, input.caseId, e.id)}`,
    );
    let pdfs: Uint8Array[];
    try {
      pdfs = await t.sheetPrinter(routes);
    } catch (error) {
      t.log.error({ err: error, caseId: input.caseId }, 'archive: printing the documents failed');
      throw new ApiFailure(
        'unavailable',
        `文书PDF生成失败，档案未导出：${error instanceof Error ? error.message : String(error)}`,
      );
    }
    issuing.forEach((e, i) => {
      const kind = documentOfEvent[e.type]!;
      const path = `documents/${String(i + 1).padStart(2, '0')}-${kind}-${e.id.slice(-12)}.pdf`;
      const bytes = pdfs[i]!;
      contents.set(path, bytes);
      files.push({
        path,
        sha256: sha256Of(bytes),
        bytes: bytes.length,
        mediaType: 'application/pdf',
        kind: 'document',
        eventId: e.id,
        documentKind: kind,
      });
    });
  }

  // the center's word on what it holds of the case: without it the archive still goes out (the
  // papers are needed today), says why, and does not verify until exported again online
  let receiptMissing: string | null = null;
  try {
    const receipt = await fetchReceipt(input.caseId);
    contents.set(receiptName, new TextEncoder().encode(`${JSON.stringify(receipt, null, 2)}\n`));
  } catch (error) {
    receiptMissing = error instanceof Error ? error.message : String(error);
  }

  const keys = peerKeys(t.db);
  keys.set(t.device.id, t.device.publicKey);
  const deviceIds = [...new Set(stored.map((e) => e.deviceId))];
  const manifest: ArchiveManifest = {
    format: archiveFormat,
    exportedAt: t.now().toISOString(),
    exportedBy: session.actor,
    exportedOn: t.device.id,
    case: {
      id: state.caseId,
      caseNumber: state.caseNumber,
      item: { code: state.item.code, name: state.item.name },
      applicant: { kind: state.applicant.kind, name: maskName(state.applicant.name) },
    },
    // a device without a known key stays out: the check then names its events, as it should
    devices: deviceIds.flatMap((id) => {
      const publicKey = keys.get(id);
      return publicKey ? [{ id, publicKey }] : [];
    }),
    events: stored.map(signedPart),
    files,
    missing,
    ...(receiptMissing ? { receiptMissing } : {}),
  };
  return {
    fileName: `办件档案-${state.caseNumber}.zip`,
    data: Buffer.from(archiveZip(manifest, contents)).toString('base64'),
    documents: issuing.length,
    materialFiles: files.length - issuing.length,
    missing,
    receiptMissing,
  };
}

/** The event exactly as its device signed it, without this PC's sync bookkeeping. */
function signedPart(e: SignedEvent): SignedEvent {
  return { ...hashedFields(e), hash: e.hash, signature: e.signature };
}
