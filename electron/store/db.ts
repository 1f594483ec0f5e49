import Database from 'better-sqlite3';
import {
  precreatePrivateFile,
  privateFiles,
  sqliteFiles,
} from '../../node-shared/durability/file-modes';
import { migrate } from './migrations';

export type Db = Database.Database;

// WAL + synchronous=FULL: a write that returned is on disk even if the PC loses power the next
// instant; the window must never tell an applicant "received" for a case it later forgets.
export function openDatabase(file: string): Db {
  precreatePrivateFile(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  // SQLite gives the -wal and -shm files the database file's mode; an older install's 0644 file
  // is closed here too
  privateFiles(sqliteFiles(file));
  return db;
}

/**
 * A damaged database that can still be read: no pragma that writes, no migration; every write
 * fails with SQLITE_READONLY, which the API answers as 「数据库已损坏，只读」.
 */
export function openDatabaseReadOnly(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

// Every command is one BEGIN IMMEDIATE transaction: it takes the write lock up front, so two
// writers never both read the same "last seq" and then collide on commit.
export function inTransaction<T>(db: Db, work: () => T): T {
  return db.transaction(work).immediate();
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement, compiled once per connection: compiling costs more than running a
 * small insert. Only for constant SQL text; values always go in as parameters.
 */
export function sql(db: Db, text: string): Database.Statement {
  let byText = statementCache.get(db);
  if (!byText) {
    byText = new Map();
    statementCache.set(db, byText);
  }
  let statement = byText.get(text);
  if (!statement) {
    statement = db.prepare(text);
    byText.set(text, statement);
  }
  return statement;
}
