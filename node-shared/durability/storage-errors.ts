// What a database or file error means for the person, on the terminal and the center alike:
// a full disk and a damaged file are named as such, never as 「内部错误」 (issue 15 point 2).

export type StorageFailure = { code: 'disk_full' | 'database_damaged'; message: string };

export const diskFullMessage = '磁盘已满：本次操作未保存，请清理磁盘空间后重试';
export const damagedMessage = '数据库已损坏：不能写入，请从备份恢复';
export const readOnlyMessage = '数据库已损坏，只读：不能保存，请由管理员从备份恢复';

function codeOf(error: unknown): string {
  const code: unknown = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The failure to answer for a storage error, or null for anything else. */
export function storageFailure(error: unknown): StorageFailure | null {
  const code = codeOf(error);
  // SQLITE_FULL from SQLite, ENOSPC from a file write, 53100 (disk_full) from PostgreSQL
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100') {
    return { code: 'disk_full', message: diskFullMessage };
  }
  // XX001 data_corrupted, XX002 index_corrupted (PostgreSQL)
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code) || code === 'XX001' || code === 'XX002') {
    return { code: 'database_damaged', message: damagedMessage };
  }
  // a damaged database the terminal opened read-only refuses every write with this code
  if (code.startsWith('SQLITE_READONLY')) {
    return { code: 'database_damaged', message: readOnlyMessage };
  }
  return null;
}
