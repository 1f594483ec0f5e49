import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { isSemver } from '../../shared/updates';

// The release files a manager places in `<data>/updates/<version>/`: electron-builder's output
// for that version — the installers and the channel files (latest.yml for Windows,
// latest-linux.yml, latest-linux-arm64.yml …) that name them with their size and SHA-512.
// Nothing here trusts a file name from a request: versions are semver, channel and installer
// names are checked against a plain-name pattern, and symlinks are refused (a link out of the
// folder would serve any file of the center's disk).

/** electron-updater asks `latest.yml`, `latest-linux.yml`, `latest-linux-arm64.yml` … */
export const channelFilePattern = /^latest(?:-[a-z0-9]+){0,3}\.yml$/;
/** an installer's name as electron-builder writes it: one path segment, no traversal */
const plainName = /^(?!\.{1,2}$)[^/\\\0]{1,200}$/;

export function updatesDir(dataDir: string): string {
  return join(dataDir, 'updates');
}

/** A channel file as electron-updater reads it (the fields the center checks and rewrites). */
export type ChannelFile = {
  version: string;
  files: { url: string; sha512: string; size?: number }[];
  path?: string;
  sha512?: string;
  [other: string]: unknown;
};

/** The versions placed under updates/, newest folder names as they are (unsorted). */
export async function placedVersions(dataDir: string): Promise<string[]> {
  const entries = await readdir(updatesDir(dataDir), { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries.filter((e) => e.isDirectory() && isSemver(e.name)).map((e) => e.name);
}

export async function channelFiles(dataDir: string, version: string): Promise<string[]> {
  const entries = await readdir(join(updatesDir(dataDir), version), { withFileTypes: true }).catch(
    () => [],
  );
  return entries
    .filter((e) => e.isFile() && channelFilePattern.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** A regular file inside the release folder, or null (missing, a folder, a symlink). */
export async function releaseFile(
  dataDir: string,
  version: string,
  name: string,
): Promise<{ path: string; size: number } | null> {
  if (!isSemver(version) || !plainName.test(name)) return null;
  const path = join(updatesDir(dataDir), version, name);
  const stat = await lstat(path).catch(() => null);
  return stat?.isFile() ? { path, size: stat.size } : null;
}

/** Parses a channel file; throws a sentence naming what is wrong. */
export function parseChannelFile(text: string, name: string): ChannelFile {
  let data: unknown;
  try {
    data = load(text);
  } catch (error) {
    throw new Error(`${name} 不是有效的 YAML：${error instanceof Error ? error.message : ''}`);
  }
  if (typeof data !== 'object' || data === null) throw new Error(`${name} 内容为空或格式不对`);
  const record = data as Record<string, unknown>;
  const files = record.files;
  if (typeof record.version !== 'string') throw new Error(`${name} 缺少 version`);
  if (!Array.isArray(files) || files.length === 0) throw new Error(`${name} 缺少 files`);
  for (const file of files as unknown[]) {
    const f = file as Record<string, unknown> | null;
    if (typeof f?.url !== 'string' || typeof f.sha512 !== 'string')
      throw new Error(`${name} 的 files 每项须有 url 和 sha512`);
    if (!plainName.test(f.url)) throw new Error(`${name} 中的文件名 ${f.url} 不是本目录内的文件`);
  }
  return data as ChannelFile;
}

async function sha512Base64(path: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

/**
 * Every problem of the release folder, in Chinese; empty when it may be published: at least one
 * channel file, each naming this version, and each installer it names present with the size and
 * SHA-512 it states (a copy cut short or a file swapped after the build is caught here, not on
 * fifty PCs that would refuse it one by one).
 */
export async function releaseProblems(dataDir: string, version: string): Promise<string[]> {
  const channels = await channelFiles(dataDir, version);
  if (channels.length === 0)
    return [`updates/${version}/ 中没有 latest*.yml（electron-builder 生成的更新说明文件）`];
  const problems: string[] = [];
  for (const name of channels) {
    let channel: ChannelFile;
    try {
      channel = parseChannelFile(
        await readFile(join(updatesDir(dataDir), version, name), 'utf8'),
        name,
      );
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    if (channel.version !== version)
      problems.push(`${name} 写的版本是 ${channel.version}，与目录 ${version} 不符`);
    for (const file of channel.files) {
      const found = await releaseFile(dataDir, version, file.url);
      if (!found) {
        problems.push(`${name} 所列文件 ${file.url} 不在 updates/${version}/ 中`);
        continue;
      }
      if (file.size !== undefined && file.size !== found.size)
        problems.push(`${file.url} 大小为 ${found.size} 字节，${name} 写的是 ${file.size}`);
      else if ((await sha512Base64(found.path)) !== file.sha512)
        problems.push(`${file.url} 的 SHA-512 与 ${name} 不符（文件不完整或已被替换）`);
    }
  }
  return problems;
}

/**
 * The channel file as this center serves it: each installer's url made `<version>/<name>`, so
 * electron-updater, resolving it against `<center>/updates/`, downloads it from this release's
 * folder. Sizes and hashes are left as the build wrote them: they are what the PC verifies.
 */
export function servedChannelFile(channel: ChannelFile, version: string): ChannelFile {
  const inFolder = (url: string) => `${version}/${url}`;
  return {
    ...channel,
    files: channel.files.map((f) => ({ ...f, url: inFolder(f.url) })),
    ...(typeof channel.path === 'string' ? { path: inFolder(channel.path) } : {}),
  };
}
