import { expect, it } from 'vitest';
import { syncPaths } from '../../shared/center-api';
import { eachDialect } from '../db/test-db';
import { caseScript, count, seedHall, syncHarness } from '../sync/test-support';
import { testApp } from '../test-app';
import { unknownDeviceDepartment } from './device-alerts';

type Alert = {
  rule: string;
  level: string;
  departmentCode: string;
  departmentName: string | null;
  windowName: string | null;
  evidence: string[];
  raisedAt: string;
};

eachDialect('center: alerts for revoked and unknown devices', (t) => {
  let clock = new Date('2025-03-10T10:00:00+08:00');
  const setup = async () => {
    clock = new Date('2025-03-10T10:00:00+08:00');
    await seedHall(t().db);
    const h = syncHarness(t(), () => clock);
    const staff = testApp(t(), () => clock);
    const alerts = async (rule: string) => {
      const token = await staff.tokenFor('supervisor');
      const all = (await staff.call('GET', '/api/alerts', { token })).json<Alert[]>();
      return all.filter((a) => a.rule === rule);
    };
    return { h, staff, alerts };
  };

  it('refuses a revoked terminal’s push as before and raises one alert per device and day', async () => {
    const { h, alerts } = await setup();
    const one = await h.enroll('w-sj-1');
    await t()
      .db.updateTable('devices')
      .set({ revoked_at: '2025-03-09T18:00:00.000+08:00' })
      .where('id', '=', one.id)
      .execute();
    const script = caseScript({ start: '2025-03-10T09:00:00+08:00' });
    const events = one.sign([script.received(), script.checked()]);
    const refused = await one.push(events);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'device_revoked' } });
    expect(await count(t().db, 'events')).toBe(0);
    // the terminal retries, and checks its status, all day long
    await one.push(events);
    await h.call('GET', syncPaths.device, { token: one.token });
    const found = await alerts('device.revoked');
    expect(found).toEqual([
      expect.objectContaining({
        level: 'violation',
        departmentCode: 'SJ',
        departmentName: '市场监督管理局',
        windowName: '市场监管一号窗',
        evidence: [one.id, ...events.map((e) => e.id)],
      }),
    ]);
    // the next day it is reported again
    clock = new Date('2025-03-11T09:00:00+08:00');
    await h.call('GET', syncPaths.device, { token: one.token });
    const twoDays = await alerts('device.revoked');
    expect(twoDays).toHaveLength(2);
    expect(twoDays.find((a) => a.raisedAt.startsWith('2025-03-11'))?.evidence).toEqual([one.id]);
  });

  it('raises an alert for a push signed as a device the center never enrolled, under a placeholder department', async () => {
    const { h, staff, alerts } = await setup();
    const ghost = await h.enroll('w-sj-1');
    const script = caseScript({ start: '2025-03-10T09:00:00+08:00' });
    const events = ghost.sign([script.received()]).map((e) => ({ ...e, deviceId: 'd-ghost' }));
    const push = () =>
      h.call('POST', syncPaths.push, { token: 'not-a-token-of-this-center', body: { events } });
    expect((await push()).statusCode).toBe(401);
    expect((await push()).statusCode).toBe(401);
    expect(await alerts('device.unknown')).toEqual([
      expect.objectContaining({
        level: 'violation',
        departmentCode: unknownDeviceDepartment,
        departmentName: null,
        windowName: null,
        evidence: ['d-ghost', events[0]!.id],
      }),
    ]);
    // no token claims no device; a staff session sent to a device route is no stray terminal
    expect((await h.call('POST', syncPaths.push, { body: { events } })).statusCode).toBe(401);
    const clerk = await staff.tokenFor('clerk', 'w-sj-1');
    expect((await h.call('POST', syncPaths.pull, { token: clerk, body: {} })).statusCode).toBe(401);
    expect(await alerts('device.unknown')).toHaveLength(1);
    expect(await count(t().db, 'events')).toBe(0);
  });
});
