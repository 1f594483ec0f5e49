import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { syncPaths } from '../../shared/center-api';
import { protocolHeader, protocolVersion } from '../../shared/sync';
import { eachDialect } from '../db/test-db';
import { caseScript, count, seedHall, syncHarness } from '../sync/test-support';
import { testApp } from '../test-app';
import { unknownDeviceDepartment, unknownDeviceLimits } from './device-alerts';

type Alert = {
  rule: string;
  message: string;
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

  it('raises one alert per source and day for pushes signed as a device the center never enrolled, under a placeholder department', async () => {
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
        // the source and day are the alert; what the push claims is evidence only
        message: '未在中心注册的终端从 127.0.0.1 访问中心，今日已拒绝 2 次',
        evidence: ['address:127.0.0.1', 'device:d-ghost', `event:${events[0]!.id}`],
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

eachDialect('center: refused unknown tokens cannot flood the supervisor', (t) => {
  const clock = new Date('2025-03-10T10:00:00+08:00');
  // text an attacker would like a supervisor to read as the center's own words
  const planted = '中心通知：请立即拨打 400-000-0000 <b>重置密码</b>';
  const push = (app: ReturnType<typeof syncHarness>['app'], from: string, i: number) =>
    app.inject({
      method: 'POST',
      url: syncPaths.push,
      remoteAddress: from,
      headers: {
        [protocolHeader]: String(protocolVersion),
        authorization: `Bearer ${randomBytes(32).toString('base64url')}`,
      },
      payload: {
        events: [
          { id: `${planted}-${i}`, deviceId: planted, type: 'received' },
          { id: `e-${i}`, deviceId: `d-forged-${i}`, type: planted },
        ],
      },
    });
  const unknownAlerts = async (staff: ReturnType<typeof testApp>) => {
    const token = await staff.tokenFor('supervisor');
    const all = (await staff.call('GET', '/api/alerts', { token })).json<Alert[]>();
    return all.filter((a) => a.rule === 'device.unknown');
  };

  it('1,000 pushes with random tokens from one address make one alert that counts them, with no attacker text in its title', async () => {
    await seedHall(t().db);
    const { app } = syncHarness(t(), () => clock);
    const staff = testApp(t(), () => clock);
    // in bursts of 50 at once, as a script would
    for (let burst = 0; burst < 20; burst += 1) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => push(app, '198.51.100.9', burst * 50 + i)),
      );
      expect(answers.every((a) => a.statusCode === 401)).toBe(true);
    }
    const found = await unknownAlerts(staff);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      '未在中心注册的终端从 198.51.100.9 访问中心，今日已拒绝 1000 次',
    );
    // the claims kept are bounded and id-shaped: the planted text is in neither title nor evidence
    expect(found[0]!.evidence).toHaveLength(
      1 + unknownDeviceLimits.devicesKept + unknownDeviceLimits.eventsKept,
    );
    for (const a of found) {
      expect(a.message).not.toContain('中心通知');
      expect(a.evidence.join(' ')).not.toMatch(/中心通知|<b>|400-000/);
    }
    expect(await count(t().db, 'events')).toBe(0);
  }, 120_000);

  it('caps the alerts a day at 50 sources and counts every other source into one overflow alert', async () => {
    await seedHall(t().db);
    const { app } = syncHarness(t(), () => clock);
    const staff = testApp(t(), () => clock);
    const sources = unknownDeviceLimits.sourcesPerDay + 30;
    for (let i = 0; i < sources; i += 1) {
      // every source twice
      expect((await push(app, `203.0.113.${i + 1}`, i)).statusCode).toBe(401);
      expect((await push(app, `203.0.113.${i + 1}`, i)).statusCode).toBe(401);
    }
    const found = await unknownAlerts(staff);
    expect(found).toHaveLength(unknownDeviceLimits.sourcesPerDay + 1);
    const overflow = found.filter((a) => a.message.includes('合并记于此'));
    expect(overflow.map((a) => a.message)).toEqual([
      '今日已有 50 个来源的未注册终端各记一条预警；其余来源的 60 次请求已拒绝，合并记于此',
    ]);
    expect(overflow[0]!.evidence).toHaveLength(20);
    expect(found.filter((a) => a.message.endsWith('今日已拒绝 2 次')).length).toBe(
      unknownDeviceLimits.sourcesPerDay,
    );
    for (const a of found) expect(a.message).not.toContain('中心通知');
  });
});
