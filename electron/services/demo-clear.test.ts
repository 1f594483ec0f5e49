import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { demoClearWord, type ApiResult } from '../../shared/api';
import { listBackups } from '../../node-shared/durability/backups';
import { adminAccount } from '../../tests/support/center';
import { centerAdmin } from '../../tests/support/center-admin';
import { cleanupAfterEach } from '../../tests/support/cleanups';
import { quietTerminal, receive } from '../../tests/support/sync';
import { tempTerminal } from '../../tests/support/terminal';
import { openHall, syncUntilQuiet } from '../../tests/sync/world';
import { dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import { sql } from '../store/db';
import { backupsDir } from '../store/durability';
import { verifyChain } from '../store/events';
import type { Terminal } from './context';
import { demoBackupPrefix, demoStatus } from './demo-clear';
import { openTerminal } from './terminal';

// Part W of issue 16: a manager clears a demo PC's practice in one confirmed step, a backup
// kept first, and the PC then enrolls. Real terminals on temp SQLite files; the enrollment goes
// to a real center process on loopback.

const defer = cleanupAfterEach();

function run(t: Terminal, token: string | null, name: string, input: unknown = {}) {
  return dispatch(handlers, name, input, {
    terminal: t,
    session: t.sessions.resolve(token),
    token,
  });
}

function value<T = Record<string, unknown>>(r: ApiResult<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function practisedDemo(cases: number) {
  const q = quietTerminal();
  defer(q.cleanup);
  const clerk = await q.as('clerk');
  for (let n = 1; n <= cases; n++) await receive(q.t, clerk, n);
  return { ...q, manager: await q.as('manager') };
}

const ownKey = (t: Terminal) => new Map([[t.device.id, t.device.publicKey]]);

const caseCount = (t: Terminal) =>
  (sql(t.db, 'SELECT count(*) AS n FROM cases').get() as { n: number }).n;

describe('clearing demo data', () => {
  it('refuses without the confirmation word, and anyone but a manager', async () => {
    const q = await practisedDemo(1);
    const wrong = await run(q.t, q.manager, 'demo.clear', { confirmation: '清除' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'confirmation', rule: 'demo.confirmation' },
    });
    const clerk = await run(q.t, await q.as('clerk'), 'demo.clear', {
      confirmation: demoClearWord,
    });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(caseCount(q.t)).toBe(1);
    expect(listBackups(backupsDir(q.t.dataDir), demoBackupPrefix)).toEqual([]);
  });

  it('keeps the practice in a backup, empties the log, and the demo goes on', async () => {
    const q = await practisedDemo(3);
    expect(value(await run(q.t, q.manager, 'demo.status'))).toMatchObject({
      demo: true,
      cases: 3,
      refusal: null,
      lastCleared: null,
    });
    const cleared = value<{ backup: string; cases: number; events: number }>(
      await run(q.t, q.manager, 'demo.clear', { confirmation: ` ${demoClearWord} ` }),
    );
    expect(cleared).toMatchObject({ cases: 3 });
    expect(cleared.events).toBeGreaterThanOrEqual(3);
    expect(caseCount(q.t)).toBe(0);
    expect(verifyChain(q.t.db, ownKey(q.t))).toEqual({ ok: true, events: 0 });

    // the backup holds every case cleared, and the daily pruning does not count it
    const [kept] = listBackups(backupsDir(q.t.dataDir), demoBackupPrefix);
    expect(kept?.name).toBe(cleared.backup);
    const copy = new Sqlite(kept!.file, { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 3 });
    } finally {
      copy.close();
    }
    expect(listBackups(backupsDir(q.t.dataDir), 'terminal').map((b) => b.name)).not.toContain(
      cleared.backup,
    );

    // a recorded act: the status says who and when, install.json counts what is left
    expect(value(await run(q.t, q.manager, 'demo.status'))).toMatchObject({
      cases: 0,
      lastCleared: { by: '陈静', backup: cleared.backup },
    });
    const marker = JSON.parse(readFileSync(join(q.t.dataDir, 'install.json'), 'utf8')) as {
      lastEventCount: number;
    };
    expect(marker.lastEventCount).toBe(0);

    // the demo accounts still sign in, a new case numbers the chain from 1 again
    await receive(q.t, await q.as('clerk'), 9);
    expect(verifyChain(q.t.db, ownKey(q.t))).toEqual({ ok: true, events: 1 });
    const dataDir = q.t.dataDir;
    q.t.close();
    // and the PC starts again as itself: no recovery screen, the same demo
    const again = openTerminal({ dataDir, resourcesDir: resolve('resources'), sync: false });
    defer(() => again.close());
    expect(again.demoAccounts.map((a) => a.username)).toContain('manager');
    expect(caseCount(again)).toBe(1);
  });

  it('refuses a PC whose log holds what the center has seen', async () => {
    const q = await practisedDemo(2);
    // what a restored backup of a synced PC looks like: an acknowledged event
    sql(q.t.db, "UPDATE events SET sync_state = 'acknowledged' WHERE seq = 1").run();
    const r = await run(q.t, q.manager, 'demo.clear', { confirmation: demoClearWord });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_allowed', rule: 'demo.realCases' } });
    expect(caseCount(q.t)).toBe(2);
    expect(listBackups(backupsDir(q.t.dataDir), demoBackupPrefix)).toEqual([]);
  });

  it('refuses a case of a window other than the demo’s', async () => {
    const q = await practisedDemo(1);
    sql(q.t.db, "UPDATE events SET window_id = 'w-real-sj01'").run();
    expect(value(await run(q.t, q.manager, 'demo.status'))).toMatchObject({
      demo: true,
      refusal: { rule: 'demo.realCases' },
    });
  });

  it('has nothing to clear on a PC set up without the demo', () => {
    const opened = tempTerminal(undefined, { sync: false, demo: false });
    defer(opened.cleanup);
    // no staff to sign in with: the rule itself, as the status reads it
    expect(demoStatus(opened.terminal)).toMatchObject({
      demo: false,
      refusal: { rule: 'demo.notDemo' },
    });
  });

  it('lets a practised PC enroll, and is refused once it has', async () => {
    const q = await practisedDemo(2);
    const hall = await openHall();
    defer(() => hall.dispose());
    const window = hall.windows[0]!;
    const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
    const enroll = async () =>
      run(q.t, q.manager, 'sync.enroll', {
        serverUrl: hall.center.url,
        code: await admin.enrollmentCode(window.id),
      });
    // before clearing, enrollment refuses the practice
    expect(await enroll()).toMatchObject({
      ok: false,
      error: { rule: 'enrollment.hasEvents' },
    });
    value(await run(q.t, q.manager, 'demo.clear', { confirmation: demoClearWord }));
    expect(value(await enroll())).toMatchObject({ windowId: window.id });
    await syncUntilQuiet([q.t]);
    expect(q.t.sync.status()).toMatchObject({ enrolled: true, pending: 0 });
    // the demo manager's session ended with the demo accounts: a center manager would ask now
    expect(demoStatus(q.t)).toMatchObject({ demo: false, refusal: { rule: 'demo.enrolled' } });
  });
});
