import { randomUUID } from 'node:crypto';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { absolutePathMessage } from '../../shared/reports/schedule';

// The folder the scheduled report goes to is often a shared drive another program (or a person)
// reads: a file there must be whole or absent, and a failure must say in words what is wrong.

/** Why a folder could not take a file, for the manager to fix. */
export function folderProblem(error: unknown, folder: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return `文件夹不存在：${folder}`;
    case 'ENOTDIR':
      return `不是文件夹：${folder}`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `文件夹不可写（没有写入权限）：${folder}`;
    case 'EBUSY':
      return `日报文件被占用（可能正在 Excel 中打开）：${folder}`;
    case 'ENOSPC':
      return `磁盘空间不足：${folder}`;
    default:
      return `写入失败（${code ?? (error instanceof Error ? error.message : String(error))}）：${folder}`;
  }
}

/**
 * Null when `folder` is a full path of this PC to an existing folder that takes a new file (a
 * probe file is made and removed: permission bits alone do not tell, on Windows and network
 * drives least of all); else the reason it is not.
 */
export async function folderCannotTake(folder: string): Promise<string | null> {
  if (!isAbsolute(folder)) return absolutePathMessage;
  const probe = join(folder, `.onewindow-probe-${randomUUID()}.tmp`);
  try {
    if (!(await stat(folder)).isDirectory()) return `不是文件夹：${folder}`;
    await (await open(probe, 'wx')).close();
    return null;
  } catch (error) {
    return folderProblem(error, folder);
  } finally {
    await unlink(probe).catch(() => undefined);
  }
}

/**
 * Writes `name` in `folder` through a temporary file beside it, flushed to disk and then renamed
 * over the old one: a reader sees yesterday's whole file or today's whole file, never half of one.
 */
export async function writeFileAtomically(
  folder: string,
  name: string,
  data: Uint8Array | string,
): Promise<void> {
  const temp = join(folder, `.${name}.${randomUUID().slice(0, 8)}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, join(folder, name));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
