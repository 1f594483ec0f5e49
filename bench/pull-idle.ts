import { sql } from 'kysely';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../server/db/test-db';
import type { Dialect } from '../server/http/spec';
import { syncPaths } from '../shared/center-api';
import { pullResponseSchema, type PullResponse } from '../shared/sync';
import { noVersions, seedHall, syncHarness, type SyncHarness } from '../server/sync/test-support';
import type { BenchResult } from './types';

// Issue 19: a PC alone in its department pulled from a cursor that never moved past its own
// events, so every idle pull (one every 30 s) scanned all it had ever sent. The cursor now moves
// (protocol 2); this bench holds an idle pull at 1,000,000 events of the department to what it
// costs at 10,000, on each dialect, with protocol 1 (the old cursor) printed beside it.

const small = 10_000;
const large = Number(process.env.BENCH_PULL_EVENTS ?? 1_000_000);
const ceiling = 1.5; // an idle pull at `large` may cost at most this many times one at `small`

/** `upTo - from` events of `deviceId` written straight into the log, as if pushed long ago. */
async function fillLog(
  h: SyncHarness,
  dialect: Dialect,
  deviceId: string,
  from: number,
  upTo: number,
) {
  const numbers =
    dialect === 'postgres'
      ? sql`SELECT generate_series(${from + 1}::int, ${upTo}::int) AS i`
      : sql`WITH RECURSIVE n(i) AS (SELECT ${from + 1} UNION ALL SELECT i + 1 FROM n WHERE i < ${upTo}) SELECT i FROM n`;
  const eightDigits =
    dialect === 'postgres' ? sql`lpad(i::text, 8, '0')` : sql`substr('00000000' || i, -8)`;
  await sql`
    INSERT INTO events (id, case_id, department_code, window_id, device_id, device_seq, type,
      payload, actor_id, actor_name, actor_role, occurred_at, prev_hash, hash, signature, status,
      received_at)
    SELECT 'bench-' || i, 'bench-case-' || (i / 8), 'SJ', 'w-sj-1', ${deviceId}, i, 'received',
      '{}', 'clerk-1', '张敏', 'clerk', '2026-03-02T09:30:00.000+08:00', ${'0'.repeat(64)},
      ${'a'.repeat(56)} || lpad_i, 'sig', 'accepted', '2026-03-02T01:30:00.000Z'
    FROM (SELECT i, ${eightDigits} AS lpad_i FROM (${numbers}) AS numbers) AS n
  `.execute(h.db);
}

async function idlePullMs(
  h: SyncHarness,
  token: string,
  protocol: number,
  rounds: number,
): Promise<{ ms: number; answer: PullResponse }> {
  // the cursor a terminal holds after its first pull: where protocol `protocol` leaves it
  const pull = async (cursor: number, cursorEventId?: string) => {
    const res = await h.call('POST', syncPaths.pull, {
      token,
      protocol,
      body: { cursor, versions: noVersions, ...(cursorEventId ? { cursorEventId } : {}) },
    });
    if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`);
    return pullResponseSchema.parse(res.json());
  };
  const first = await pull(0);
  const times: number[] = [];
  let answer = first;
  // the first pulls of a size warm its pages and plans: not what a PC's pull every 30 s costs
  for (let r = 0; r < 3; r++) await pull(first.cursor, first.cursorEventId);
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    answer = await pull(first.cursor, first.cursorEventId);
    times.push(performance.now() - started);
  }
  if (answer.events.length > 0 || answer.cursor !== first.cursor) {
    throw new Error('an idle pull brought events or moved: the bench measured something else');
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, answer: first };
}

async function benchDialect(dialect: Dialect): Promise<BenchResult> {
  const db = await createTestDatabase(dialect);
  try {
    await seedHall(db.db);
    const h = syncHarness(db);
    const alone = await h.enroll('w-sj-1');
    await fillLog(h, dialect, alone.id, 0, small);
    const atSmall = await idlePullMs(h, alone.token, 2, 200);
    const oldAtSmall = await idlePullMs(h, alone.token, 1, 20);
    await fillLog(h, dialect, alone.id, small, large);
    if (dialect === 'postgres') await sql`ANALYZE events`.execute(db.db);
    const atLarge = await idlePullMs(h, alone.token, 2, 200);
    const oldAtLarge = await idlePullMs(h, alone.token, 1, 3);
    if (atLarge.answer.cursor <= atSmall.answer.cursor) {
      throw new Error('the cursor did not move past the new events');
    }
    const ratio = atLarge.ms / atSmall.ms;
    return {
      name: `(p) idle pull at ${large.toLocaleString('en')} vs ${small.toLocaleString('en')} events of the department, ${dialect}`,
      ours: atLarge.ms,
      peer: atSmall.ms,
      ratio,
      unit: 'ms per pull (median)',
      target: `≤ ${ceiling}`,
      pass: ratio <= ceiling,
      detail: `protocol 1 (cursor left at 0): ${oldAtSmall.ms.toFixed(1)} ms at ${small.toLocaleString('en')}, ${oldAtLarge.ms.toFixed(1)} ms at ${large.toLocaleString('en')}`,
    };
  } finally {
    await db.dispose();
  }
}

export async function benchIdlePull(): Promise<BenchResult[]> {
  const dialects: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
  const results: BenchResult[] = [];
  for (const dialect of dialects) results.push(await benchDialect(dialect));
  return results;
}
