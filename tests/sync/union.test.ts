import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanups';
import { startCenter } from '../support/center';
import {
  enrolledTerminal,
  hallOn,
  expectDepartmentScope,
  expectExactUnion,
  syncUntilQuiet,
  writeCases,
  type Hall,
  type HallTerminal,
} from './world';

// Three terminals take cases in while the center is down, then sync: the center must hold
// exactly the union of what they wrote, on the embedded SQLite, on PostgreSQL, and with two
// center processes sharing one PostgreSQL.

const defer = cleanupAfterEach();

const hallOf = (dialect: 'sqlite' | 'postgres') => hallOn(dialect, defer);

async function terminalsOf(hall: Hall, urls: readonly string[] = []): Promise<HallTerminal[]> {
  const out: HallTerminal[] = [];
  for (const [i, w] of hall.windows.entries()) {
    const h = await enrolledTerminal(hall, w, undefined, urls[i]);
    defer(h.cleanup);
    out.push(h);
  }
  return out;
}

async function offlineThenSync(hall: Hall, terminals: HallTerminal[]): Promise<void> {
  await hall.center.stop();
  const written = await Promise.all(terminals.map((h, i) => writeCases(h, 8 + i, i * 100)));
  // offline: a round fails, keeps everything queued, and says so
  const offline = await terminals[0]!.t.sync.syncNow();
  expect(offline.online).toBe(false);
  expect(offline.pending).toBeGreaterThan(0);
  await hall.restart();
  await syncUntilQuiet(terminals.map((h) => h.t));
  expect(written.flat()).toHaveLength(8 + 9 + 10);
  await expectExactUnion(
    hall,
    terminals.map((h) => h.t),
  );
  expectDepartmentScope(terminals);
}

describe('three terminals offline, then sync', () => {
  it('embedded SQLite center: the exact union', async () => {
    const hall = await hallOf('sqlite');
    await offlineThenSync(hall, await terminalsOf(hall));
  });

  it('PostgreSQL center: the exact union', async () => {
    const hall = await hallOf('postgres');
    await offlineThenSync(hall, await terminalsOf(hall));
  });

  it('two center processes on one PostgreSQL: the exact union', async () => {
    const hall = await hallOf('postgres');
    const second = await startCenter({
      dataDir: `${hall.dataDir}/second`,
      databaseUrl: hall.databaseUrl!,
    });
    defer(() => second.stop());
    // the second window's terminal talks to the second process, the others to the first
    const terminals = await terminalsOf(hall, [hall.center.url, second.url, hall.center.url]);
    const written = await Promise.all(terminals.map((h, i) => writeCases(h, 10, i * 100)));
    expect(written.flat()).toHaveLength(30);
    await syncUntilQuiet(terminals.map((h) => h.t));
    await expectExactUnion(
      hall,
      terminals.map((h) => h.t),
    );
    expectDepartmentScope(terminals);
  });
});
