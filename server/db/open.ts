import {
  precreatePrivateFile,
  privateDir,
  privateFiles,
  sqliteFiles,
} from '../../node-shared/durability/file-modes';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Driver } from 'kysely';
import pg from 'pg';
import type { Dialect } from '../http/spec';
import { refreshProjectionVersion } from '../cases/rebuild';
import { migrateToLatest } from './migrate';
import type { ServerDb } from './schema';

export type ServerDbHandle = { db: Kysely<ServerDb>; dialect: Dialect; close(): Promise<void> };

export type OpenServerDbOptions = {
  /** postgres:// or postgresql:// → PostgreSQL; anything else (or nothing) → embedded SQLite */
  databaseUrl?: string;
  /** where the embedded SQLite lives (center.sqlite); required without a PostgreSQL URL */
  dataDir?: string;
  /** the business clock the projection is measured at, should it be folded again */
  now?: () => Date;
  /** false: open the database as it is (tests of single migrations) */
  migrate?: boolean;
};

const INT8_OID = 20;

/**
 * Opens the center's database, brings its schema to the latest migration and its case projection
 * to this program's version.
 */
export async function openServerDb(opts: OpenServerDbOptions): Promise<ServerDbHandle> {
  const handle = isPostgresUrl(opts.databaseUrl)
    ? openPostgres(opts.databaseUrl)
    : openSqlite(opts.dataDir);
  if (opts.migrate === false) return handle;
  try {
    await migrateToLatest(handle.db, handle.dialect);
    await refreshProjectionVersion(handle.db, handle.dialect, (opts.now ?? (() => new Date()))());
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

function openPostgres(connectionString: string): ServerDbHandle {
  const pool = new pg.Pool({
    connectionString,
    // server_seq, last_seq and count(*) are int8; the wire carries them as JSON numbers, which
    // stay exact far beyond any sequence this center will reach (2^53).
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : (pg.types.getTypeParser(oid, format) as (v: string) => unknown),
    },
  });
  // An idle connection the server ends (a restart, a failover, an administrator) emits 'error' on
  // the pool; without a listener that event would end the whole center. The pool drops the
  // connection and opens another for the next query, so it is only logged.
  pool.on('error', (error) => {
    console.error(`PostgreSQL closed an idle connection: ${error.message}`);
  });
  const db = new Kysely<ServerDb>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/**
 * SQLite ends a transaction by itself on some errors (SQLITE_FULL, SQLITE_IOERR…); Kysely's
 * ROLLBACK then fails with "no transaction is active", and that error replaces the one that
 * matters — a full disk answered as an internal error. Nothing is left to roll back then.
 */
class SqliteRollbackDialect extends SqliteDialect {
  constructor(private readonly database: SQLite.Database) {
    super({ database });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.database.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

function openSqlite(dataDir: string | undefined): ServerDbHandle {
  if (!dataDir) throw new Error('openServerDb: dataDir is required for the embedded SQLite');
  // the center's data folder holds the database, its backups and the first admin password: 0700
  privateDir(dataDir);
  const file = join(dataDir, 'center.sqlite');
  precreatePrivateFile(file);
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  // FULL: an acknowledged push must survive a power cut, or the terminal would drop events the
  // center then forgets.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  privateFiles(sqliteFiles(file));
  const db = new Kysely<ServerDb>({ dialect: new SqliteRollbackDialect(database) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
