import { spawn } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { pgDumpFor } from './backup';
import { createTestDatabase, eachDialect, type TestDatabase } from './test-db';

// The center's backup → wipe → restore drill, with real processes: the CLI's backup and restore
// subcommands and the server itself, on the embedded SQLite and on PostgreSQL — by pg_dump/pg_restore
// where the machine has a pg_dump that can dump the server, and by the center's own export always.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Run = { code: number | null; output: string };

function envFor(databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

/** Runs `server/main.ts args` to its end (the subcommands, or a refused start). */
function runMain(args: string[], databaseUrl: string | undefined): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
      env: envFor(databaseUrl),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** Starts the center, waits until it listens, reads /health, stops it with SIGTERM. */
function startAndStop(
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<{ health: unknown; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dataDir],
      { env: envFor(databaseUrl), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let health: unknown = null;
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
      const match = /OneWindow center listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1] && health === null) {
        health = 'pending';
        void fetch(`${match[1]}/health`)
          .then((r) => r.json())
          .then((body: unknown) => {
            health = body;
            child.kill('SIGTERM');
          }, reject);
      }
    });
    child.once('exit', (code) => {
      if (code === 0 && health !== null) resolve({ health, output });
      else reject(new Error(`center exited with ${code}:\n${output}`));
    });
  });
}

/**
 * Backup → wipe → refused start → restore → the center serves again with its own records. The
 * format the backup took is checked: pg_dump's where one can dump the server, else the export.
 */
async function drill(t: TestDatabase, format: 'auto' | 'export') {
  const { databaseUrl, dataDir } = t.options;
  const out = mkdtempSync(join(tmpdir(), 'onewindow-center-backups-'));
  dirs.push(out);
  const first = await startAndStop(dataDir, databaseUrl);
  expect(first.health).toMatchObject({ ok: true, db: 'up', integrity: { ok: true } });
  const admin = readFileSync(join(dataDir, 'admin-account.json'), 'utf8');
  if (!databaseUrl) {
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const f of ['center.sqlite', 'admin-account.json', 'center-install.json']) {
      expect(statSync(join(dataDir, f)).mode & 0o777, f).toBe(0o600);
    }
  }

  const backup = await runMain(
    ['backup', '--data', dataDir, '--out', out, '--keep', '3', '--format', format],
    databaseUrl,
  );
  expect(backup, backup.output).toMatchObject({ code: 0 });
  const [file] = readdirSync(out);
  const pgDump = databaseUrl && format === 'auto' && (await pgDumpFor(databaseUrl));
  expect(file).toMatch(
    !databaseUrl ? /^center-.*\.sqlite$/ : pgDump ? /^center-.*\.dump$/ : /^center-.*\.jsonl\.gz$/,
  );
  const staffBefore = await t.db.selectFrom('staff').selectAll().orderBy('id').execute();
  expect(statSync(join(out, file!)).mode & 0o777).toBe(0o600);

  // the wipe: a 0-byte file, or every table of the PostgreSQL database gone
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await client.end();
  } else {
    writeFileSync(join(dataDir, 'center.sqlite'), '');
    for (const side of ['-wal', '-shm'])
      rmSync(join(dataDir, `center.sqlite${side}`), { force: true });
  }
  const refused = await runMain(['--port', '0', '--data', dataDir], databaseUrl);
  expect(refused.code).toBe(3);
  expect(refused.output).toMatch(/中心数据库不可用，中心不启动/);
  expect(refused.output).toMatch(/npm run server -- restore/);
  expect(refused.output).not.toMatch(/first manager/);
  // never a new admin password, over the old one or beside it
  expect(readFileSync(join(dataDir, 'admin-account.json'), 'utf8')).toBe(admin);
  expect(readdirSync(dataDir).filter((f) => f.startsWith('admin-account'))).toEqual([
    'admin-account.json',
  ]);

  const restore = await runMain(['restore', join(out, file!), '--data', dataDir], databaseUrl);
  expect(restore, restore.output).toMatchObject({ code: 0 });
  const again = await startAndStop(dataDir, databaseUrl);
  expect(again.health).toMatchObject({ ok: true, db: 'up' });
  expect(again.output).not.toMatch(/first manager/);
  const staff = await t.db.selectFrom('staff').selectAll().orderBy('id').execute();
  expect(staff.map((s) => s.username)).toContain('admin');
  expect(staff).toEqual(staffBefore);
}

eachDialect('the center backup drill', (t) => {
  // six Node processes one after another on a loaded 2-core machine
  it(
    'backs up, refuses to start on a wiped database without a new password, restores and serves again',
    () => drill(t(), 'auto'),
    240_000,
  );
});

describe('the center backup drill with its own PostgreSQL export', () => {
  it('the same drill without pg_dump: the center exports and restores by itself', async () => {
    const t = await createTestDatabase('postgres');
    try {
      await drill(t, 'export');
    } finally {
      await t.dispose();
    }
  }, 240_000);
});

describe('the center on a truncated SQLite file', () => {
  it('refuses to start with exit code 3 and writes no new password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-center-'));
    dirs.push(dataDir);
    await startAndStop(dataDir, undefined);
    const file = join(dataDir, 'center.sqlite');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const refused = await runMain(['--port', '0', '--data', dataDir], undefined);
    expect(refused.code).toBe(3);
    expect(refused.output).toMatch(/截断|无法读取|已损坏/);
    expect(readdirSync(dataDir).filter((f) => f.startsWith('admin-account'))).toEqual([
      'admin-account.json',
    ]);
  }, 120_000);
});
