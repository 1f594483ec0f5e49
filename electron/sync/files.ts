import { fileChunkBytes } from '../../shared/center-api/files-contract';
import { ruleMessages } from '../../shared/case';
import { sha256Of } from '../../node-shared/files/cas';
import { ApiFailure } from '../api/errors';
import type { Terminal } from '../services/context';
import { fileStore } from '../services/attachments';
import { openSecret } from '../store/device';
import { inTransaction } from '../store/db';
import { fileRow, markLost, markUploaded, owedFiles, recordFile } from '../store/files';
import { getSetting } from '../store/reference';
import { isEnrolled, syncKeys } from '../store/sync-state';
import { sniff } from '../../node-shared/files/sniff';
import { CenterFailure, syncClient, type SyncClient } from './client';
import type { SignedReceipt } from '../../shared/archive/receipt';

// Issue 18: the materials' files between this PC and the center, apart from the events. Upload
// runs at the end of each sync round, after the events and the pull, so a scan never holds up
// a case; it resumes at the center's offset, so a cut line or a restarted center costs at most
// the chunk in flight. Fetching is on demand: a department's other PC asks for a file when a
// case that names it is opened, and keeps it only if its bytes hash to its name.

/** Files asked about per round: a PC offline for a week catches up over a few rounds. */
const filesPerRound = 100;

export type UploadOutcome = { uploaded: number; bytes: number };

export async function uploadOwedFiles(t: Terminal, client: SyncClient): Promise<UploadOutcome> {
  const owed = owedFiles(t.db, filesPerRound);
  if (owed.length === 0) return { uploaded: 0, bytes: 0 };
  const states = await client.filesHave(owed.map((f) => ({ sha256: f.sha256, bytes: f.bytes })));
  const store = fileStore(t);
  let uploaded = 0;
  let sent = 0;
  for (const state of states) {
    let offset = state.offset;
    if (state.state !== 'stored') {
      const bytes = await store.read(state.sha256).catch(() => null);
      if (bytes === null || sha256Of(bytes) !== state.sha256) {
        // never send what the center would refuse anyway, and never let one lost page hold up
        // the others: it is marked, and the clerk is told when the case is opened
        t.log.error(
          { sha256: state.sha256, missing: bytes === null },
          'a material file owed to the center is gone or damaged on this PC',
        );
        inTransaction(t.db, () => markLost(t.db, state.sha256, t.now().toISOString()));
        continue;
      }
      while (offset < bytes.length) {
        const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + fileChunkBytes));
        const answer = await client.uploadChunk(state.sha256, offset, bytes.length, chunk);
        sent += chunk.length;
        if (answer.state === 'stored') break;
        offset = answer.offset;
      }
    }
    inTransaction(t.db, () => markUploaded(t.db, state.sha256, t.now().toISOString()));
    uploaded++;
  }
  return { uploaded, bytes: sent };
}

/** The device's client for a call outside the sync round (a file asked for by the screen). */
function deviceClient(t: Terminal, what: string): SyncClient {
  const serverUrl = getSetting<string>(t.db, syncKeys.server);
  const sealed = getSetting<string>(t.db, syncKeys.deviceToken);
  if (!isEnrolled(t.db) || !serverUrl || !sealed) {
    throw new ApiFailure('not_allowed', `${ruleMessages['terminal.notEnrolled']}，${what}`, {
      rule: 'terminal.notEnrolled',
    });
  }
  return syncClient({ serverUrl, token: openSecret(sealed, t.keyProtector), timeoutMs: 60_000 });
}

/**
 * A file this PC lacks, from the center: kept only when its bytes hash to its name and are the
 * kind of file a case carries.
 */
export async function fetchFromCenter(t: Terminal, sha256: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await deviceClient(t, '无法从中心获取材料文件').fetchFile(sha256);
  } catch (error) {
    if (!(error instanceof CenterFailure)) throw error;
    if (error.status === 404 && fileRow(t.db, sha256)?.origin === 'local') {
      throw new ApiFailure(
        'not_found',
        '本机的这个扫描件已丢失或损坏，且尚未上传到中心：请重新扫描这一页',
      );
    }
    if (error.status === 404) {
      throw new ApiFailure(
        'not_found',
        '中心还没有这个文件：扫描它的电脑尚未上传（联网后会自动上传）',
      );
    }
    throw new ApiFailure('unavailable', `无法从中心获取材料文件：${error.message}`);
  }
  if (sha256Of(bytes) !== sha256) {
    throw new ApiFailure('unavailable', '从中心收到的材料文件与校验值不符，已丢弃；请稍后重试');
  }
  const sniffed = sniff(bytes);
  const mediaType = sniffed.ok ? sniffed.type : null;
  if (mediaType !== 'image/jpeg' && mediaType !== 'image/png' && mediaType !== 'application/pdf') {
    throw new ApiFailure('unavailable', '从中心收到的材料文件类型不符，已丢弃');
  }
  await fileStore(t).put(bytes, sha256);
  const held = fileRow(t.db, sha256);
  // this PC's own page, damaged here, comes back from the center: it has it, nothing is owed
  if (held) inTransaction(t.db, () => markUploaded(t.db, sha256, t.now().toISOString()));
  else {
    inTransaction(t.db, () =>
      recordFile(t.db, {
        sha256,
        media_type: mediaType,
        bytes: bytes.length,
        width: null,
        height: null,
        origin: 'center',
        added_at: t.now().toISOString(),
      }),
    );
  }
  return bytes;
}

/**
 * A sync round before an archive is made, so that it holds what the center holds and the center
 * what this PC recorded (review of issue 18). The reason a receipt cannot follow, or null.
 */
export async function syncForArchive(t: Terminal): Promise<string | null> {
  if (!isEnrolled(t.db)) return `${ruleMessages['terminal.notEnrolled']}，无法取得中心回执`;
  const status = await t.sync.syncNow();
  if (status.pending > 0) return `本机还有 ${status.pending} 个环节未同步到中心`;
  return null;
}

/**
 * The center's signed receipt of a case and of the manifest this PC will put beside it. Throws
 * ApiFailure with the reason when it cannot be had.
 */
export async function centerReceipt(
  t: Terminal,
  caseId: string,
  manifestSha256: string,
): Promise<SignedReceipt> {
  const client = deviceClient(t, '无法取得中心回执');
  try {
    return await client.receipt(caseId, manifestSha256);
  } catch (error) {
    if (!(error instanceof CenterFailure)) throw error;
    throw new ApiFailure('unavailable', `中心回执获取失败：${error.message}`);
  }
}
