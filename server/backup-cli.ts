import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { afterRestore } from './admin/terminal-numbers';
import {
  backupCenter,
  restoreCenter,
  type CenterTarget,
  type PostgresBackupFormat,
} from './db/backup';
import { isPostgresUrl, openServerDb } from './db/open';
import { defaultBackupsDir } from './db/durability';

// `npm run server -- backup [--data dir] [--out dir] [--keep N] [--format auto|export]` and
// `npm run server -- restore <file> [--data dir]`: DATABASE_URL=postgresql://… picks PostgreSQL.

export const defaultKeep = 7;

export function centerTarget(data: string | undefined): CenterTarget {
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) return { databaseUrl: url };
  return { dataDir: resolve(data ?? '.data/center') };
}

export function parseKeep(text: string | undefined): number {
  const keep = text === undefined ? defaultKeep : Number(text);
  if (!Number.isInteger(keep) || keep < 1 || keep > 1000) {
    throw new Error(`--keep 须为 1 到 1000 的整数，得到 ${text}`);
  }
  return keep;
}

export function parseFormat(text: string | undefined, target: CenterTarget): PostgresBackupFormat {
  if (text === undefined || text === 'auto') return 'auto';
  if (text === 'export' && 'databaseUrl' in target) return 'export';
  throw new Error(`--format 须为 auto 或 export（export 仅用于 PostgreSQL），得到 ${text}`);
}

export function backupsDirOf(target: CenterTarget, out: string | undefined): string {
  if (out) return resolve(out);
  if ('dataDir' in target) return defaultBackupsDir(target.dataDir);
  throw new Error('PostgreSQL 的备份须用 --out 指定备份目录');
}

/** Runs a subcommand; the exit code: 0 done, 1 failed, 2 bad arguments. */
export async function runBackupCommand(
  command: 'backup' | 'restore',
  args: string[],
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        keep: { type: 'string' },
        format: { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const { values, positionals } = parsed;
  try {
    const target = centerTarget(values.data);
    if (command === 'backup') {
      const taken = await backupCenter(
        target,
        backupsDirOf(target, values.out),
        parseKeep(values.keep),
        new Date(),
        parseFormat(values.format, target),
      );
      console.log(`备份完成 / backup written: ${taken.file} (${taken.size} bytes)`);
      return 0;
    }
    const file = positionals[0];
    if (!file) {
      console.error('用法 / usage: npm run server -- restore <备份文件> [--data 目录]');
      return 2;
    }
    const aside = await restoreCenter(target, resolve(file));
    console.log(
      `已恢复 / restored: ${resolve(file)}${aside ? `；原数据库已改名保存为 ${aside}` : ''}`,
    );
    // PCs enrolled after this backup will ask for numbers the backup has forgotten: every
    // window's terminal numbers jump past anything that can have been handed out since
    const restored = await openServerDb(target);
    try {
      const floors = await afterRestore(restored.db);
      console.log(
        `终端编号下限已上调 / terminal number floors raised for ${floors.size} window(s)`,
      );
    } finally {
      await restored.close();
    }
    return 0;
  } catch (error) {
    console.error(
      `${command === 'backup' ? '备份' : '恢复'}失败 / failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}
