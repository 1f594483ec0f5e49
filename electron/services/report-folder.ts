import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import {
  lstat,
  open,
  readlink,
  realpath,
  rename,
  stat,
  unlink,
  type FileHandle,
} from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { absolutePathMessage } from '../../shared/reports/schedule';

// The folder the scheduled report goes to is often a shared drive another program (or a person)
// reads: a file there must be whole or absent, and a failure must say in words what is wrong.

/**
 * A write the report folder refuses for where it would land: the message says why, for the
 * manager to fix (nothing was written).
 */
export class FolderRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FolderRefusal';
  }
}

/** Why a folder could not take a file, for the manager to fix. */
export function folderProblem(error: unknown, folder: string): string {
  if (error instanceof FolderRefusal) return error.message;
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

// O_EXCL alone already refuses to open through a symlink at the temporary name; O_NOFOLLOW says
// so outright where the platform has it (not on Windows, where Node leaves it undefined).
const createFlags =
  constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Where `name` may be written in `folder`: the folder as it really is (its links resolved), and
 * the file in it. The chosen folder may itself be a link (a mapped share often is one): the
 * manager chose that path, so it is followed — once, here, and the file then goes to the folder
 * it led to. Inside it nothing is followed: `name` must be a bare file name, and a link already
 * at that name that leads out of the folder is refused (a rename would replace the link, not
 * write through it, but a link planted there says someone is trying, and the manager must know).
 */
async function target(folder: string, name: string): Promise<{ real: string; file: string }> {
  if (
    name === '' ||
    name === '.' ||
    name === '..' ||
    /[\\/\u0000]/.test(name) ||
    basename(name) !== name
  ) {
    throw new FolderRefusal(`文件名不能含有路径：${name}`);
  }
  const real = await realpath(folder);
  const file = join(real, name);
  const existing = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing?.isSymbolicLink()) {
    const pointsTo = resolve(real, await readlink(file));
    if (dirname(pointsTo) !== real) {
      throw new FolderRefusal(
        `日报文件的位置是一个指向文件夹之外的链接，已拒绝写入：${join(folder, name)} → ${pointsTo}`,
      );
    }
  }
  return { real, file };
}

/**
 * Writes `name` in `folder` through a temporary file beside it, flushed to disk and then renamed
 * over the old one: a reader sees yesterday's whole file or today's whole file, never half of one.
 * Never through a link out of the folder (target above).
 */
export async function writeFileAtomically(
  folder: string,
  name: string,
  data: Uint8Array | string,
): Promise<void> {
  const { real, file } = await target(folder, name);
  const temp = join(real, `.${name}.${randomUUID().slice(0, 8)}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, createFlags, 0o666);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
