import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { queueContract, type WindowQueue } from '../shared/center-api';
import { protocolHeader, protocolVersion } from '../shared/sync';
import { createTestDatabase } from '../server/db/test-db';
import { queueDay, ticketNumber } from '../server/queue/tickets';
import {
  seedHall,
  seedStaff,
  syncHarness,
  testNow,
  type TestDevice,
} from '../server/sync/test-support';
import { shanghaiIso } from '../shared/calendar';
import type { BenchResult } from './types';

// Issue 17: 叫号 under load. 20 windows call and finish at once against an in-process center on
// PostgreSQL (real HTTP on loopback) until 2,000 tickets are served; the p95 of 叫号 is compared
// with the classic peer measured in the same run on the same database — a bare route running
// the textbook job-queue statement (UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)) for
// the same 20 callers. Ours does more per call (device and staff checks, the window's lock, the
// call's record, the window's whole panel in the answer); the ceiling says how much more.

const windows = 20;
const tickets = 2000;
const ceiling = 10;

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)]!;
}

async function timed<T>(times: number[], run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await run();
  times.push(performance.now() - start);
  return value;
}

export async function benchQueue(): Promise<BenchResult> {
  const t = await createTestDatabase('postgres');
  try {
    await seedHall(t.db, { records: false });
    const ids = Array.from({ length: windows }, (_, i) => `w-bench-${i}`);
    await t.db
      .insertInto('windows')
      .values(
        ids.map((id, i) => ({
          id,
          code: `SJ${String(i + 10).padStart(2, '0')}`,
          name: `${i + 10}号窗`,
          department_code: 'SJ',
        })),
      )
      .execute();
    await seedStaff(
      t.db,
      ids.map((id) => ({ userId: `u-${id}`, name: '窗口', role: 'clerk', windowId: id })),
    );
    const h = syncHarness(t);
    const devices: TestDevice[] = [];
    for (const id of ids) devices.push(await h.enroll(id));
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (typeof address !== 'object' || !address) throw new Error('center has no address');
    const url = `http://127.0.0.1:${address.port}`;

    // the morning's tickets straight in the table: the kiosk's cap on a line's waiting tickets
    // (maxWaitingPerLine) is not what this measures
    const day = queueDay(testNow);
    await t.db.insertInto('queue_lines').values({ department_code: 'SJ', prefix: 'A' }).execute();
    for (let from = 0; from < tickets; from += 500) {
      await t.db
        .insertInto('queue_tickets')
        .values(
          Array.from({ length: Math.min(500, tickets - from) }, (_, i) => ({
            id: randomUUID(),
            day,
            number: ticketNumber('A', from + i + 1),
            serial: from + i + 1,
            department_code: 'SJ',
            status: 'waiting',
            window_id: null,
            taken_at: shanghaiIso(testNow),
          })),
        )
        .execute();
    }

    const ours: number[] = [];
    const act = (d: TestDevice, action: string) =>
      fetch(`${url}${queueContract['queue.act'].path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${d.token}`,
          [protocolHeader]: String(protocolVersion),
        },
        body: JSON.stringify({ staffId: `u-${d.windowId}`, act: { action } }),
      });
    const oursStart = performance.now();
    let served = 0;
    await Promise.all(
      devices.map(async (d) => {
        for (;;) {
          const res = await timed(ours, () => act(d, 'callNext'));
          const body = (await res.json()) as WindowQueue;
          if (!body.current) return;
          served += 1;
          await act(d, 'finish');
        }
      }),
    );
    const oursMs = performance.now() - oursStart;
    if (served !== tickets) throw new Error(`served ${served} of ${tickets}`);

    // the peer: the same 20 callers against the textbook statement, on the same PostgreSQL
    await sql`CREATE TABLE peer_tickets (id serial PRIMARY KEY, status text NOT NULL)`.execute(
      t.db,
    );
    await sql`INSERT INTO peer_tickets (status) SELECT 'waiting' FROM generate_series(1, ${tickets})`.execute(
      t.db,
    );
    const peer = Fastify();
    peer.post('/next', async () => {
      const { rows } = await sql<{ id: number }>`UPDATE peer_tickets SET status = 'called'
        WHERE id = (SELECT id FROM peer_tickets WHERE status = 'waiting' ORDER BY id LIMIT 1
        FOR UPDATE SKIP LOCKED) RETURNING id`.execute(t.db);
      return { id: rows[0]?.id ?? null };
    });
    await peer.listen({ port: 0, host: '127.0.0.1' });
    const peerAddress = peer.server.address();
    if (typeof peerAddress !== 'object' || !peerAddress) throw new Error('peer has no address');
    const peerTimes: number[] = [];
    let peerServed = 0;
    await Promise.all(
      Array.from({ length: windows }, async () => {
        for (;;) {
          const res = await timed(peerTimes, () =>
            fetch(`http://127.0.0.1:${peerAddress.port}/next`, { method: 'POST' }),
          );
          if (((await res.json()) as { id: number | null }).id === null) return;
          peerServed += 1;
        }
      }),
    );
    await peer.close();
    await h.app.close();
    if (peerServed !== tickets) throw new Error(`peer served ${peerServed} of ${tickets}`);

    const ratio = p95(ours) / p95(peerTimes);
    return {
      name: `(q) 叫号 p95 under load: ${windows} windows, ${tickets} tickets (PostgreSQL, HTTP)`,
      ours: p95(ours),
      peer: p95(peerTimes),
      ratio,
      unit: 'ms',
      target: `≤ ${ceiling}× the bare SKIP LOCKED queue`,
      pass: ratio <= ceiling,
      detail: `${(tickets / (oursMs / 1000)).toFixed(0)} served/s with 办结 between calls`,
    };
  } finally {
    await t.dispose();
  }
}
