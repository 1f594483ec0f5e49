import {
  closeSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import { terminalBackups, backupTerminal } from '../../electron/services/backups';
import { startTerminalHost } from '../../electron/services/host';
import { openTerminal } from '../../electron/services/terminal';
import { DatabaseUnavailable } from '../../electron/store/durability';
import { verifyChain } from '../../electron/store/events';
import { personApplicant } from '../support/applicants';
import { tempTerminal } from '../support/terminal';
import type { Terminal } from '../../electron/services/context';
import type { CallOutput } from '../../shared/api';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

/** A demo terminal with `n` cases received through the API, and the clerk's context. */
async function terminalWithCases(n: number) {
  const { terminal, cleanup } = tempTerminal();
  cleanups.push(cleanup);
  const ids = await receive(terminal, n);
  return { terminal, ids };
}

async function signIn(terminal: Terminal, role: 'clerk' | 'manager') {
  // a read-only terminal offers no demo accounts: the file beside it still has them
  const accounts = JSON.parse(
    readFileSync(join(terminal.dataDir, 'demo-accounts.json'), 'utf8'),
  ) as { role: string; username: string; password: string }[];
  const account = accounts.find((a) => a.role === role)!;
  const login = await dispatch(
    handlers,
    'auth.login',
    { username: account.username, password: account.password },
    { terminal, session: null, token: null },
  );
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const token = (login.value as { token: string }).token;
  return { terminal, session: terminal.sessions.resolve(token), token };
}

async function receive(terminal: Terminal, n: number, from = 0): Promise<string[]> {
  const ctx = await signIn(terminal, 'clerk');
  const itemCode = (
    terminal.db.prepare("SELECT code FROM items WHERE department_code = 'SJ' LIMIT 1").get() as {
      code: string;
    }
  ).code;
  const ids: string[] = [];
  for (let i = from; i < from + n; i++) {
    const r = await dispatch(
      handlers,
      'cases.receive',
      { itemCode, applicant: personApplicant(i), channel: 'window' },
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    ids.push((r.value as { caseId: string }).caseId);
  }
  return ids;
}

const open = (dataDir: string) => openTerminal({ dataDir, resourcesDir: resolve('resources') });

function expectLost(dataDir: string, kind: string) {
  const accountsBefore = readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8');
  let thrown: unknown;
  try {
    open(dataDir).close();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DatabaseUnavailable);
  const problem = (thrown as DatabaseUnavailable).problem;
  expect(problem.kind).toBe(kind);
  expect(problem.backupsDir).toBe(join(dataDir, 'backups'));
  expect(problem.firstStartedAt).toMatch(/^\d{4}-/);
  // never a new demo: the old passwords are still the ones on disk
  expect(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')).toBe(accountsBefore);
}

describe('a terminal that has started before', () => {
  it('stops on a 0-byte database instead of seeding a new demo', async () => {
    const { terminal } = await terminalWithCases(3);
    const dataDir = terminal.dataDir;
    terminal.close();
    writeFileSync(join(dataDir, 'terminal.sqlite'), '');
    for (const side of ['-wal', '-shm']) writeFileSync(join(dataDir, `terminal.sqlite${side}`), '');
    expectLost(dataDir, 'empty');
    expect(statSync(join(dataDir, 'terminal.sqlite')).size).toBe(0);
  });

  it('stops on a truncated database and on a missing one', async () => {
    const { terminal } = await terminalWithCases(40);
    const dataDir = terminal.dataDir;
    terminal.close();
    const file = join(dataDir, 'terminal.sqlite');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    expectLost(dataDir, 'truncated');
  });

  it('opens a database damaged mid-file read-only: reads answer, every write is refused', async () => {
    const { terminal, ids } = await terminalWithCases(200);
    const dataDir = terminal.dataDir;
    terminal.close();
    const file = join(dataDir, 'terminal.sqlite');
    // garbage over a page in the last quarter of the file: the events' and cases' pages, not the
    // schema, the device or the settings at the front
    const size = statSync(file).size;
    const page = 4096;
    const at = Math.floor((size * 0.8) / page) * page;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(page, 0x5a), 0, page, at + 0);
    closeSync(fd);

    const damaged = open(dataDir);
    cleanups.push(() => damaged.close());
    expect(damaged.damage?.length).toBeGreaterThan(0);
    const manager = await signIn(damaged, 'manager');
    const status = await dispatch(handlers, 'database.status', {}, manager);
    expect(status.ok && (status.value as CallOutput<'database.status'>).state).toBe('readOnly');
    const clerk = await signIn(damaged, 'clerk');
    const write = await dispatch(
      handlers,
      'cases.receive',
      { itemCode: 'SJ-001', applicant: personApplicant(9999), channel: 'window' },
      clerk,
    );
    expect(write).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    expect(write.ok || write.error.message).toMatch(/数据库已损坏/);
    const check = await dispatch(handlers, 'database.integrityCheck', {}, manager);
    expect(check.ok && (check.value as CallOutput<'database.integrityCheck'>).ok).toBe(false);
    // reads still answer where the pages are whole
    expect((await dispatch(handlers, 'database.status', {}, clerk)).ok).toBe(true);
    expect(ids.length).toBe(200);
  });
});

describe('file modes', () => {
  it('keeps the database, its WAL, the marker and backups 0600 and the folders 0700', async () => {
    const { terminal } = await terminalWithCases(1);
    await backupTerminal(terminal);
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(terminal.dataDir)).toBe(0o700);
    expect(mode(join(terminal.dataDir, 'backups'))).toBe(0o700);
    for (const f of [
      'terminal.sqlite',
      'terminal.sqlite-wal',
      'terminal.sqlite-shm',
      'install.json',
      'demo-accounts.json',
    ]) {
      expect(mode(join(terminal.dataDir, f)), f).toBe(0o600);
    }
    for (const b of terminalBackups(terminal)) expect(mode(b.file), b.name).toBe(0o600);
  });
});

describe('the backup drill at a terminal', () => {
  it('backs up, loses the database, restores from the recovery calls: cases and chain intact, writes go on', async () => {
    const { terminal, ids } = await terminalWithCases(20);
    const dataDir = terminal.dataDir;
    await backupTerminal(terminal);
    terminal.close();
    writeFileSync(join(dataDir, 'terminal.sqlite'), '');

    const host = startTerminalHost({ dataDir, resourcesDir: resolve('resources') }, openTerminal);
    cleanups.push(() => host.close());
    expect(host.terminal()).toBeNull();
    const { dispatchRecovery } = await import('../../electron/api/recovery');
    const status = await dispatchRecovery(host, 'database.status', {});
    const lost = status.ok ? (status.value as CallOutput<'database.status'>) : null;
    expect(lost?.state).toBe('lost');
    const refused = await dispatchRecovery(host, 'cases.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    const backups = lost?.backups ?? [];
    expect(backups).toHaveLength(1);
    const restored = await dispatchRecovery(host, 'database.restore', { name: backups[0]!.name });
    expect(restored.ok && (restored.value as CallOutput<'database.restore'>).status.state).toBe(
      'ok',
    );

    const back = host.terminal()!;
    const caseIds = (back.db.prepare('SELECT id FROM cases').all() as { id: string }[]).map(
      (r) => r.id,
    );
    expect(new Set(caseIds)).toEqual(new Set(ids));
    const keys = new Map(
      (
        back.db.prepare('SELECT id, public_key FROM device').all() as {
          id: string;
          public_key: string;
        }[]
      ).map((r) => [r.id, r.public_key]),
    );
    expect(verifyChain(back.db, keys)).toMatchObject({ ok: true });
    // the same demo passwords still sign in, and the next case is written
    const more = await receive(back, 1, 500);
    expect(more).toHaveLength(1);
  });
});
