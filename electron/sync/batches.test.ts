import { describe, expect, it } from 'vitest';
import { splitBatches } from './batches';

const event = (n: number, size = 10) => ({ n, text: 'x'.repeat(size) });
const bytes = (batch: unknown[]) => Buffer.byteLength(JSON.stringify({ events: batch }));

describe('push batches', () => {
  it('split by count, keeping the chain order', () => {
    const events = Array.from({ length: 1203 }, (_, n) => event(n));
    const batches = splitBatches(events, { events: 500, bytes: 1024 * 1024 });
    expect(batches.map((b) => b.length)).toEqual([500, 500, 203]);
    expect(batches.flat()).toEqual(events);
  });

  it('split by bytes of the request JSON, never over the limit', () => {
    const events = Array.from({ length: 40 }, (_, n) => event(n, 100 + n * 7));
    const limit = 1500;
    const batches = splitBatches(events, { events: 500, bytes: limit });
    expect(batches.length).toBeGreaterThan(3);
    expect(batches.flat()).toEqual(events);
    for (const b of batches) expect(bytes(b)).toBeLessThanOrEqual(limit);
    // and no batch could have taken the next event
    for (let i = 0; i < batches.length - 1; i++) {
      expect(bytes([...batches[i]!, batches[i + 1]![0]])).toBeGreaterThan(limit);
    }
  });

  it('send an event larger than the limit alone, so the center can name it', () => {
    const batches = splitBatches([event(1), event(2, 5000), event(3)], {
      events: 500,
      bytes: 1000,
    });
    expect(batches.map((b) => b.map((e) => e.n))).toEqual([[1], [2], [3]]);
  });

  it('are none for no events', () => {
    expect(splitBatches([])).toEqual([]);
  });
});
