import { statSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openServerDb } from './db/open';
import { eachDialect } from './db/test-db';
import { seedCenter } from './seed';
import { testApp } from './test-app';

eachDialect('seed', (t) => {
  it('fills an empty center once: catalog, settings and a manager who can sign in', async () => {
    const admin = await seedCenter(t().db, { dataDir: t().options.dataDir });
    expect(admin?.username).toBe('admin');
    expect(statSync(admin!.file!).mode & 0o777).toBe(0o600);
    const { call } = testApp(t());
    const login = await call('POST', '/api/auth/login', {
      body: { username: 'admin', password: admin!.password },
    });
    expect(login.json()).toMatchObject({ staff: { role: 'manager', windowId: null } });
    const { token } = login.json<{ token: string }>();
    const items = (await call('GET', '/api/items', { token })).json<unknown[]>();
    expect(items.length).toBeGreaterThan(5);
    const settings = await call('GET', '/api/settings', { token });
    expect(settings.json()).toMatchObject({ centerName: '示范区政务服务中心' });
    expect(await seedCenter(t().db, { dataDir: t().options.dataDir })).toBeNull();
    expect((await call('GET', '/api/reference/versions', { token })).json()).toEqual({
      catalog: 1,
      calendar: 1,
      staff: 1,
      settings: 1,
    });
  });

  it('seeds once when two processes start together', async () => {
    const other = await openServerDb(t().options);
    try {
      const results = await Promise.all([seedCenter(t().db), seedCenter(other.db)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const managers = await t().db.selectFrom('staff').select('username').execute();
      expect(managers).toEqual([{ username: 'admin' }]);
    } finally {
      await other.close();
    }
  });
});
