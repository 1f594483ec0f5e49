import { expect, it } from 'vitest';
import { openServerDb } from '../db/open';
import { eachDialect } from '../db/test-db';
import { reviewedCase, seedHall, syncHarness, type TestDevice } from './test-support';

eachDialect('sync: concurrent server processes', (t) => {
  it('never lets a pull cursor pass an event still being committed by another process', async () => {
    await seedHall(t().db);
    // On PostgreSQL the pushes go through two pools — two server processes on one database.
    const other = t().dialect === 'postgres' ? await openServerDb(t().options) : null;
    try {
      const a = syncHarness(t());
      const b = other ? syncHarness({ ...t(), db: other.db }) : a;
      const one = await a.enroll('w-sj-1');
      const two = await b.enroll('w-sj-2');
      const reader = await a.enroll('w-sj-2');
      const batches = (d: TestDevice) =>
        Array.from({ length: 6 }, () => d.sign(reviewedCase({ windowId: d.windowId }).events));
      const pushAll = async (d: TestDevice, list: ReturnType<typeof batches>) => {
        for (const batch of list) await d.pushOk(batch);
      };
      const expected = [...batches(one), ...batches(two)];
      const ours = expected.slice(0, 6);
      const theirs = expected.slice(6);

      const pulled: string[] = [];
      let cursor = 0;
      let done = false;
      const pulling = (async () => {
        // pull continuously while both processes commit; then once more after they finished
        for (let last = false; !last;) {
          last = done;
          const page = await reader.pull(cursor);
          pulled.push(...page.events.map((e) => e.event.id));
          cursor = page.cursor;
        }
      })();
      await Promise.all([pushAll(one, ours), pushAll(two, theirs)]);
      done = true;
      await pulling;
      expect(pulled.sort()).toEqual(
        expected
          .flat()
          .map((e) => e.id)
          .sort(),
      );
    } finally {
      await other?.close();
    }
  });
});
