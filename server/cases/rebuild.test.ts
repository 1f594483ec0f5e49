import { expect, it } from 'vitest';
import { projectionVersion } from '../../shared/case';
import { eachDialect } from '../db/test-db';
import { caseScript, seedHall, syncHarness, testNow } from '../sync/test-support';
import { refreshProjectionVersion } from './rebuild';

eachDialect('center: the case projection follows the program’s version', (t) => {
  it('folds every case again when the recorded version is another, once', async () => {
    await seedHall(t().db);
    const device = await syncHarness(t()).enroll('w-sj-1');
    const script = caseScript({ start: '2025-03-05T09:00:00+08:00' });
    await device.pushOk(device.sign([script.received(), script.checked(), script.accepted()]));
    const pushed = await t().db.selectFrom('cases').selectAll().execute();
    expect(pushed).toHaveLength(1);
    expect(await refreshProjectionVersion(t().db, t().dialect, testNow)).toBeNull();

    // rows an older program wrote: its summary said closed, and it was version 1
    await t().db.updateTable('cases').set({ open: 0, due_at: null }).execute();
    await t()
      .db.updateTable('projection_version')
      .set({ version: projectionVersion - 1 })
      .execute();
    expect(await refreshProjectionVersion(t().db, t().dialect, testNow)).toBe(1);
    expect(await t().db.selectFrom('cases').selectAll().execute()).toEqual(pushed);
    expect(await t().db.selectFrom('projection_version').selectAll().execute()).toEqual([
      { version: projectionVersion },
    ]);
    expect(await refreshProjectionVersion(t().db, t().dialect, testNow)).toBeNull();
  });
});
