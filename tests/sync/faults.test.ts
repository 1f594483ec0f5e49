import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanups';
import { openSecret } from '../../electron/store/device';
import { toStoredEvent, type EventRow } from '../../electron/store/events';
import { getSetting } from '../../electron/store/reference';
import { syncKeys } from '../../electron/store/sync-state';
import { toWire } from '../../electron/sync/push';
import { protocolHeader, protocolVersion, type WireEvent } from '../../shared/sync';
import { centerLink } from '../support/center-link';
import {
  enrolledTerminal,
  expectDepartmentScope,
  expectExactUnion,
  openHall,
  syncUntilQuiet,
  writeCases,
  type Hall,
  type HallTerminal,
} from './world';

// Each fault ends with the same check as the happy path: the center holds exactly the union of
// what the terminals wrote, every chain verifies, each terminal holds its department's events.
// Every loop here is bounded, so a broken sync fails the test instead of hanging it.

const defer = cleanupAfterEach();

async function newHall(): Promise<Hall> {
  const hall = await openHall();
  defer(() => hall.dispose());
  return hall;
}

async function terminalsAt(
  hall: Hall,
  opts: { clocks?: (() => Date)[]; serverUrl?: string } = {},
): Promise<HallTerminal[]> {
  const terminals: HallTerminal[] = [];
  for (const [i, w] of hall.windows.entries()) {
    const h = await enrolledTerminal(hall, w, opts.clocks?.[i], opts.serverUrl);
    defer(h.cleanup);
    terminals.push(h);
  }
  return terminals;
}

async function settleAndCheck(hall: Hall, terminals: HallTerminal[]): Promise<void> {
  await syncUntilQuiet(terminals.map((h) => h.t));
  await expectExactUnion(
    hall,
    terminals.map((h) => h.t),
  );
  expectDepartmentScope(terminals);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The terminal's own events not yet answered, as they travel. */
function pendingWire(h: HallTerminal): WireEvent[] {
  return (
    h.t.db
      .prepare(
        "SELECT * FROM events WHERE device_id = ? AND sync_state = 'pending' ORDER BY device_seq",
      )
      .all(h.t.device.id) as EventRow[]
  ).map((r) => toWire(toStoredEvent(r)));
}

describe('sync under faults', () => {
  it('the center SIGKILLed at random points while terminals push, 50 rounds', async () => {
    const hall = await newHall();
    const terminals = await terminalsAt(hall);
    let killedWhilePending = 0;
    for (let round = 0; round < 50; round++) {
      // fresh work each round, so that every kill finds something in flight
      await Promise.all(terminals.map((h, i) => writeCases(h, 1, 1000 * i + round)));
      const rounds = terminals.map((h) => h.t.sync.syncNow());
      await sleep(Math.floor(Math.random() * 40));
      if (terminals.some((h) => h.t.sync.status().pending > 0)) killedWhilePending += 1;
      await hall.center.kill();
      await Promise.all(rounds);
      await hall.restart();
    }
    // the kills must have landed while events were on their way, not only between rounds
    expect(killedWhilePending).toBeGreaterThan(10);
    await settleAndCheck(hall, terminals);
  }, 600_000);

  it('responses dropped after the center committed: the retries are harmless', async () => {
    const hall = await newHall();
    let pushes = 0;
    // every other push answer is lost on the way back, after the center's commit
    const proxy = await centerLink(hall.center.url, {
      dropAnswer: (path) => path.includes('/push') && pushes++ % 2 === 0,
    });
    defer(() => proxy.close());
    const terminals = await terminalsAt(hall, { serverUrl: proxy.url });
    for (let i = 0; i < 4; i++) {
      await Promise.all(terminals.map((h, n) => writeCases(h, 3, 100 * n + 10 * i)));
      await Promise.all(terminals.map((h) => h.t.sync.syncNow()));
    }
    await syncUntilQuiet(
      terminals.map((h) => h.t),
      40,
    );
    expect(proxy.dropped()).toBeGreaterThanOrEqual(6);
    await settleAndCheck(hall, terminals);
  }, 300_000);

  it('batches replayed and reordered on the wire', async () => {
    const hall = await newHall();
    const terminals = await terminalsAt(hall);
    await Promise.all(terminals.map((h, n) => writeCases(h, 8, 100 * n)));
    const h = terminals[0]!;
    const events = pendingWire(h);
    const token = openSecret(getSetting<string>(h.t.db, syncKeys.deviceToken)!, null);
    const batches: WireEvent[][] = [];
    for (let i = 0; i < events.length; i += 4) batches.push(events.slice(i, i + 4));
    const push = async (batch: WireEvent[]) => {
      const res = await fetch(`${hall.center.url}/api/sync/push`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          [protocolHeader]: String(protocolVersion),
        },
        body: JSON.stringify({ events: batch }),
      });
      return {
        status: res.status,
        body: (await res.json()) as { lastSeq?: number; error?: { lastSeq?: number } },
      };
    };
    // send batches in a shuffled order, each several times, until the center holds them all
    const answers = new Map<number, number>();
    let held = 0;
    for (let attempt = 0; attempt < 400 && held < events.length; attempt++) {
      const batch = batches[Math.floor(Math.random() * batches.length)]!;
      const { status, body } = await push(batch);
      answers.set(status, (answers.get(status) ?? 0) + 1);
      if (status === 200) held = Math.max(held, body.lastSeq ?? 0);
      else expect(status, JSON.stringify(body)).toBe(409);
    }
    expect(held).toBe(events.length);
    expect(answers.get(409), 'out-of-order batches were refused as gaps').toBeGreaterThan(0);
    // the whole log again, and the terminal's own sync on top: all acknowledged once more
    for (const batch of batches) expect((await push(batch)).status).toBe(200);
    await settleAndCheck(hall, terminals);
  }, 300_000);

  // Within the 5-minute tolerance: sync never needs the clocks to agree. Beyond it the terminal
  // refuses legal events and the center conflicts its pushes (tests/security/clock.test.ts).
  it('terminal clocks four minutes ahead and four minutes behind', async () => {
    const hall = await newHall();
    const terminals = await terminalsAt(hall, {
      clocks: [
        () => new Date(Date.now() + 4 * 60_000),
        () => new Date(Date.now() - 4 * 60_000),
        () => new Date(),
      ],
    });
    await hall.center.stop();
    await Promise.all(terminals.map((h, n) => writeCases(h, 5, 100 * n)));
    await hall.restart();
    await settleAndCheck(hall, terminals);
  }, 300_000);

  it('the center restored from an older copy of its database', async () => {
    const hall = await newHall();
    const terminals = await terminalsAt(hall);
    await Promise.all(terminals.map((h, n) => writeCases(h, 3, 100 * n)));
    await syncUntilQuiet(terminals.map((h) => h.t));
    // the nightly copy, taken with the center stopped
    await hall.center.stop();
    const live = join(hall.dataDir, 'center.sqlite');
    const backup = join(hall.dataDir, 'backup.sqlite');
    copyFileSync(live, backup);
    await hall.restart();
    // a day's work reaches the center, then its disk fails and last night's copy comes back
    await Promise.all(terminals.map((h, n) => writeCases(h, 4, 100 * n + 50)));
    await syncUntilQuiet(terminals.map((h) => h.t));
    await hall.center.stop();
    for (const suffix of ['-wal', '-shm']) if (existsSync(live + suffix)) rmSync(live + suffix);
    copyFileSync(backup, live);
    await hall.restart();
    // and the hall goes on working
    await Promise.all(terminals.map((h, n) => writeCases(h, 2, 100 * n + 80)));
    await settleAndCheck(hall, terminals);
  }, 300_000);
});
