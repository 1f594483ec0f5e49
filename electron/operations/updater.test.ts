import { afterEach, describe, expect, it } from 'vitest';
import { decodeDeviceReport, deviceReportHeader } from '../../shared/sync';
import { tempTerminal } from '../../tests/support/terminal';
import { sealSecret } from '../store/device';
import { setSetting } from '../store/reference';
import { syncKeys } from '../store/sync-state';
import { reportHeaders } from './report';
import { crashReporterConfig, updaterConfig } from './updater';

// What main.ts gives electron-updater and crashReporter, built without Electron.

describe('the updater and crash reporter configuration of a terminal', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  it('asks nobody before enrollment, then the enrolled center with the device token', () => {
    const { terminal: t, cleanup } = tempTerminal(undefined, { sync: false, appVersion: '1.4.2' });
    cleanups.push(cleanup);
    expect(updaterConfig(t)).toBeNull();
    expect(crashReporterConfig(t)).toBeNull();

    setSetting(t.db, syncKeys.server, 'https://center.example.cn/hall/');
    setSetting(t.db, syncKeys.deviceToken, sealSecret('device-secret', null));
    setSetting(t.db, syncKeys.enrolled, true);
    expect(updaterConfig(t)).toEqual({
      feed: { provider: 'generic', url: 'https://center.example.cn/hall/updates/' },
      requestHeaders: { authorization: 'Bearer device-secret' },
    });
    expect(crashReporterConfig(t)).toMatchObject({
      submitURL: 'https://center.example.cn/hall/crash-reports',
      uploadToServer: true,
      compress: true,
      globalExtra: { device_token: 'device-secret', appVersion: '1.4.2' },
    });
  });

  it('reports version, queue, last error and integrity in a header the center decodes', () => {
    const { terminal: t, cleanup } = tempTerminal(undefined, { sync: false, appVersion: '1.4.2' });
    cleanups.push(cleanup);
    setSetting(t.db, syncKeys.lastError, '无法连接中心（https://center.example.cn）：连接被拒绝');
    const headers = reportHeaders(t)();
    const value = headers[deviceReportHeader];
    expect(value).toMatch(/^[\x21-\x7e]+$/); // a header travels as ASCII
    expect(decodeDeviceReport(value)).toEqual({
      appVersion: '1.4.2',
      pending: 0,
      lastError: '无法连接中心（https://center.example.cn）：连接被拒绝',
      integrity: 'ok',
    });
    expect(decodeDeviceReport('%7Bnot json')).toBeNull();
  });
});
