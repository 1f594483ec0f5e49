import { expect, it } from 'vitest';
import { itemJson } from '../../shared/catalog/catalog.fixture';
import { itemRow } from './items';
import { serviceItemSchema } from '../../shared/catalog';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';

eachDialect('admin: window powers', (t) => {
  const addItem = (code: string, name: string, initials: string) =>
    t()
      .db.insertInto('items')
      .values(
        itemRow(
          serviceItemSchema.parse(
            itemJson({ code, name, initials, departmentCode: code.slice(0, 2) }),
          ),
        ),
      )
      .execute();

  it('replaces what a window is delegated, bumping the catalog version', async () => {
    const { call, tokenFor, versions, window } = testApp(t());
    const token = await tokenFor('manager');
    const windowId = await window('SJ01');
    await addItem('SJ-001', '个体工商户设立登记', 'gtgshsldj');
    await addItem('SJ-002', '个体工商户注销登记', 'gtgshzxdj');
    const body = [
      { itemCode: 'SJ-001', powers: ['accept', 'approve'] },
      { itemCode: 'SJ-002', powers: ['accept'] },
    ];
    const put = await call('PUT', `/api/windows/${windowId}/powers`, { token, body });
    expect(put.statusCode).toBe(200);
    expect((await versions()).catalog).toBe(2);
    await call('PUT', `/api/windows/${windowId}/powers`, { token, body: body.slice(1) });
    const read = await call('GET', `/api/windows/${windowId}/powers`, {
      token: await tokenFor('supervisor'),
    });
    expect(read.json()).toEqual(body.slice(1));
    expect((await versions()).catalog).toBe(3);
  });

  it('refuses items of another department, unknown or repeated items and unknown powers', async () => {
    const { call, tokenFor, versions, window } = testApp(t());
    const token = await tokenFor('manager');
    const windowId = await window('SJ01');
    await window('ZJ01');
    await addItem('SJ-001', '个体工商户设立登记', 'gtgshsldj');
    await addItem('ZJ-001', '建筑工程施工许可', 'jzgcsgxk');
    const put = (body: object) => call('PUT', `/api/windows/${windowId}/powers`, { token, body });
    const field = async (body: object) =>
      (await put(body)).json<{ error: { field?: string } }>().error.field;
    const ok = { itemCode: 'SJ-001', powers: ['accept'] };
    expect(await field([ok, { itemCode: 'ZJ-001', powers: ['accept'] }])).toBe('body.1.itemCode');
    expect(await field([{ itemCode: 'SJ-404', powers: [] }])).toBe('body.0.itemCode');
    expect(await field([ok, ok])).toBe('body.1.itemCode');
    expect(await field([{ itemCode: 'SJ-001', powers: ['rule'] }])).toBe('body.0.powers.0');
    expect((await call('PUT', '/api/windows/nope/powers', { token, body: [ok] })).statusCode).toBe(
      404,
    );
    const supervisor = await tokenFor('supervisor');
    const forbidden = await call('PUT', `/api/windows/${windowId}/powers`, {
      token: supervisor,
      body: [ok],
    });
    expect(forbidden.statusCode).toBe(403);
    expect(await t().db.selectFrom('window_powers').selectAll().execute()).toEqual([]);
    expect((await versions()).catalog).toBe(1);
  });
});
