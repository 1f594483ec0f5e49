import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { personApplicant } from '../support/applicants';
import { adminAccount, startCenter } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { apiPost, startWebTerminal } from '../support/web-terminal';

// Issue 15 point 2, "disk full is named as such with nothing lost": a real terminal process and a
// real center process, each with its data folder on a 20 MB tmpfs filled to the last byte. The
// write that finds no room is answered 磁盘已满 (507), everything written before is intact, and
// writing works again once the filler is gone.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A 20 MB tmpfs, unmounted after the test; a machine that cannot mount one fails the test. */
function smallDisk(): string {
  const dir = mkdtempSync(join(tmpdir(), 'onewindow-diskfull-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=20m', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `the disk-full test needs a 20 MB tmpfs (run as root, or with CAP_SYS_ADMIN): ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
    );
  }
  cleanups.push(() => {
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Writes a file until the disk refuses a single byte more; returns its path. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler.bin');
  const fd = openSync(filler, 'w');
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size, 0x41);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}

// enough to outgrow the WAL's room and the free pages of any seeded database; a disk that never
// fills within it fails the test instead of looping
const bound = 3000;

describe('a full disk at the terminal', () => {
  it('answers intake 磁盘已满 (507), keeps every earlier case, and takes cases again once space returns', async () => {
    const disk = smallDisk();
    const dataDir = join(disk, 'data');
    mkdirSync(dataDir);
    // no scheduled backups: the test fills the disk, not the backup folder
    const t = await startWebTerminal(['--backup-check-seconds', '0'], { dataDir });
    let stopped = false;
    cleanups.push(async () => {
      if (!stopped) await t.stop();
    });
    // a reused data folder: the demo accounts are read from the file beside the database
    const clerk = (
      JSON.parse(readFileSync(join(dataDir, 'demo-accounts.json'), 'utf8')) as {
        role: string;
        username: string;
        password: string;
      }[]
    ).find((a) => a.role === 'clerk')!;
    const { token } = await apiPost<{ token: string }>(t, 'auth.login', {
      username: clerk.username,
      password: clerk.password,
    });
    const items = await apiPost<{ code: string }[]>(t, 'catalog.items', { query: 'gtgsh' }, token);
    let n = 0;
    const intake = () =>
      fetch(`${t.url}/api/cases.receive`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          itemCode: items[0]!.code,
          // a new applicant each time: a second open case of one applicant and item needs a reason
          applicant: personApplicant(7000 + n++),
          channel: 'window',
        }),
      });
    const received: string[] = [];
    // two cases before the disk fills
    for (let i = 0; i < 2; i++) {
      const res = await intake();
      expect(res.status).toBe(200);
      received.push(((await res.json()) as { value: { caseNumber: string } }).value.caseNumber);
    }

    const file = join(dataDir, 'terminal.sqlite');
    const countCases = () => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    // the demo's cases and the two: what the disk holds before it fills
    const before = countCases();

    const filler = fillDisk(disk);
    let refusal: {
      status: number;
      body: { ok: boolean; error?: { code: string; message: string } };
    } | null = null;
    for (let i = 0; i < bound && !refusal; i++) {
      const res = await intake();
      const body = (await res.json()) as {
        ok: boolean;
        value?: { caseNumber: string };
        error?: { code: string; message: string };
      };
      if (body.ok) received.push(body.value!.caseNumber);
      else refusal = { status: res.status, body };
    }
    expect(refusal, `no refusal within ${bound} intakes on a full disk`).not.toBeNull();
    expect(refusal!.status).toBe(507);
    expect(refusal!.body.error).toMatchObject({ code: 'disk_full' });
    expect(refusal!.body.error!.message).toContain('磁盘已满');

    rmSync(filler);
    const again = await intake();
    expect(again.status).toBe(200);
    received.push(((await again.json()) as { value: { caseNumber: string } }).value.caseNumber);
    await t.stop();
    stopped = true;

    // the exact union: the cases on disk are the demo's and the ones answered ok, no more
    expect(countCases()).toBe(before - 2 + received.length);
    const db = new Database(file, { readonly: true });
    try {
      const numbers = new Set(
        (db.prepare('SELECT case_number AS n FROM cases').all() as { n: string }[]).map((r) => r.n),
      );
      for (const r of received) expect(numbers.has(r), r).toBe(true);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      expect(new Set(received).size).toBe(received.length);
    } finally {
      db.close();
    }
  }, 180_000);
});

describe('a full disk at the center', () => {
  it('answers an admin write 磁盘已满 (507) and writes again once space returns', async () => {
    const disk = smallDisk();
    const dataDir = join(disk, 'center');
    mkdirSync(dataDir);
    const center = await startCenter({ dataDir });
    cleanups.push(() => center.stop());
    const admin = await centerAdmin(center.url, adminAccount(dataDir));
    const staffBefore = await admin.call<unknown[]>('GET', '/api/staff');
    const created: string[] = [];
    const create = (i: number) =>
      admin.createStaff({
        username: `diskfull-${i}`,
        name: `测试${i}`,
        role: 'supervisor',
        windowId: null,
        password: 'Diskfull-Test-2026',
      });
    created.push(await create(0));

    const filler = fillDisk(disk);
    let refusal: string | null = null;
    for (let i = 1; i <= bound && !refusal; i++) {
      try {
        created.push(await create(i));
      } catch (error) {
        refusal = String(error);
      }
    }
    expect(refusal, `no refusal within ${bound} writes on a full disk`).not.toBeNull();
    expect(refusal, center.output().slice(-3000)).toMatch(/: 507 /);
    expect(refusal).toContain('disk_full');
    expect(refusal).toContain('磁盘已满');

    rmSync(filler);
    created.push(await create(bound + 1));
    const staffAfter = await admin.call<{ id: string }[]>('GET', '/api/staff');
    // the exact count: what was there, and every write answered ok
    expect(staffAfter.length).toBe(staffBefore.length + created.length);
    const ids = new Set(staffAfter.map((s) => s.id));
    for (const id of created) expect(ids.has(id), id).toBe(true);
  }, 180_000);
});
