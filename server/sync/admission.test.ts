import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-db';
import { Admission, BusyError } from './admission';
import { CenterFailure, request, retryAfterMs } from '../../node-shared/http/client';
import { centerContract } from '../../shared/center-api';
import { count, reviewedCase, seedHall, syncHarness } from './test-support';

/** A piece of work that runs until `finish` is called. */
function held() {
  let finish = () => undefined as void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish: () => finish() };
}

describe('push admission (issue 19)', () => {
  it('runs a few at once, lines up a few, turns the rest away, first come first served', async () => {
    const gate = new Admission({ running: 2, waiting: 1, retryAfterSeconds: 3 });
    const started: string[] = [];
    const one = held();
    const two = held();
    const three = held();
    const runs = [
      gate.run(() => (started.push('one'), one.work())),
      gate.run(() => (started.push('two'), two.work())),
      gate.run(() => (started.push('three'), three.work())),
    ];
    await Promise.resolve();
    expect(started).toEqual(['one', 'two']);
    // the line is full: told when to come back, and nothing of it ran
    const refused = await gate.run(() => Promise.resolve('four')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BusyError);
    expect(refused).toMatchObject({ status: 503, code: 'unavailable', retryAfterSeconds: 3 });
    one.finish();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual(['one', 'two', 'three']);
    two.finish();
    three.finish();
    await Promise.all(runs);
    // all places free again: two start at once, and a third only when one of them ends
    const a = held();
    const b = held();
    const again = [
      gate.run(() => (started.push('a'), a.work())),
      gate.run(() => (started.push('b'), b.work())),
      gate.run(() => (started.push('c'), Promise.resolve())),
    ];
    await Promise.resolve();
    expect(started.slice(3)).toEqual(['a', 'b']);
    a.finish();
    await Promise.all(again.slice(0, 1));
    await Promise.resolve();
    expect(started.slice(3)).toEqual(['a', 'b', 'c']);
    b.finish();
    await Promise.all(again);
  });

  it('answers a push it cannot take with 503 and Retry-After, which the terminal reads', async () => {
    const db = await createTestDatabase('sqlite');
    await seedHall(db.db);
    // no place at all: every push is turned away before it touches the database
    const h = syncHarness(db, undefined, {
      pushAdmission: { running: 0, waiting: 0, retryAfterSeconds: 7 },
    });
    try {
      const device = await h.enroll('w-sj-1');
      const res = await device.push(device.sign(reviewedCase().events));
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.json()).toMatchObject({ error: { code: 'unavailable' } });
      expect(await count(db.db, 'events')).toBe(0);
      // and over real HTTP, the client the terminal uses reads it for its scheduler
      await h.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = h.app.server.address() as { port: number };
      const failure = await request(
        centerContract['sync.push'],
        { body: { events: device.sign(reviewedCase().events) } },
        { baseUrl: `http://127.0.0.1:${port}`, token: device.token, timeoutMs: 10_000 },
      ).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(CenterFailure);
      expect(failure).toMatchObject({ kind: 'unavailable', status: 503, retryAfterMs: 7000 });
    } finally {
      await h.app.close();
      await db.dispose();
    }
  });

  it('reads Retry-After in seconds or as a date, and caps it', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Sun, 06 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('86400', now)).toBe(600_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
