import { request, Agent } from 'node:http';
import { describe, expect, it } from 'vitest';
import { lockout } from '../../server/auth/lockout';
import { createTestDatabase, type TestDatabase } from '../../server/db/test-db';
import type { Dialect } from '../../server/http/spec';
import { adminAccount, startCenter } from '../support/center';
import { cleanupAfterEach } from '../support/cleanups';

// Issue 13: 60 concurrent guesses at the manager's password were all checked and the right one
// got a session. Here 200 go at once to a real center process on loopback — on its SQLite, on
// PostgreSQL, and split between two processes sharing one PostgreSQL — and only the lockout's
// five are ever checked; the right password then finds the attacker's address locked, while
// the manager at her own address (another loopback address) still signs in.

const defer = cleanupAfterEach();

const attacker = '127.0.0.1';
const managerPc = '127.0.0.2';

type Answer = { status: number; body: { error?: { rule?: string; message?: string } } };

/** POST JSON from a chosen local address (the center sees it as request.ip). */
function post(agent: Agent, url: string, body: unknown, from: string): Promise<Answer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/auth/login`,
      {
        method: 'POST',
        agent,
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] }),
        );
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

async function centers(
  dialect: Dialect,
  processes: number,
): Promise<{ db: TestDatabase; urls: string[] }> {
  const db = await createTestDatabase(dialect);
  // dropped after the center processes have stopped (cleanups run in reverse)
  defer(() => db.dispose());
  const urls: string[] = [];
  for (let i = 0; i < processes; i += 1) {
    const center = await startCenter({
      dataDir: i === 0 ? db.options.dataDir : `${db.options.dataDir}/process-${i}`,
      ...(db.options.databaseUrl ? { databaseUrl: db.options.databaseUrl } : {}),
    });
    defer(() => center.stop());
    urls.push(center.url);
  }
  return { db, urls };
}

async function sessionCount(db: TestDatabase): Promise<number> {
  const row = await db.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function parallelGuesses(dialect: Dialect, processes: number): Promise<void> {
  const { db, urls } = await centers(dialect, processes);
  const manager = adminAccount(db.options.dataDir);
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  defer(() => agent.destroy());
  const at = (i: number) => urls[i % urls.length]!;

  const answers = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      post(agent, at(i), { username: manager.username, password: `guess-${i}` }, attacker),
    ),
  );
  const byStatus = new Map<number, number>();
  for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  // five checked and wrong, the other 195 refused before any check
  expect(Object.fromEntries(byStatus)).toEqual({
    401: lockout.failures,
    429: 200 - lockout.failures,
  });
  expect(
    answers.filter((a) => a.status === 429).every((a) => a.body.error?.rule === 'signIn.locked'),
  ).toBe(true);
  expect(await sessionCount(db)).toBe(0);

  // the right password from the attacker's address: locked, on every process, no session
  for (const url of urls) {
    const right = await post(agent, url, manager, attacker);
    expect(right.status).toBe(429);
    expect(right.body.error).toMatchObject({ rule: 'signIn.locked' });
    expect(right.body.error?.message).toMatch(/（\d{4}-\d{2}-\d{2} \d{2}:\d{2} 后可再试）$/);
  }
  expect(await sessionCount(db)).toBe(0);

  // the manager at her own address is not locked out by the attacker
  expect((await post(agent, at(1), manager, managerPc)).status).toBe(200);
  expect(await sessionCount(db)).toBe(1);
}

describe('200 concurrent wrong guesses at a real center on loopback', () => {
  it(
    'embedded SQLite: five are checked, none gets a session, the right password is locked out',
    () => parallelGuesses('sqlite', 1),
    120_000,
  );

  it('PostgreSQL: the same', () => parallelGuesses('postgres', 1), 120_000);

  it(
    'two center processes on one PostgreSQL: the same, the budget shared',
    () => parallelGuesses('postgres', 2),
    120_000,
  );
});
