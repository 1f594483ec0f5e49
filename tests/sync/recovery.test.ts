import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readmit } from '../../electron/services/readmission';
import { afterRestore } from '../../server/admin/terminal-numbers';
import { openServerDb } from '../../server/db/open';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { cleanupAfterEach } from '../support/cleanups';
import {
  enrolledTerminal,
  expectExactUnion,
  hallOn,
  syncUntilQuiet,
  writeCases,
  type Hall,
  type HallTerminal,
} from './world';

// Issue 15 point 1, the first fault of "Done when": a terminal enrolled after the center's last
// backup, the backup restored. Real processes on loopback (the center), real SQLite files; every
// wait is for a state (a sync round's answer), never for a time.

const defer = cleanupAfterEach();

async function terminal(hall: Hall, code: string): Promise<HallTerminal> {
  const h = await enrolledTerminal(
    hall,
    hall.windows.find((w) => w.code === code)!,
  );
  defer(h.cleanup);
  return h;
}

/** The SQLite online backup API, on the live file while the center runs and writes. */
async function backupCenter(hall: Hall): Promise<string> {
  const target = join(hall.dataDir, 'nightly.sqlite');
  const live = new Database(join(hall.dataDir, 'center.sqlite'), { readonly: true });
  try {
    await live.backup(target);
  } finally {
    live.close();
  }
  return target;
}

/** Stop, put the copy in place of the live file, (optionally) run afterRestore, start. */
async function restoreCenter(hall: Hall, backup: string, command: boolean): Promise<void> {
  if (!hall.center.exited()) await hall.center.stop();
  const live = join(hall.dataDir, 'center.sqlite');
  for (const suffix of ['-wal', '-shm']) if (existsSync(live + suffix)) rmSync(live + suffix);
  copyFileSync(backup, live);
  if (command) {
    const handle = await openServerDb({ dataDir: hall.dataDir });
    try {
      await afterRestore(handle.db);
    } finally {
      await handle.close();
    }
  }
  await hall.restart();
}

function ownCount(h: HallTerminal, state?: string): number {
  return (
    h.t.db
      .prepare(
        `SELECT count(*) AS n FROM events WHERE device_id = ?${state ? ' AND sync_state = ?' : ''}`,
      )
      .get(...(state ? [h.t.device.id, state] : [h.t.device.id])) as { n: number }
  ).n;
}

function caseNumbers(h: HallTerminal): string[] {
  return (h.t.db.prepare('SELECT case_number FROM cases').all() as { case_number: string }[]).map(
    (r) => r.case_number,
  );
}

function numberConflicts(h: HallTerminal): number {
  return (h.t.db.prepare('SELECT count(*) AS n FROM case_number_conflicts').get() as { n: number })
    .n;
}

async function centerCaseNumbers(hall: Hall): Promise<string[]> {
  const handle = await openServerDb({ dataDir: hall.dataDir });
  try {
    const rows = await handle.db.selectFrom('cases').select('case_number').execute();
    return rows.map((r) => r.case_number);
  } finally {
    await handle.close();
  }
}

const distinct = (xs: readonly string[]) => new Set(xs).size === xs.length;

describe('a center restored from a backup older than a terminal', () => {
  it('re-registers the terminal, every event arrives, no terminal number or case number twice', async () => {
    const hall = await hallOn('sqlite', defer);
    // the third PC: enrolled before the backup, at the other window of the same department
    const third = await terminal(hall, 'SJ02');
    await writeCases(third, 2, 0);
    await syncUntilQuiet([third.t]);
    const backup = await backupCenter(hall);

    // after the backup: the PC that will be lost (SJ01, T1) and the one that will come back (SJ02)
    const lost = await terminal(hall, 'SJ01');
    expect(lost.t.sync.status().enrollment?.terminalNumber).toBe(1);
    await writeCases(lost, 3, 100);
    const t2 = await terminal(hall, 'SJ02');
    await writeCases(t2, 3, 200);
    await syncUntilQuiet([lost.t, t2.t, third.t]);
    // the third PC pulled the lost PC's cases
    expect(caseNumbers(third).filter((n) => n.includes('-SJ01-T1-'))).toHaveLength(3);
    const acknowledged = ownCount(t2, 'acknowledged');
    expect(acknowledged).toBeGreaterThan(0);

    // the center goes down; T2 and the third PC keep working offline
    await hall.center.stop();
    await writeCases(t2, 2, 300);
    await writeCases(third, 1, 400);
    expect(ownCount(t2, 'pending')).toBeGreaterThan(0);

    // the disk fails; last night's copy comes back, with the restore command
    await restoreCenter(hall, backup, true);

    // T2: blocked, told why, nothing dropped
    const blocked = await t2.t.sync.syncNow();
    expect(blocked.state).toBe('blocked');
    expect(blocked.unknownToCenter?.reason).toBe('unknown');
    expect(blocked.unknownToCenter?.message).toContain('中心不认识本终端');
    expect(ownCount(t2)).toBe(acknowledged + ownCount(t2, 'pending'));

    // a manager makes a code for T2's window; T2 re-registers as the same device
    const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
    const code = await admin.enrollmentCode(t2.window.id);
    const before = { id: t2.t.device.id, key: t2.t.device.publicKey };
    const answer = await readmit(t2.t, { code });
    expect(answer).toMatchObject({ deviceId: before.id, terminalNumber: 2, knownSeq: 0 });
    expect(answer.resend).toBe(ownCount(t2));
    expect(t2.t.device.publicKey).toBe(before.key);
    // a code is used once
    await expect(readmit(t2.t, { code })).rejects.toThrow(/已被使用/);

    await syncUntilQuiet([t2.t, third.t]);
    expect(t2.t.sync.status().unknownToCenter).toBeNull();
    await expectExactUnion(hall, [t2.t, third.t]);

    // the manager sees the re-admission
    const devices = await admin.call<{ id: string; readmittedAt: string | null }[]>(
      'GET',
      '/api/devices',
    );
    expect(devices.find((d) => d.id === before.id)?.readmittedAt).not.toBeNull();

    // a replacement for the lost PC at SJ01: never T1 again
    const replacement = await terminal(hall, 'SJ01');
    const number = replacement.t.sync.status().enrollment!.terminalNumber;
    expect(number).toBeGreaterThan(100);
    await writeCases(replacement, 3, 500);
    await syncUntilQuiet([t2.t, third.t, replacement.t]);

    // the third PC kept pulling; no case number twice anywhere
    for (const h of [t2, third, replacement]) {
      expect(h.t.sync.status().lastError).toBeNull();
      expect(distinct(caseNumbers(h)), `${h.window.code} case numbers`).toBe(true);
      expect(numberConflicts(h)).toBe(0);
    }
    expect(caseNumbers(third).filter((n) => n.includes(`-SJ01-T${number}-`))).toHaveLength(3);
    expect(distinct(await centerCaseNumbers(hall))).toBe(true);
    await expectExactUnion(hall, [t2.t, third.t, replacement.t]);
  }, 300_000);
});

describe('a center restored by hand, without the restore command', () => {
  it('a twice-used number is recorded at the terminal and its pulls go on; the floor then lifts', async () => {
    const hall = await hallOn('sqlite', defer);
    const third = await terminal(hall, 'SJ02');
    const backup = await backupCenter(hall);
    const lost = await terminal(hall, 'SJ01');
    await writeCases(lost, 2, 100);
    await syncUntilQuiet([lost.t, third.t]);

    await restoreCenter(hall, backup, false);
    // enrolled before any terminal showed the center it is behind: the restored center knows no
    // SJ01 terminal and no SJ01 case, so it hands out T1 again — the case the floor cannot cover
    const again = await terminal(hall, 'SJ01');
    expect(again.t.sync.status().enrollment?.terminalNumber).toBe(1);
    await writeCases(again, 2, 100);
    await syncUntilQuiet([again.t, third.t]);

    // the third PC holds both T1s' cases: each clash recorded, every event kept, no error
    expect(third.t.sync.status().lastError).toBeNull();
    expect(numberConflicts(third)).toBe(2);
    expect(caseNumbers(third)).toHaveLength(4);
    const conflicts = third.t.db
      .prepare('SELECT case_id, other_case_id FROM case_number_conflicts')
      .all() as { case_id: string; other_case_id: string }[];
    expect(new Set(conflicts.flatMap((c) => [c.case_id, c.other_case_id])).size).toBe(4);
    await expectExactUnion(hall, [third.t, again.t]);

    // the third PC's pull cursor was beyond the restored center: recorded, and the floor lifted
    const handle = await openServerDb({ dataDir: hall.dataDir });
    try {
      const restores = await handle.db.selectFrom('center_restores').selectAll().execute();
      expect(restores.map((r) => r.kind)).toContain('detected');
    } finally {
      await handle.close();
    }
    const next = await terminal(hall, 'SJ01');
    expect(next.t.sync.status().enrollment?.terminalNumber).toBeGreaterThan(100);
  }, 300_000);
});
