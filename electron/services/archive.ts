import { randomBytes } from 'node:crypto';
import type { CallOutput, ParsedInput } from '../../shared/api';
import {
  archiveFormat,
  materialPath,
  type ArchivedFile,
  type ArchiveManifest,
} from '../../shared/archive/manifest';
import { receiptName, type SignedReceipt } from '../../shared/archive/receipt';
import { maskName } from '../../shared/ids';
import type { Attachment, CaseEventPayload, OpenCase } from '../../shared/case';
import { documentOfEvent, type CaseDocument } from '../../shared/documents';
import { hashedFields, type SignedEvent } from '../../shared/sync';
import { archiveJson, archiveZip } from '../../node-shared/archive/zip';
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

/** What an export asks of the center (electron/sync/files.ts); a PC off the center has none. */
export type ArchiveCenter = {
  fetchFile: (sha256: string) => Promise<Buffer>;
  /** a sync round: the reason no receipt can follow it, or null */
  sync: () => Promise<string | null>;
  receipt: (caseId: string, manifestSha256: string) => Promise<SignedReceipt>;
};

/** The case's events and folded state, once the session may read it. */
function readableCase(t: Terminal, session: SessionRecord, caseId: string) {
  const stored = caseEvents(t.db, caseId);
  if (stored.length === 0) throw new ApiFailure('not_found', '办件不存在');
  const state = foldCase(stored) as OpenCase;
  checkCaseScope(t, session, 'read', {
    windowId: stored[0]!.windowId,
    departmentCode: state.item.departmentCode,
  });
  return { stored, state };
}

/** The events as the receipt lists them and as the archive holds them are the same ones. */
function sameEvents(receipt: SignedReceipt, manifest: ArchiveManifest): boolean {
  const held = new Set(manifest.events.map((e) => e.id));
  return (
    receipt.receipt.events.length === held.size &&
    receipt.receipt.events.every((e) => held.has(e.id))
  );
}

export async function exportArchive(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'cases.exportArchive'>,
  center: ArchiveCenter,
): Promise<CallOutput<'cases.exportArchive'>> {
  readableCase(t, session, input.caseId);
  // synced first, then read: the archive holds what the center holds (a colleague's re-scan a
  // moment ago included), and the center what this PC recorded
  let receiptMissing = await center.sync();
  let built = await buildArchive(t, session, input.caseId, center.fetchFile);
  let receipt: SignedReceipt | null = null;
  for (let attempt = 1; !receiptMissing; attempt += 1) {
    try {
      receipt = await center.receipt(input.caseId, sha256Of(built.manifestBytes));
    } catch (error) {
      receiptMissing = error instanceof Error ? error.message : String(error);
      break;
    }
    if (sameEvents(receipt, built.manifest)) break;
    // an event reached the center (or was recorded here) between the sync and the receipt: the
    // receipt would call this honest archive incomplete, so once more from the sync
    receipt = null;
    if (attempt === 2) {
      receiptMissing = '此办件正在其他窗口办理，中心所存环节与本机不一致，请稍后重新导出';
      break;
    }
    receiptMissing = await center.sync();
    if (!receiptMissing) built = await buildArchive(t, session, input.caseId, center.fetchFile);
  }
  const manifestBytes = receiptMissing
    ? archiveJson({ ...built.manifest, receiptMissing })
    : built.manifestBytes;
  if (receipt) built.contents.set(receiptName, archiveJson(receipt));
  return {
    fileName: `办件档案-${built.manifest.case.caseNumber}.zip`,
    data: Buffer.from(archiveZip(manifestBytes, built.contents)).toString('base64'),
    documents: built.documents,
    materialFiles: built.manifest.files.length - built.documents,
    missing: built.manifest.missing,
    receiptMissing,
  };
}

/** The archive's files and its manifest (as written), from what this PC holds now. */
async function buildArchive(
  t: Terminal,
  session: SessionRecord,
  caseId: string,
  fetchMissing: (sha256: string) => Promise<Buffer>,
) {
  const { stored, state } = readableCase(t, session, caseId);
  const input = { caseId };
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
    const path = materialPath(sha256, file.mediaType);
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
  };
  return { manifest, manifestBytes: archiveJson(manifest), contents, documents: issuing.length };
}

/** The event exactly as its device signed it, without this PC's sync bookkeeping. */
function signedPart(e: SignedEvent): SignedEvent {
  return { ...hashedFields(e), hash: e.hash, signature: e.signature };
}
