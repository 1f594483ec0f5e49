import { expect, it } from 'vitest';
import { itemJson, legacyStored, type ItemJson } from '../../shared/catalog/catalog.fixture';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';

eachDialect('admin: items', (t) => {
  it('adds, replaces and deletes an item, bumping the catalog version once each', async () => {
    const { call, tokenFor, versions, window } = testApp(t());
    const token = await tokenFor('manager');
    const windowId = await window('SJ01');
    const created = await call('POST', '/api/items', { token, body: itemJson() });
    expect(created.statusCode).toBe(201);
    expect((await versions()).catalog).toBe(2);
    const replaced = await call('PUT', '/api/items/SJ-001', {
      token,
      // issue 17 part 3: the life events the public guide lists it under are kept with it
      body: itemJson({ promisedDays: 1, lifeEvents: ['开办企业'] }),
    });
    expect(replaced.statusCode).toBe(200);
    const list = await call('GET', '/api/items', { token: await tokenFor('supervisor') });
    expect(list.json()).toEqual([itemJson({ promisedDays: 1, lifeEvents: ['开办企业'] })]);
    expect((await versions()).catalog).toBe(3);
    await call('PUT', `/api/windows/${windowId}/powers`, {
      token,
      body: [{ itemCode: 'SJ-001', powers: ['accept'] }],
    });
    const deleted = await call('DELETE', '/api/items/SJ-001', { token });
    expect(deleted.statusCode).toBe(200);
    expect(await t().db.selectFrom('window_powers').selectAll().execute()).toEqual([]);
    expect((await versions()).catalog).toBe(5);
  });

  it('refuses what the catalog rules refuse, with the field, and changes nothing', async () => {
    const { call, tokenFor, versions, window } = testApp(t());
    const token = await tokenFor('manager');
    await window('SJ01');
    const post = (body: object) => call('POST', '/api/items', { token, body });
    const err = (res: Awaited<ReturnType<typeof post>>) =>
      [res.statusCode, res.json<{ error: { field?: string } }>().error.field] as const;
    expect(err(await post(itemJson({ promisedDays: 9 })))).toEqual([400, 'body.promisedDays']);
    // the item's law (issue 14): each missing or wrong legal field is refused at that field
    expect(err(await post(itemJson({ extensionBasis: undefined })))).toEqual([
      400,
      'body.extensionBasis',
    ]);
    expect(err(await post(itemJson({ statutoryUnit: undefined })))).toEqual([
      400,
      'body.statutoryUnit',
    ]);
    expect(err(await post(itemJson({ statutoryUnit: 'days' })))).toEqual([
      400,
      'body.statutoryUnit',
    ]);
    expect(
      err(
        await post(
          itemJson({
            joint: true,
            statutoryDays: 45,
            extensionDays: 15,
            extensionApprover: 'agencyHead',
          }),
        ),
      ),
    ).toEqual([400, 'body.extensionApprover']);
    expect(err(await post(itemJson({ publicationPausesStatutory: true })))).toEqual([
      400,
      'body.publicationBasis',
    ]);
    expect(err(await post(itemJson({ validity: { kind: 'years', years: 5 } })))).toEqual([
      400,
      'body.validity.basis',
    ]);
    // a reviewer's cases (issue 14): each basis must say what the law says, at its field
    const art42 = (paragraph: string) => `《中华人民共和国行政许可法》第四十二条${paragraph}`;
    const ordinary = {
      statutoryDays: 20,
      statutoryBasis: art42('第一款'),
      extensionDays: 10,
      extensionBasis: art42('第一款'),
    };
    const joint = {
      joint: true,
      statutoryDays: 45,
      statutoryBasis: art42('第二款'),
      extensionDays: 15,
      extensionBasis: art42('第二款'),
      extensionApprover: 'governmentHead',
    };
    const refusals: [Partial<ItemJson>, string, string][] = [
      // WJ-001 at 30 working days citing ¶1, which sets 20
      [{ ...ordinary, statutoryDays: 30 }, 'body.statutoryDays', '第一款规定的期限为20日'],
      // ZJ-004 at 60 citing ¶2, which sets 45
      [{ ...joint, statutoryDays: 60 }, 'body.statutoryDays', '第二款规定的期限为45日'],
      // a joint item rests on ¶2
      [
        { ...joint, statutoryDays: 20, statutoryBasis: art42('第一款') },
        'body.statutoryBasis',
        '联办事项',
      ],
      // the government's head approves joint items only
      [
        { ...ordinary, extensionApprover: 'governmentHead' },
        'body.extensionApprover',
        '只适用于联办事项',
      ],
      // GA-002's 7日 under its own regulation is not extended by Art. 42
      [
        {
          statutoryDays: 7,
          statutoryUnit: 'calendarDays',
          statutoryBasis: '《大型群众性活动安全管理条例》第十二条',
          extensionDays: 3,
          extensionBasis: art42(''),
        },
        'body.extensionBasis',
        '只适用于该条自身的期限',
      ],
      [{ statutoryBasis: 'x' }, 'body.statutoryBasis', '须写明法律、法规的名称'],
      [
        { validity: { kind: 'permanent', basis: '长期' } },
        'body.validity.basis',
        '须写明法律、法规的名称',
      ],
      [{ ...ordinary, statutoryUnit: 'calendarDays' }, 'body.statutoryUnit', '按工作日计算'],
    ];
    for (const [overrides, field, says] of refusals) {
      const res = await post(itemJson(overrides));
      expect(err(res)).toEqual([400, field]);
      expect(res.json<{ error: { message: string } }>().error.message).toContain(says);
    }
    // a calendar-day limit holds at most 5 working days in 7: a longer promise could outlast it
    expect(
      err(
        await post(itemJson({ statutoryUnit: 'calendarDays', statutoryDays: 7, promisedDays: 6 })),
      ),
    ).toEqual([400, 'body.promisedDays']);
    expect(err(await post(itemJson({ code: 'ZJ-001', departmentCode: 'ZJ' })))).toEqual([
      400,
      'body.departmentCode',
    ]);
    expect((await post(itemJson())).statusCode).toBe(201);
    expect(err(await post(itemJson()))).toEqual([409, 'body.code']);
    expect(err(await post(itemJson({ code: 'SJ-002' })))).toEqual([409, 'body.name']);
    const renamed = await call('PUT', '/api/items/SJ-001', {
      token,
      body: itemJson({ code: 'SJ-003' }),
    });
    expect(err(renamed)).toEqual([400, 'body.code']);
    expect((await call('DELETE', '/api/items/SJ-404', { token })).statusCode).toBe(404);
    const put404 = await call('PUT', '/api/items/SJ-404', {
      token,
      body: itemJson({ code: 'SJ-404', name: '无', initials: 'w' }),
    });
    expect(put404.statusCode).toBe(404);
    expect((await versions()).catalog).toBe(2);
  });

  it('still serves an item stored under the legacy reading, and takes it back only corrected', async () => {
    const { call, tokenFor, window } = testApp(t());
    const token = await tokenFor('manager');
    await window('SJ01');
    // 食品经营许可 as stored before the catalog carried its law; migration 0012 read it as
    // Art. 42 ¶1, which sets 20 days, not its 10: the article rules refuse it as input
    const old = itemJson({ code: 'SJ-002', name: '食品经营许可', initials: 'spjyxk' });
    Object.assign(old, { statutoryDays: 10, extensionDays: 5 });
    const legacy = JSON.parse(legacyStored(old)) as ItemJson;
    await t()
      .db.insertInto('items')
      .values({
        code: 'SJ-002',
        department_code: 'SJ',
        name: legacy.name,
        data: JSON.stringify(legacy),
      })
      .execute();
    // the catalog is still listed (and pulled by the terminals, judged by the center)
    const list = await call('GET', '/api/items', { token });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([legacy]);
    const put = (body: object) => call('PUT', '/api/items/SJ-002', { token, body });
    const refused = await put(legacy);
    expect([refused.statusCode, refused.json<{ error: { field?: string } }>().error.field]).toEqual(
      [400, 'body.statutoryDays'],
    );
    const measures = '《食品经营许可和备案管理办法》第二十二条';
    const corrected = { ...legacy, statutoryBasis: measures, extensionBasis: measures };
    expect((await put(corrected)).statusCode).toBe(200);
    expect((await call('GET', '/api/items', { token })).json()).toEqual([corrected]);
  });

  it('lets only the manager write', async () => {
    const { call, tokenFor } = testApp(t());
    expect((await call('POST', '/api/items', { body: itemJson() })).statusCode).toBe(401);
    const token = await tokenFor('chief');
    expect((await call('POST', '/api/items', { token, body: itemJson() })).statusCode).toBe(403);
  });
});
