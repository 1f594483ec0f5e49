import { statSync } from 'node:fs';
import { expect, it } from 'vitest';
import { openServerDb } from './db/open';
import { eachDialect } from './db/test-db';
import { readFileSync } from 'node:fs';
import { parseCatalog } from '../shared/catalog';
import { legacyStored } from '../shared/catalog/catalog.fixture';
import { adoptShippedCatalogLaw, defaultCatalogFile, seedCenter } from './seed';
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

  it('gives the items an update left on the legacy law the shipped law, as a new version; an item the center changed is named instead', async () => {
    await seedCenter(t().db);
    const db = t().db;
    // what migration 0012 left of a center seeded before the catalog carried each item's law
    const strip = (data: string) => legacyStored(JSON.parse(data) as object);
    for (const code of ['MZ-001', 'SJ-002']) {
      const row = await db
        .selectFrom('items')
        .select('data')
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      const data =
        code === 'SJ-002'
          ? strip(JSON.stringify({ ...JSON.parse(row.data), statutoryDays: 15, promisedDays: 5 }))
          : strip(row.data);
      await db.updateTable('items').set({ data }).where('code', '=', code).execute();
      await db.updateTable('item_versions').set({ data }).where('item_code', '=', code).execute();
    }
    const before = await db
      .selectFrom('reference_versions')
      .select('version')
      .where('kind', '=', 'catalog')
      .executeTakeFirstOrThrow();
    const upgrade = await adoptShippedCatalogLaw(db, { now: new Date('2026-12-05T02:00:00Z') });
    expect(upgrade).toEqual({ adopted: ['MZ-001'], legacy: ['SJ-002'] });
    const shipped = parseCatalog(JSON.parse(readFileSync(defaultCatalogFile, 'utf8'))).items;
    const mz = await db
      .selectFrom('items')
      .select('data')
      .where('code', '=', 'MZ-001')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(mz.data)).toEqual(shipped.find((i) => i.code === 'MZ-001'));
    const versions = await db
      .selectFrom('item_versions')
      .select(['seq', 'published_at'])
      .where('item_code', '=', 'MZ-001')
      .orderBy('seq')
      .execute();
    expect(versions.map((v) => v.seq)).toEqual([1, 2]);
    expect(versions[1]!.published_at).toBe('2026-12-05T10:00:00.000+08:00');
    const after = await db
      .selectFrom('reference_versions')
      .select('version')
      .where('kind', '=', 'catalog')
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(before.version + 1);
    // a second start changes nothing more
    expect(await adoptShippedCatalogLaw(db)).toEqual({ adopted: [], legacy: ['SJ-002'] });
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
