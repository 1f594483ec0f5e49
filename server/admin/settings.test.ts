import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';
import { defaultSettings } from '../../shared/center-api';

eachDialect('admin: settings', (t) => {
  it('reads the defaults, then what the manager set, bumping the settings version', async () => {
    const { call, tokenFor } = testApp(t());
    const token = await tokenFor('manager');
    expect((await call('GET', '/api/settings', { token })).json()).toEqual(defaultSettings);
    const body = {
      centerName: '高新区政务服务中心',
      thresholds: { warningWorkingDays: 3, yellowWorkingDays: 1 },
    };
    expect((await call('PUT', '/api/settings', { token, body })).statusCode).toBe(200);
    const supervisor = await tokenFor('supervisor');
    expect((await call('GET', '/api/settings', { token: supervisor })).json()).toEqual(body);
    const clerk = await tokenFor('clerk');
    const reference = await call('GET', '/api/reference/versions', { token: clerk });
    expect(reference.json()).toEqual({ catalog: 1, calendar: 1, staff: 1, settings: 2 });
  });

  it('refuses a yellow card before the warning, a blank name, and other roles', async () => {
    const { call, tokenFor, versions } = testApp(t());
    const token = await tokenFor('manager');
    const put = (body: object, as = token) => call('PUT', '/api/settings', { token: as, body });
    const late = await put({
      centerName: '中心',
      thresholds: { warningWorkingDays: 1, yellowWorkingDays: 2 },
    });
    expect(late.json()).toMatchObject({
      error: { code: 'invalid_input', field: 'body.thresholds.yellowWorkingDays' },
    });
    const blank = await put({ ...defaultSettings, centerName: '  ' });
    expect(blank.json()).toMatchObject({ error: { field: 'body.centerName' } });
    expect((await put(defaultSettings, await tokenFor('supervisor'))).statusCode).toBe(403);
    expect((await versions()).settings).toBe(1);
  });
});
