import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FolderRefusal, folderProblem, writeFileAtomically } from './report-folder';

// Issue 15 point 7: the report folder takes files only in itself, never through a link out of
// it, and never a name that is a path. Real symlinks on a real temp folder.

const cleanups: string[] = [];
afterEach(() => {
  for (const dir of cleanups.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function world() {
  const root = mkdtempSync(join(tmpdir(), 'ow-report-folder-'));
  cleanups.push(root);
  const chosen = join(root, 'reports');
  const outside = join(root, 'outside');
  mkdirSync(chosen);
  mkdirSync(outside);
  const secret = join(outside, 'secret.txt');
  writeFileSync(secret, '不能被改写');
  return { root, chosen, outside, secret };
}

it('refuses a file whose name is a link leading out of the folder, and changes nothing', async () => {
  const { chosen, secret } = world();
  symlinkSync(secret, join(chosen, '日报.csv'));
  const refused = await writeFileAtomically(chosen, '日报.csv', 'x').catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(FolderRefusal);
  expect(folderProblem(refused, chosen)).toContain('指向文件夹之外的链接');
  expect(readFileSync(secret, 'utf8')).toBe('不能被改写');
  expect(lstatSync(join(chosen, '日报.csv')).isSymbolicLink()).toBe(true);
  // no temporary file left behind
  expect(readdirSync(chosen)).toEqual(['日报.csv']);
  // a dangling link out is refused the same way
  symlinkSync(join(secret, '..', 'new.txt'), join(chosen, '周报.csv'));
  await expect(writeFileAtomically(chosen, '周报.csv', 'x')).rejects.toBeInstanceOf(FolderRefusal);
  expect(existsSync(join(secret, '..', 'new.txt'))).toBe(false);
});

it('refuses a name that is a path, through a linked subfolder or upwards', async () => {
  const { chosen, outside, secret } = world();
  symlinkSync(outside, join(chosen, 'share'));
  for (const name of ['share/secret.txt', '../outside/secret.txt', '..', '.', '', 'a\\b.csv']) {
    const refused = await writeFileAtomically(chosen, name, 'x').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FolderRefusal);
    expect(folderProblem(refused, chosen)).toContain('文件名不能含有路径');
  }
  expect(readFileSync(secret, 'utf8')).toBe('不能被改写');
  expect(readdirSync(outside)).toEqual(['secret.txt']);
});

it('follows a chosen folder that is itself a link, once, and writes into where it leads', async () => {
  const { root, outside } = world();
  const linked = join(root, 'mapped-share');
  symlinkSync(outside, linked);
  await writeFileAtomically(linked, '日报.csv', '今日');
  expect(readFileSync(join(outside, '日报.csv'), 'utf8')).toBe('今日');
  // a link inside the folder to a file of the folder is replaced by the file, not written through
  writeFileSync(join(outside, 'other.csv'), '别的');
  symlinkSync(join(outside, 'other.csv'), join(outside, '周报.csv'));
  await writeFileAtomically(linked, '周报.csv', '本周');
  expect(lstatSync(join(outside, '周报.csv')).isSymbolicLink()).toBe(false);
  expect(readFileSync(join(outside, '周报.csv'), 'utf8')).toBe('本周');
  expect(readFileSync(join(outside, 'other.csv'), 'utf8')).toBe('别的');
});
