import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { queueContract, syncPaths, type Ticket, type WindowQueue } from '../../shared/center-api';
import { protocolHeader, protocolVersion } from '../../shared/sync';
import { newKeyPair } from '../../node-shared/events/crypto';
import { createTestDatabase } from '../../server/db/test-db';
import { adminAccount, startCenter } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { cleanupAfterEach } from '../support/cleanups';

// Issue 17, part 1 (Done-when): 20 windows call at once against two center processes sharing
// one PostgreSQL, until 5,000 tickets are served — no ticket called twice, none lost. The loop
// stops by itself: each window calls until its line is empty.

const defer = cleanupAfterEach();

const tickets = 5000;
const windowsPerDepartment = 10;

type Answer<T> = { status: number; body: T };

async function send<T>(
  url: string,
  method: 'GET' | 'POST',
  body?: unknown,
  token?: string,
): Promise<Answer<T>> {
  const res = await fetch(url, {
    method,
    headers: {
      [protocolHeader]: String(protocolVersion),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/**
 * A kiosk's POST from a loopback address of its own: the center holds each address to
 * maxTicketsPerMinute, as a script flooding a line would be held; a hall has many kiosks.
 */
function takeFrom<T>(address: string, url: string, body: unknown): Promise<Answer<T>> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: address,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as T }));
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

/** 500 kiosks' addresses, 127.1.0.1 … 127.1.1.250: ten tickets each over the whole run. */
const kioskAddress = (n: number) => `127.1.${Math.floor((n % 500) / 250)}.${(n % 250) + 1}`;

describe('the hall queue under load (two center processes, one PostgreSQL)', () => {
  it('serves 5,000 tickets at 20 windows: each called once, none lost', async () => {
    const db = await createTestDatabase('postgres');
    defer(() => db.dispose());
    const urls: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const center = await startCenter({
        dataDir: i === 0 ? db.options.dataDir : `${db.options.dataDir}/process-${i}`,
        databaseUrl: db.options.databaseUrl!,
      });
      defer(() => center.stop());
      urls.push(center.url);
    }
    const admin = await centerAdmin(urls[0]!, adminAccount(db.options.dataDir));
    const departments = (await admin.call<{ code: string }[]>('GET', '/api/departments'))
      .map((d) => d.code)
      .slice(0, 2);
    expect(departments).toHaveLength(2);

    // 20 windows, each with a clerk and an enrolled PC
    const windows: { code: string; token: string; staffId: string; url: string }[] = [];
    for (const [d, department] of departments.entries()) {
      for (let n = 1; n <= windowsPerDepartment; n += 1) {
        const code = `${department}${String(n).padStart(2, '0')}`;
        const windowId = await admin.createWindow({
          code,
          name: `${code}窗`,
          departmentCode: department,
        });
        const staffId = await admin.createStaff({
          username: `clerk-${code.toLowerCase()}`,
          name: `窗口${code}`,
          role: 'clerk',
          windowId,
          password: 'window-pass-1',
        });
        const enrolled = await send<{ deviceToken: string }>(
          `${urls[0]}${syncPaths.enroll}`,
          'POST',
          {
            code: await admin.enrollmentCode(windowId),
            publicKey: newKeyPair().publicKey,
            label: `PC-${code}`,
          },
        );
        expect(enrolled.status).toBe(201);
        // half the windows speak to each process
        windows.push({ code, token: enrolled.body.deviceToken, staffId, url: urls[(n + d) % 2]! });
      }
    }

    // the kiosks hand out tickets through both processes while the windows call; a line at its
    // cap (maxWaitingPerLine) refuses with 409 and the kiosk tries that ticket again
    const taken = new Set<string>();
    let kiosksDone = false;
    const kiosks = (async () => {
      let next = 0;
      while (taken.size < tickets) {
        const batch = Math.min(20, tickets - taken.size);
        const answers = await Promise.all(
          Array.from({ length: batch }, (_, i) =>
            takeFrom<Ticket>(
              kioskAddress(next + i),
              `${urls[i % 2]}${queueContract['queue.take'].path}`,
              { departmentCode: departments[(next + i) % 2] },
            ),
          ),
        );
        next += batch;
        for (const a of answers) {
          if (a.status === 409) continue;
          expect(a.status).toBe(201);
          expect(taken.has(a.body.number)).toBe(false);
          taken.add(a.body.number);
        }
      }
      kiosksDone = true;
    })();

    // every window calls, serves and calls again until the kiosks are done and its line is empty
    const calledAt = new Map<string, string>();
    const twice: string[] = [];
    const act = (w: (typeof windows)[number], action: string) =>
      send<WindowQueue>(
        `${w.url}${queueContract['queue.act'].path}`,
        'POST',
        { staffId: w.staffId, act: { action } },
        w.token,
      );
    await Promise.all([
      kiosks,
      ...windows.map(async (w) => {
        for (;;) {
          const last = kiosksDone;
          const called = await act(w, 'callNext');
          expect(called.status, JSON.stringify(called.body)).toBe(200);
          const current = called.body.current;
          if (!current) {
            if (last) return;
            continue;
          }
          if (calledAt.has(current.number)) twice.push(current.number);
          calledAt.set(current.number, w.code);
          // the window's own department only
          expect(w.code.startsWith(current.departmentCode)).toBe(true);
          const finished = await act(w, 'finish');
          expect(finished.status).toBe(200);
        }
      }),
    ]);
    expect(twice).toEqual([]);
    expect(calledAt.size).toBe(tickets);
    expect([...calledAt.keys()].sort()).toEqual([...taken].sort());

    const statuses = await db.db
      .selectFrom('queue_tickets')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['done', tickets]]);
    const calls = await db.db
      .selectFrom('queue_calls')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(calls.n)).toBe(tickets);
    // each window served a share: no window was starved by the others' locks
    const perWindow = new Map<string, number>();
    for (const code of calledAt.values()) perWindow.set(code, (perWindow.get(code) ?? 0) + 1);
    expect(perWindow.size).toBe(windows.length);
  }, 1_200_000);
});
