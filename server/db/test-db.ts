import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe } from 'vitest';
import type { Dialect } from '../http/spec';
import { openServerDb, type ServerDbHandle } from './open';

// Every server test runs on the embedded SQLite AND on a real PostgreSQL, each test on a fresh
// database of its own. A missing PostgreSQL fails the test: a skipped dialect is a dialect whose
// bugs ship.
//
// Speed: migrating takes most of a fresh database's time, so each dialect is migrated once into
// a template (a file for SQLite, a TEMPLATE database for PostgreSQL, named by a digest of the
// migrations so an edited migration gets a new one) and every test copies it. openServerDb still
// runs the migrator on the copy, which must then find nothing to do.

export const dialects: readonly Dialect[] = ['sqlite', 'postgres'];

export type TestDatabase = ServerDbHandle & {
  /** what openServerDb was given: open it again to play a second server process */
  options: { databaseUrl?: string; dataDir: string };
  /** closes this handle and drops the database */
  dispose(): Promise<void>;
};

export type TestDatabaseOptions = {
  /** migrate from nothing instead of copying the migrated template (the migration tests) */
  fresh?: boolean;
  /** with fresh: leave the database empty, for a test that runs migrations one by one */
  unmigrated?: boolean;
};

/** A fresh, migrated database of `dialect`. */
export async function createTestDatabase(
  dialect: Dialect,
  opts: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ow-center-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    if (!opts.fresh) copyFileSync(await sqliteTemplate(), join(dataDir, 'center.sqlite'));
    const handle = await openServerDb({ dataDir, migrate: !opts.unmigrated });
    return {
      ...handle,
      options: { dataDir },
      dispose: async () => {
        await handle.close();
        removeDir();
      },
    };
  }
  // set by tests/support/vitest-global-setup.ts (an embedded cluster) unless given
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error(
      'TEST_DATABASE_URL is not set: vitest.config.ts starts an embedded PostgreSQL for it (run the tests through vitest)',
    );
  const name = `ow_t_${randomBytes(6).toString('hex')}`;
  const template = opts.fresh ? '' : ` TEMPLATE ${await postgresTemplate(adminUrl)}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}${template}`));
  const databaseUrl = withDatabase(adminUrl, name);
  const handle = await openServerDb({ databaseUrl, dataDir, migrate: !opts.unmigrated });
  return {
    ...handle,
    options: { databaseUrl, dataDir },
    dispose: async () => {
      await handle.close();
      // WITH (FORCE) ends connections a failed test left open (a second app instance).
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
      removeDir();
    },
  };
}

/**
 * `describe` once per dialect, with a fresh database for every test:
 *
 *     eachDialect('departments', (t) => {
 *       it('creates', async () => { const { db } = t(); … });
 *     });
 */
export function eachDialect(title: string, body: (t: () => TestDatabase) => void): void {
  describe.each(dialects)(`${title} (%s)`, (dialect) => {
    let current: TestDatabase | null = null;
    beforeEach(async () => {
      current = await createTestDatabase(dialect);
    });
    afterEach(async () => {
      await current?.dispose();
      current = null;
    });
    body(() => {
      if (!current) throw new Error('the test database exists only inside a test');
      return current;
    });
  });
}

let sqliteFile: Promise<string> | null = null;

function sqliteTemplate(): Promise<string> {
  sqliteFile ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ow-center-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    // closing checkpoints the WAL, so the one file holds the whole schema
    await (await openServerDb({ dataDir: dir })).close();
    return join(dir, 'center.sqlite');
  })();
  return sqliteFile;
}

let postgresTemplateName: Promise<string> | null = null;

function postgresTemplate(adminUrl: string): Promise<string> {
  postgresTemplateName ??= withAdmin(adminUrl, async (client) => {
    const name = `ow_tpl_${migrationsDigest()}`;
    // Test files run in parallel processes: one builds the template, the others wait for it.
    await client.query('SELECT pg_advisory_lock(7600)');
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) {
        // built under another name and renamed: a crash mid-build never leaves a half template
        const building = `${name}_build`;
        await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${building}`);
        await (await openServerDb({ databaseUrl: withDatabase(adminUrl, building) })).close();
        await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(7600)');
    }
    return name;
  });
  return postgresTemplateName;
}

function migrationsDigest(): string {
  const dir = new URL('./migrations/', import.meta.url);
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort())
    hash.update(file).update(readFileSync(new URL(file, dir)));
  return hash.digest('hex').slice(0, 16);
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL unreachable at ${url} (set TEST_DATABASE_URL): server tests run on both dialects and never skip one. ${String(error)}`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The admin URL with its database swapped, keeping the socket host and user. WHATWG URL refuses
 * `postgresql://root@/postgres?host=/socket` (a user without a host), so this edits the text. */
function withDatabase(url: string, database: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/]*)(?:\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match) throw new Error(`not a PostgreSQL URL: ${url}`);
  return `${match[1]}/${database}${match[2] ?? ''}`;
}
