import { expect, it } from 'vitest';
import { syncPaths } from '../../shared/center-api';
import {
  deviceReportHeader,
  encodeDeviceReport,
  protocolHeader,
  protocolVersion,
  terminalTimeHeader,
} from '../../shared/sync';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';

eachDialect('admin: devices', (t) => {
  it('lists terminals and revokes one, bumping the staff version once', async () => {
    const now = new Date('2026-03-02T11:00:00+08:00');
    const { app, call, device, tokenFor, versions, window } = testApp(t(), () => now);
    const token = await tokenFor('manager');
    const windowId = await window('SJ01');
    await device({ id: 'd1', windowId, token: 'secret-1' });
    await device({ id: 'd2', windowId, token: 'secret-2' });
    // d2's clock runs 10 minutes ahead on its last call (issue 13 point 4)
    await app.inject({
      method: 'GET',
      url: syncPaths.device,
      headers: {
        authorization: 'Bearer secret-2',
        [protocolHeader]: String(protocolVersion),
        [terminalTimeHeader]: new Date(now.getTime() + 600_000).toISOString(),
        // and says of itself (part C, issue 15): the dashboard of PCs shows it
        [deviceReportHeader]: encodeDeviceReport({
          appVersion: '1.2.0',
          pending: 7,
          lastError: '无法连接中心：连接被拒绝',
          integrity: 'ok',
        }),
      },
    });
    const list = await call('GET', '/api/devices', { token: await tokenFor('supervisor') });
    expect(list.json()).toEqual([
      {
        id: 'd1',
        window: { id: windowId, code: 'SJ01', name: 'SJ01窗口' },
        label: 'PC-d1',
        terminalNumber: 1,
        enrolledAt: '2026-03-02T09:00:00.000+08:00',
        revokedAt: null,
        lastSeq: 0,
        clock: null,
        // part A of issue 15: never re-admitted
        readmittedAt: null,
        // never heard from: nothing to show
        health: {
          lastSeenAt: null,
          appVersion: null,
          pending: null,
          lastError: null,
          integrity: null,
          crashReports: 0,
          lastCrashAt: null,
        },
      },
      expect.objectContaining({
        id: 'd2',
        terminalNumber: 2,
        clock: { offsetMs: 600_000, measuredAt: '2026-03-02T11:00:00.000+08:00', skewed: true },
        health: {
          lastSeenAt: '2026-03-02T11:00:00.000+08:00',
          appVersion: '1.2.0',
          pending: 7,
          lastError: '无法连接中心：连接被拒绝',
          integrity: 'ok',
          crashReports: 0,
          lastCrashAt: null,
        },
      }),
    ]);
    const revoked = await call('POST', '/api/devices/d1/revoke', { token });
    expect(revoked.json()).toMatchObject({ id: 'd1', revokedAt: '2026-03-02T11:00:00.000+08:00' });
    expect((await versions()).staff).toBe(2);
    expect((await call('POST', '/api/devices/d1/revoke', { token })).statusCode).toBe(200);
    expect((await versions()).staff).toBe(2);
  });

  it('answers 404 for an unknown device, 403 for a supervisor, 401 without a token', async () => {
    const { call, device, tokenFor, versions, window } = testApp(t());
    const token = await tokenFor('manager');
    await device({ id: 'd1', windowId: await window('SJ01'), token: 'secret-1' });
    expect((await call('POST', '/api/devices/nope/revoke', { token })).statusCode).toBe(404);
    const supervisor = await tokenFor('supervisor');
    expect((await call('POST', '/api/devices/d1/revoke', { token: supervisor })).statusCode).toBe(
      403,
    );
    expect((await call('POST', '/api/devices/d1/revoke')).statusCode).toBe(401);
    expect((await versions()).staff).toBe(1);
  });
});
