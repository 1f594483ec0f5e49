import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { FileState } from '../../shared/center-api/files-contract';
import { sniff } from '../../node-shared/files/sniff';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { AuthDevice, ServerContext } from '../http/spec';
import { hashFile, type FileBackend } from './backend';

// Issue 18: a file arrives in chunks at offsets. Each device assembles its own copy of a file
// (two PCs sending the same scan never interleave), appended and flushed chunk by chunk, so after
// a crash of the center the copy on disk is a prefix of the file and the terminal resumes at its
// end. The last chunk completes it: the bytes must hash to the file's name, or the copy is
// thrown away and the upload refused — a file is never stored under a name it does not match.

function backendOf(ctx: ServerContext): FileBackend {
  if (!ctx.files) {
    throw new HttpError(
      503,
      'unavailable',
      '中心未配置材料文件的存储（数据目录或对象存储），暂不能接收文件',
    );
  }
  return ctx.files;
}

const partOf = (files: FileBackend, sha256: string, device: AuthDevice) =>
  join(files.uploadsDir, `${sha256}.${device.id}.part`);

async function sizeOf(path: string): Promise<number> {
  return stat(path).then(
    (s) => s.size,
    () => 0,
  );
}

/**
 * The stored files among `shas` this device may know the center holds: those a case of its
 * department names, or that it uploaded itself. For any other the center says 'absent' and takes
 * the upload again (kept once all the same): otherwise any terminal could ask whether the
 * center holds a given scan of another department's applicant.
 */
async function storedFor(
  db: Kysely<ServerDb>,
  device: AuthDevice,
  shas: readonly string[],
): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const rows = await db
    .selectFrom('files')
    .select('files.sha256')
    .where('files.sha256', 'in', shas)
    .where((eb) =>
      eb.or([
        eb('files.device_id', '=', device.id),
        eb.exists(
          eb
            .selectFrom('file_refs')
            .select('file_refs.sha256')
            .whereRef('file_refs.sha256', '=', 'files.sha256')
            .where('file_refs.department_code', '=', device.departmentCode),
        ),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.sha256));
}

/** A device's unfinished uploads at once: the terminal sends one file at a time. */
const maxPartsPerDevice = 8;
/** An upload untouched this long was abandoned (a PC replaced, a page lost): its copy goes. */
const abandonedAfterMs = 3 * 86_400_000;

/** Removes abandoned copies, and refuses a ninth unfinished upload of one device. */
async function makeRoomFor(backend: FileBackend, device: AuthDevice, now: Date): Promise<void> {
  const names = await readdir(backend.uploadsDir).catch(() => [] as string[]);
  let mine = 0;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const path = join(backend.uploadsDir, name);
    const modified = await stat(path).then(
      (s) => s.mtimeMs,
      () => null,
    );
    if (modified === null) continue;
    if (now.getTime() - modified > abandonedAfterMs) await rm(path, { force: true });
    else if (name.endsWith(`.${device.id}.part`)) mine++;
  }
  if (mine >= maxPartsPerDevice) {
    throw new HttpError(
      409,
      'conflict',
      `本终端已有 ${mine} 个未完成的上传，请先完成这些上传再开始新的`,
    );
  }
}

export async function filesHave(
  ctx: ServerContext,
  device: AuthDevice,
  files: readonly { sha256: string; bytes: number }[],
): Promise<FileState[]> {
  const backend = backendOf(ctx);
  const stored = await storedFor(
    ctx.db,
    device,
    files.map((f) => f.sha256),
  );
  return Promise.all(
    files.map(async (f): Promise<FileState> => {
      if (stored.has(f.sha256)) return { sha256: f.sha256, state: 'stored', offset: f.bytes };
      const offset = await sizeOf(partOf(backend, f.sha256, device));
      // a copy longer than the file cannot be its prefix: start again
      if (offset > f.bytes) {
        await rm(partOf(backend, f.sha256, device), { force: true });
        return { sha256: f.sha256, state: 'absent', offset: 0 };
      }
      return { sha256: f.sha256, state: offset > 0 ? 'partial' : 'absent', offset };
    }),
  );
}

export async function uploadChunk(
  ctx: ServerContext,
  device: AuthDevice,
  sha256: string,
  at: { offset: number; total: number },
  chunk: Uint8Array,
): Promise<FileState> {
  const backend = backendOf(ctx);
  if ((await storedFor(ctx.db, device, [sha256])).has(sha256)) {
    return { sha256, state: 'stored', offset: at.total };
  }
  if (at.offset + chunk.length > at.total) {
    throw new HttpError(400, 'invalid_input', '这一段超出了文件的总长度');
  }
  await mkdir(backend.uploadsDir, { recursive: true });
  const part = partOf(backend, sha256, device);
  const held = await sizeOf(part);
  // ages of files on disk by the disk's clock: the business clock may be fixed (--now)
  if (held === 0) await makeRoomFor(backend, device, new Date());
  // not where the center's copy ends: say where it does, and the terminal sends from there
  if (at.offset !== held) return { sha256, state: held > 0 ? 'partial' : 'absent', offset: held };
  const handle = await open(part, 'a');
  try {
    await handle.write(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const offset = held + chunk.length;
  if (offset < at.total) return { sha256, state: 'partial', offset };
  return complete(ctx, backend, device, sha256, part, offset);
}

async function complete(
  ctx: ServerContext,
  backend: FileBackend,
  device: AuthDevice,
  sha256: string,
  part: string,
  bytes: number,
): Promise<FileState> {
  if ((await hashFile(part)) !== sha256) {
    await rm(part, { force: true });
    throw new HttpError(
      422,
      'file_mismatch',
      '文件内容与其 SHA-256 校验值不符，中心已丢弃；请重新上传',
    );
  }
  const head = Buffer.alloc(16);
  const handle = await open(part, 'r');
  try {
    await handle.read(head, 0, 16, 0);
  } finally {
    await handle.close();
  }
  const sniffed = sniff(head);
  if (!sniffed.ok || sniffed.type === 'image/tiff') {
    await rm(part, { force: true });
    throw new HttpError(422, 'file_mismatch', '中心只保存 PDF、JPEG、PNG 格式的材料文件');
  }
  await backend.adopt(part, sha256, bytes);
  await ctx.db
    .insertInto('files')
    .values({
      sha256,
      bytes,
      media_type: sniffed.type,
      backend: backend.kind,
      device_id: device.id,
      stored_at: ctx.now().toISOString(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return { sha256, state: 'stored', offset: bytes };
}

/** A file for a terminal whose department has a case naming it; 404 alike when not, or not yet. */
export async function fileForDevice(
  ctx: ServerContext,
  device: AuthDevice,
  sha256: string,
): Promise<{ bytes: Buffer; mediaType: string }> {
  const backend = backendOf(ctx);
  const row = await ctx.db
    .selectFrom('file_refs')
    .innerJoin('files', 'files.sha256', 'file_refs.sha256')
    .select(['files.media_type as mediaType'])
    .where('file_refs.sha256', '=', sha256)
    .where('file_refs.department_code', '=', device.departmentCode)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', '中心没有本部门办件所附的这个文件');
  return { bytes: await backend.read(sha256), mediaType: row.mediaType };
}
