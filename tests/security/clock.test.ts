import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/api';
import { shanghaiIso } from '../../shared/calendar';
import type { CaseEvent } from '../../shared/case';
import type { AlertSummary as Alert } from '../../shared/sync';
import { dispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import type { Terminal } from '../../electron/services/context';
import { inTransaction } from '../../electron/store/db';
import { appendEvent } from '../../electron/store/events';
import { createTestDatabase } from '../../server/db/test-db';
import { adminAccount, startCenter } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { cleanupAfterEach } from '../support/cleanups';
import { callAs } from '../support/sync';
import {
  enrolledTerminal,
  openHall,
  receiveChecked,
  syncUntilQuiet,
  type Hall,
  type HallTerminal,
} from '../sync/world';

// Issue 13 point 4 with real processes on loopback: a center process (SQLite, then PostgreSQL)
// and terminals whose clocks are injected. A clock 10 minutes ahead is seen, blocked for legal
// events and alerted; a 2099 event is stored as conflicted; a PC offline for three days with a
// right clock syncs as if nothing happened; a manager's acknowledgment lets the PC write again on
// the center's time.

const defer = cleanupAfterEach();
const minute = 60_000;
const day = 86_400_000;

async function hallOn(dialect: 'sqlite' | 'postgres', now?: string): Promise<Hall> {
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    const db = await createTestDatabase('postgres');
    databaseUrl = db.options.databaseUrl;
    await db.close();
    defer(() => db.dispose());
  }
  const hall = await openHall(databaseUrl, now);
  defer(() => hall.dispose());
  return hall;
}

async function terminalAt(hall: Hall, now: () => Date): Promise<HallTerminal> {
  const h = await enrolledTerminal(hall, hall.windows[0]!, now);
  defer(h.cleanup);
  return h;
}

/** A call that must be refused: its error as the API gives it. */
async function refusal(t: Terminal, token: string, name: string, input: unknown) {
  const r = await dispatch(handlers, name, input, {
    terminal: t,
    session: t.sessions.resolve(token),
    token,
  });
  if (r.ok) throw new Error(`${name} was not refused`);
  return r.error;
}

async function centerAlerts(hall: Hall): Promise<Alert[]> {
  const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
  return admin.call<Alert[]>('GET', '/api/alerts');
}

function ownEvents(t: Terminal) {
  return t.db
    .prepare(
      'SELECT id, type, occurred_at, sync_state, sync_note FROM events WHERE device_id = ? ORDER BY device_seq',
    )
    .all(t.device.id) as {
    id: string;
    type: string;
    occurred_at: string;
    sync_state: string;
    sync_note: string | null;
  }[];
}

describe.each(['sqlite', 'postgres'] as const)('clock you can trust (%s)', (dialect) => {
  it('a PC 10 minutes ahead: skewed, cannot accept, alerted; a manager acknowledges and it writes on center time', async () => {
    const hall = await hallOn(dialect);
    let ahead = 0;
    const h = await terminalAt(hall, () => new Date(Date.now() + ahead));
    const caseId = await receiveChecked(h, 1);
    await syncUntilQuiet([h.t]);

    // someone moves the PC's clock 10 minutes ahead
    ahead = 10 * minute;
    const status: SyncStatus = await h.t.sync.syncNow();
    expect(status.clock.state).toBe('skewed');
    expect(status.clock.offsetMs).toBeGreaterThan(10 * minute - 30_000);
    expect(status.clock.offsetMs).toBeLessThan(10 * minute + 30_000);

    const refused = await refusal(h.t, h.clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: {},
    });
    expect(refused).toMatchObject({ code: 'not_allowed', rule: 'clock.skewed' });
    expect(refused.message).toContain('快 10 分');

    const skew = (await centerAlerts(hall)).filter((a) => a.rule === 'clock.skew');
    expect(skew).toHaveLength(1);
    expect(skew[0]!.evidence).toContain(h.t.device.id);
    expect(skew[0]!.message).toContain('快 10 分');

    // a clerk cannot acknowledge; the center's manager, signed in at this PC, can
    expect(await refusal(h.t, h.clerk, 'sync.acknowledgeClock', {})).toMatchObject({
      code: 'forbidden',
    });
    // a manager who may sign in at windows (the seeded admin is center-only: its hash never
    // reaches a PC)
    const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
    await admin.createStaff({
      username: 'hall-manager',
      name: '大厅主任',
      role: 'manager',
      windowId: null,
      password: 'hall-manager-pass-1',
    });
    await h.t.sync.syncNow();
    const manager = (
      await callAs(h.t, null, 'auth.login', {
        username: 'hall-manager',
        password: 'hall-manager-pass-1',
      })
    ).token as string;
    const acknowledged = (await callAs(h.t, manager, 'sync.acknowledgeClock', {})) as SyncStatus;
    expect(acknowledged.clock.state).toBe('acknowledged');
    expect(acknowledged.clock.acknowledged?.by).toBeTruthy();

    await callAs(h.t, h.clerk, 'cases.record', { caseId, type: 'accepted', payload: {} });
    const accepted = ownEvents(h.t).find((e) => e.type === 'accepted')!;
    // dated on the center's time, not the PC's
    expect(Math.abs(Date.parse(accepted.occurred_at) - Date.now())).toBeLessThan(60_000);
    await syncUntilQuiet([h.t]);
    expect(ownEvents(h.t).map((e) => [e.type, e.sync_state])).toEqual([
      ['received', 'acknowledged'],
      ['materialsChecked', 'acknowledged'],
      ['accepted', 'acknowledged'],
    ]);
  }, 180_000);

  it('an event dated 2099 forced into the store is stored as conflicted under time.future', async () => {
    const hall = await hallOn(dialect);
    const h = await terminalAt(hall, () => new Date());
    await receiveChecked(h, 2);
    const received = ownEvents(h.t)[0]!;
    const row = h.t.db
      .prepare(
        'SELECT payload, actor_id, actor_name, actor_role, window_id FROM events WHERE id = ?',
      )
      .get(received.id) as {
      payload: string;
      actor_id: string;
      actor_name: string;
      actor_role: string;
      window_id: string;
    };
    // a forger with the PC's files appends straight to the store, past the services
    const forged = {
      id: crypto.randomUUID(),
      caseId: crypto.randomUUID(),
      type: 'received',
      payload: { ...JSON.parse(row.payload), caseNumber: 'SJ-20990101-SJ01-T1-0001' },
      actor: { userId: row.actor_id, name: row.actor_name, role: row.actor_role },
      windowId: row.window_id,
      occurredAt: shanghaiIso(new Date('2099-01-01T09:00:00+08:00')),
    } as CaseEvent;
    inTransaction(h.t.db, () => appendEvent(h.t.db, h.t.device, forged));
    await syncUntilQuiet([h.t]);
    const stored = ownEvents(h.t).find((e) => e.id === forged.id)!;
    expect(stored.sync_state).toBe('conflicted');
    expect(JSON.parse(stored.sync_note!)).toMatchObject({ rule: 'time.future' });
    // and raised to supervision, as every conflict is
    expect((await centerAlerts(hall)).some((a) => a.evidence.includes(forged.id))).toBe(true);
  }, 180_000);

  it('a PC offline for 3 days with a right clock syncs without an alert, all accepted', async () => {
    // the hall as it was three days ago: the center's clock fixed then
    const started = Date.now();
    const threeDaysAgo = new Date(started - 3 * day);
    const hall = await hallOn(dialect, threeDaysAgo.toISOString());
    let shift = 3 * day;
    const h = await terminalAt(hall, () => new Date(Date.now() - shift));
    expect(h.t.sync.status().clock.state).toBe('ok');

    // the network goes; the window works on for three days
    await hall.center.stop();
    const first = await receiveChecked(h, 3);
    await callAs(h.t, h.clerk, 'cases.record', { caseId: first, type: 'accepted', payload: {} });
    shift = 1 * day;
    await receiveChecked(h, 4);
    shift = 0;
    await receiveChecked(h, 5);

    // today: the center is back, on the real clock
    hall.center = await startCenter({
      dataDir: hall.dataDir,
      port: hall.center.port,
      ...(hall.databaseUrl ? { databaseUrl: hall.databaseUrl } : {}),
    });
    await syncUntilQuiet([h.t]);
    expect(h.t.sync.status().clock.state).toBe('ok');
    const events = ownEvents(h.t);
    expect(events).toHaveLength(7);
    expect(events.every((e) => e.sync_state === 'acknowledged')).toBe(true);
    expect(Date.parse(events[0]!.occurred_at)).toBeLessThan(started - 3 * day + 5 * minute);
    expect((await centerAlerts(hall)).filter((a) => a.rule.startsWith('clock.skew'))).toEqual([]);
  }, 180_000);
});
