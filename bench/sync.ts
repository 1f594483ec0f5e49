import type { FastifyInstance } from 'fastify';
import { dispatch } from '../electron/api/dispatch';
import { handlers } from '../electron/api/handlers';
import { getCase, receiveCase, recordEvent } from '../electron/services/cases';
import { enroll } from '../electron/services/enrollment';
import type { SessionRecord } from '../electron/services/sessions';
import type { Terminal } from '../electron/services/context';
import { toStoredEvent, type EventRow } from '../electron/store/events';
import { splitBatches } from '../electron/sync/batches';
import { toWire } from '../electron/sync/push';
import { buildApp } from '../server/app';
import { createTestDatabase, type TestDatabase } from '../server/db/test-db';
import type { Dialect } from '../server/http/spec';
import { newBearerToken, sha256Hex } from '../server/http/tokens';
import { seedCenter } from '../server/seed';
import {
  genesisHash,
  protocolHeader,
  protocolVersion,
  pushResponseSchema,
  type WireEvent,
} from '../shared/sync';
import { syncPaths } from '../shared/center-api';
import { personApplicant } from '../tests/support/applicants';
import { centerAdmin, type CenterAdmin } from '../tests/support/center-admin';
import { tempTerminal } from '../tests/support/terminal';
import type { BenchResult } from './types';

// The sync path end to end: an in-process center (Fastify on a fresh database, real HTTP on
// loopback) and real terminals (services and store in this process), so that the numbers are
// the center's and the terminal's code, not process start-up. Every bench ends by counting what
// the center (or the terminal) holds: a fast run that lost events fails.

const goal = 2000; // events/s, each of (e)–(h)
const clerkPassword = 'bench-pass-1';
const department = { code: 'SJ', itemCode: 'SJ-001' };

type Center = {
  db: TestDatabase;
  url: string;
  app: FastifyInstance;
  /** closes the HTTP listener only: the database stays, as when the center's network drops */
  goOffline: () => Promise<void>;
  /** listens again on the same port, with a new app over the same database */
  goOnline: () => Promise<void>;
  stop: () => Promise<void>;
};

async function inProcessCenter(dialect: Dialect): Promise<Center> {
  const db = await createTestDatabase(dialect);
  let port = 0;
  const listen = async () => {
    const app = buildApp({ db: db.db, dialect: db.dialect });
    await app.listen({ port, host: '127.0.0.1' });
    const address = app.server.address();
    if (typeof address !== 'object' || !address) throw new Error('center has no address');
    port = address.port;
    return app;
  };
  const center: Center = {
    db,
    app: await listen(),
    url: `http://127.0.0.1:${port}`,
    goOffline: () => center.app.close(),
    goOnline: async () => {
      center.app = await listen();
    },
    stop: async () => {
      await center.app.close();
      await db.dispose();
    },
  };
  return center;
}

function perSecond(events: number, ms: number): number {
  return events / (ms / 1000);
}

function result(name: string, eventsPerSec: number, detail: string): BenchResult {
  return {
    name,
    ours: eventsPerSec,
    peer: goal,
    ratio: eventsPerSec / goal,
    unit: 'events/s (peer = goal)',
    target: `≥ ${goal.toLocaleString('en')} events/s`,
    pass: eventsPerSec >= goal,
    detail,
  };
}

/**
 * Milliseconds spent awaiting fetch, by path, while `work` runs. The center runs in this process,
 * so a request's time is HTTP plus the center's handler; the rest of a round is the terminal's
 * own work (building batches, recording answers, applying pages, folding cases).
 */
async function timeRequests<T>(
  work: () => Promise<T>,
): Promise<{ value: T; byPath: Map<string, { ms: number; calls: number }>; cpuMs: number }> {
  const byPath = new Map<string, { ms: number; calls: number }>();
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const path = new URL(url).pathname;
    const start = performance.now();
    try {
      return await original(input, init);
    } finally {
      const entry = byPath.get(path) ?? { ms: 0, calls: 0 };
      entry.ms += performance.now() - start;
      entry.calls += 1;
      byPath.set(path, entry);
    }
  };
  const cpuStart = process.cpuUsage();
  try {
    const value = await work();
    const cpu = process.cpuUsage(cpuStart);
    return { value, byPath, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    globalThis.fetch = original;
  }
}

function phases(
  totalMs: number,
  byPath: Map<string, { ms: number; calls: number }>,
  cpuMs: number,
): string {
  let http = 0;
  // CPU of this process (terminal and center both): on a loaded machine wall ≫ CPU
  const parts: string[] = [`process CPU ${(cpuMs / 1000).toFixed(2)} s`];
  for (const [path, { ms, calls }] of byPath) {
    http += ms;
    parts.push(`${path.replace('/api/sync/', '')} ${(ms / 1000).toFixed(2)} s/${calls}`);
  }
  parts.push(`terminal ${((totalMs - http) / 1000).toFixed(2)} s`);
  return parts.join(', ');
}

async function signIn(t: Terminal, username: string): Promise<SessionRecord> {
  const r = await dispatch(
    handlers,
    'auth.login',
    { username, password: clerkPassword },
    { terminal: t, session: null, token: null },
  );
  if (!r.ok) throw new Error(r.error.message);
  return t.sessions.resolve((r.value as { token: string }).token)!;
}

/**
 * Receive → materials checked → accepted, `cases` times: three events a case. Commands are
 * grouped in transactions of a few hundred cases (the same code path per case, far fewer
 * fsyncs): the fill is set-up, not what is measured.
 */
function writeCases(t: Terminal, session: SessionRecord, cases: number): void {
  let materials: { materialId: string; status: 'received' }[] | null = null;
  const batch = t.db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const { caseId } = receiveCase(t, session, {
        itemCode: department.itemCode,
        applicant: personApplicant(n),
        channel: 'window',
      });
      if (!materials) {
        // every case is of the one item: its list of materials is read once
        const { state } = getCase(t, session, { caseId });
        if (state.status === 'none') throw new Error(`case ${caseId} not received`);
        materials = state.materials.map((m) => ({ materialId: m.materialId, status: 'received' }));
      }
      recordEvent(t, session, { caseId, type: 'materialsChecked', payload: { materials } });
      recordEvent(t, session, { caseId, type: 'accepted', payload: {} });
    }
  });
  for (let from = 0; from < cases; from += 500) batch(from, Math.min(cases, from + 500));
}

function eventCount(t: Terminal, where = '1 = 1', ...params: unknown[]): number {
  return (
    t.db.prepare(`SELECT count(*) AS n FROM events WHERE ${where}`).get(...params) as { n: number }
  ).n;
}

async function centerCount(center: Center, deviceId: string) {
  const rows = await center.db.db
    .selectFrom('events')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('device_id', '=', deviceId)
    .groupBy('status')
    .execute();
  const by = new Map(rows.map((r) => [r.status, Number(r.n)]));
  return { accepted: by.get('accepted') ?? 0, all: [...by.values()].reduce((a, b) => a + b, 0) };
}

/** Sync rounds until nothing waits; a round that ends in error fails the bench. */
async function syncUntilSent(t: Terminal, rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const status = await t.sync.syncNow();
    if (status.lastError !== null) throw new Error(`sync failed: ${status.lastError}`);
    if (status.pending === 0) return;
  }
  throw new Error(`still pending after ${rounds} rounds: ${JSON.stringify(t.sync.status())}`);
}

/**
 * (g)/(h): the wire events of (e)'s terminal, in batches of 500 as the terminal cuts them,
 * posted one after another to a fresh center that knows the device (same id, window, key, a
 * token of its own). Time is from the first request to the last answer.
 */
async function benchIngest(
  dialect: Dialect,
  source: Center,
  deviceId: string,
  events: readonly WireEvent[],
): Promise<BenchResult> {
  const center = await inProcessCenter(dialect);
  try {
    await seedCenter(center.db.db);
    const token = newBearerToken();
    const windows = await source.db.db.selectFrom('windows').selectAll().execute();
    const device = await source.db.db
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', deviceId)
      .executeTakeFirstOrThrow();
    await center.db.db.insertInto('windows').values(windows).execute();
    await center.db.db
      .insertInto('devices')
      .values({ ...device, token_hash: sha256Hex(token), last_seq: 0, last_hash: genesisHash })
      .execute();

    const batches = splitBatches(events);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    let answered = 0;
    for (const batch of batches) {
      const res = await fetch(`${center.url}${syncPaths.push}`, {
        method: 'POST',
        headers: {
          [protocolHeader]: String(protocolVersion),
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ events: batch }),
      });
      if (!res.ok) throw new Error(`push ${res.status}: ${await res.text()}`);
      answered += pushResponseSchema.parse(await res.json()).results.length;
    }
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);

    const held = await centerCount(center, deviceId);
    if (answered !== events.length || held.accepted !== events.length) {
      throw new Error(
        `(${dialect}) sent ${events.length}, answered ${answered}, center holds ${held.all} (${held.accepted} accepted)`,
      );
    }
    return result(
      `(${dialect === 'sqlite' ? 'g' : 'h'}) center ingest, ${events.length.toLocaleString('en')} events in ${batches.length} pushes (${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
      perSecond(events.length, ms),
      `${(ms / 1000).toFixed(2)} s wall, process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
    );
  } finally {
    await center.stop();
  }
}

/**
 * While iterating on one side: BENCH_SYNC_EVENTS=3000 signs fewer events, BENCH_SYNC_ONLY=ingest
 * skips (e)/(f) and measures only the center's ingest (g)/(h) of the chain written offline.
 */
const onlyIngest = process.env.BENCH_SYNC_ONLY === 'ingest';
const defaultEvents = Number(process.env.BENCH_SYNC_EVENTS ?? 10_000);

/**
 * (e) offline terminal → embedded center, (f) a new terminal of the department pulling it all,
 * (g)/(h) the center's ingest of the same signed events on SQLite and PostgreSQL.
 */
export async function benchSync(events = defaultEvents): Promise<BenchResult[]> {
  const cases = Math.ceil(events / 3);
  const center = await inProcessCenter('sqlite');
  const cleanups: (() => void)[] = [];
  try {
    const seeded = await seedCenter(center.db.db);
    if (!seeded) throw new Error('fresh center already seeded');
    const admin: CenterAdmin = await centerAdmin(center.url, {
      username: seeded.username,
      password: seeded.password,
    });
    const windowIds: string[] = [];
    for (const code of ['SJ01', 'SJ02']) {
      const id = await admin.createWindow({
        code,
        name: `市场监管${code}`,
        departmentCode: department.code,
      });
      await admin.createStaff({
        username: `clerk-${code.toLowerCase()}`,
        name: `${code}窗口`,
        role: 'clerk',
        windowId: id,
        password: clerkPassword,
      });
      windowIds.push(id);
    }

    // (e) enrolled and holding the center's reference data, then cut off while it works
    const first = tempTerminal(undefined, { sync: false });
    cleanups.push(first.cleanup);
    const t = first.terminal;
    await enroll(t, { serverUrl: center.url, code: await admin.enrollmentCode(windowIds[0]!) });
    await syncUntilSent(t);
    await center.goOffline();
    writeCases(t, await signIn(t, 'clerk-sj01'), cases);
    const offline = await t.sync.syncNow();
    const pending = offline.pending;
    if (offline.online || pending !== cases * 3) {
      throw new Error(`expected ${cases * 3} pending offline, got ${JSON.stringify(offline)}`);
    }
    await center.goOnline();
    const results: BenchResult[] = [];
    if (!onlyIngest) results.push(...(await benchTerminals(center, admin, t, windowIds, pending)));

    // (g)/(h) the same signed chain, as the terminal sends it
    const wire = (
      t.db
        .prepare('SELECT * FROM events WHERE device_id = ? ORDER BY device_seq')
        .all(t.device.id) as EventRow[]
    ).map((row) => toWire(toStoredEvent(row)));
    for (const dialect of ['sqlite', 'postgres'] as const) {
      results.push(await benchIngest(dialect, center, t.device.id, wire));
    }
    return results;
  } finally {
    for (const c of cleanups.reverse()) c();
    await center.stop();
  }
}

/** (e) the offline terminal `t` syncs its `pending` events, (f) a new terminal pulls them all. */
async function benchTerminals(
  center: Center,
  admin: CenterAdmin,
  t: Terminal,
  windowIds: readonly string[],
  pending: number,
): Promise<BenchResult[]> {
  const cleanups: (() => void)[] = [];
  try {
    const e = await timeRequests(async () => {
      const start = performance.now();
      await syncUntilSent(t);
      return performance.now() - start;
    });
    const held = await centerCount(center, t.device.id);
    if (held.accepted !== pending || held.all !== pending) {
      throw new Error(`(e) sent ${pending}, center holds ${held.all} (${held.accepted} accepted)`);
    }
    const results = [
      result(
        `(e) offline terminal → SQLite center, ${pending.toLocaleString('en')} pending events (syncNow until 0)`,
        perSecond(pending, e.value),
        `${(e.value / 1000).toFixed(2)} s wall: ${phases(e.value, e.byPath, e.cpuMs)}`,
      ),
    ];

    // (f) a new PC at the department's other window: enroll, then rounds until it holds all
    const second = tempTerminal(undefined, { sync: false });
    cleanups.push(second.cleanup);
    const t2 = second.terminal;
    const code = await admin.enrollmentCode(windowIds[1]!);
    const f = await timeRequests(async () => {
      const start = performance.now();
      await enroll(t2, { serverUrl: center.url, code });
      await syncUntilSent(t2);
      return performance.now() - start;
    });
    const pulled = eventCount(t2, 'device_id = ?', t.device.id);
    if (pulled !== pending || eventCount(t2) !== pending) {
      throw new Error(`(f) center holds ${pending}, new terminal pulled ${pulled}`);
    }
    results.push(
      result(
        `(f) new terminal of the department enrolls and pulls ${pending.toLocaleString('en')} events`,
        perSecond(pending, f.value),
        `${(f.value / 1000).toFixed(2)} s wall: ${phases(f.value, f.byPath, f.cpuMs)}`,
      ),
    );

    return results;
  } finally {
    for (const c of cleanups.reverse()) c();
  }
}
