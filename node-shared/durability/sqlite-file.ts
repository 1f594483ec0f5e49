import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

// What a SQLite database file looks like before anything opens it for writing. Both the terminal
// and the center look first: better-sqlite3 happily "opens" a 0-byte file as a new, empty database,
// and the seed that follows would make a lost database look like a first start (issue 15).

export type IntegrityMode = 'quick' | 'full';

/** The answer of PRAGMA quick_check / integrity_check: `ok` or up to 100 findings. */
export type IntegrityFindings = { ok: boolean; problems: string[] };

export type SqliteFileState =
  /** no file at all */
  | { state: 'missing' }
  /** a file of 0 bytes: SQLite would take it for a new database */
  | { state: 'empty' }
  /** shorter than its own header says: pages at the end are gone */
  | { state: 'truncated'; size: number; expected: number }
  /** not a SQLite file, or one SQLite cannot read at all */
  | { state: 'unreadable'; detail: string }
  /** readable, but the check found damage: it may be opened read-only */
  | { state: 'damaged'; problems: string[] }
  | { state: 'ok' };

const header = Buffer.from('SQLite format 3\0', 'latin1');

/** Runs the check on an open connection; a file too broken to answer is a finding too. */
export function checkIntegrity(db: Database.Database, mode: IntegrityMode): IntegrityFindings {
  const pragma = mode === 'quick' ? 'quick_check(100)' : 'integrity_check(100)';
  try {
    const rows = db.pragma(pragma, { simple: false }) as Record<string, string>[];
    const problems = rows.map((r) => String(Object.values(r)[0])).filter((m) => m !== 'ok');
    return { ok: problems.length === 0, problems };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

export function inspectSqliteFile(file: string): SqliteFileState {
  if (!existsSync(file)) return { state: 'missing' };
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    return { state: 'unreadable', detail: describe(error) };
  }
  if (size === 0) return { state: 'empty' };
  const head = Buffer.alloc(100);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return { state: 'unreadable', detail: describe(error) };
  }
  try {
    readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !head.subarray(0, 16).equals(header)) {
    return { state: 'unreadable', detail: '文件不是 SQLite 数据库（文件头不符）' };
  }
  // The page count in the header is only valid when the "version-valid-for" number matches the
  // change counter (SQLite file format, section 1.3.7); a legacy writer leaves it stale.
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = head.readUInt32BE(28);
  const countValid = head.readUInt32BE(24) === head.readUInt32BE(92);
  if (countValid && pages > 0 && size < pages * pageSize) {
    return { state: 'truncated', size, expected: pages * pageSize };
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return { state: 'unreadable', detail: describe(error) };
  }
  try {
    const found = checkIntegrity(db, 'quick');
    if (found.ok) return { state: 'ok' };
    // a schema SQLite cannot even parse is no database to read from
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      return { state: 'unreadable', detail: describe(error) };
    }
    return { state: 'damaged', problems: found.problems };
  } finally {
    db.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A sentence for the person: what is wrong with the file. */
export function describeFileState(s: SqliteFileState): string {
  switch (s.state) {
    case 'missing':
      return '数据库文件不存在';
    case 'empty':
      return '数据库文件为空（0 字节）';
    case 'truncated':
      return `数据库文件被截断（${s.size} 字节，应为 ${s.expected} 字节）`;
    case 'unreadable':
      return `数据库文件无法读取：${s.detail}`;
    case 'damaged':
      return `数据库文件已损坏：${s.problems.slice(0, 3).join('；')}`;
    case 'ok':
      return '数据库文件完好';
  }
}
