import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, retryAfterDelay, RoundScheduler } from './schedule';

describe('backoff', () => {
  it('is bounded by the exponential ceiling and the cap', () => {
    for (let failures = 1; failures <= 20; failures++) {
      const ceiling = Math.min(60_000, 1000 * 2 ** (failures - 1));
      expect(backoffDelay(failures, () => 0)).toBe(0);
      expect(backoffDelay(failures, () => 0.999999)).toBeLessThan(ceiling);
      expect(backoffDelay(failures, () => 0.999999)).toBeGreaterThanOrEqual(ceiling - 1);
    }
    expect(backoffDelay(30, () => 0.999999)).toBeLessThan(60_000);
  });

  it('is jittered across the whole range (full jitter)', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(5));
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(16_000);
    }
    expect(new Set(delays).size).toBeGreaterThan(150);
    expect(Math.min(...delays)).toBeLessThan(4000);
    expect(Math.max(...delays)).toBeGreaterThan(12_000);
  });
});

describe('the round scheduler', () => {
  it('never runs two rounds at once and folds requests made during a round into one', async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    const releases: (() => void)[] = [];
    const scheduler = new RoundScheduler(
      async () => {
        running += 1;
        rounds += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return { retry: false };
      },
      { intervalMs: 60_000 },
    );
    const first = scheduler.now();
    const followUps = [scheduler.now(), scheduler.now(), scheduler.now()];
    expect(scheduler.running).toBe(true);
    expect(rounds).toBe(1);
    releases.shift()!();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(rounds).toBe(2);
    releases.shift()!();
    await Promise.all(followUps);
    expect(rounds).toBe(2);
    expect(most).toBe(1);
    expect(scheduler.running).toBe(false);
    scheduler.close();
  });

  it('runs rounds by itself once started, and stops on close', async () => {
    let rounds = 0;
    const scheduler = new RoundScheduler(
      () => {
        rounds += 1;
        return Promise.resolve({ retry: false });
      },
      { intervalMs: 5 },
    );
    scheduler.start();
    await new Promise((r) => setTimeout(r, 60));
    scheduler.close();
    const seen = rounds;
    expect(seen).toBeGreaterThan(2);
    await new Promise((r) => setTimeout(r, 30));
    expect(rounds).toBe(seen);
  });

  it('waits as long as a busy center asked, and spreads the PCs over as long again (issue 19)', async () => {
    vi.useFakeTimers();
    const answers = [{ retry: true, retryAfterMs: 2000 }, { retry: false }];
    let rounds = 0;
    const scheduler = new RoundScheduler(
      () => Promise.resolve(answers[Math.min(rounds++, 1)]!),
      // the shortest wait the jitter can give: the backoff alone would retry at once
      { intervalMs: 60_000, random: () => 0 },
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(1999);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(2);
    scheduler.close();
    expect(retryAfterDelay(2000, () => 0.999999)).toBe(3999);
  });
});

afterEach(() => {
  vi.useRealTimers();
});
