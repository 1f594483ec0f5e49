import { expect, it } from 'vitest';
import { phraseKinds, phraseLimits } from '../../shared/catalog';
import { eachDialect } from '../db/test-db';
import { readVersions } from '../reference/versions';
import { seedCenter } from '../seed';
import { referenceFor } from '../sync/reference';
import { testApp } from '../test-app';

// Part W of issue 16: a department's 常用语, kept by the manager at the center one kind at a time
// and pulled by the department's terminals with the catalog. On both dialects.

const url = (code: string, kind?: string) =>
  `/api/departments/${code}/phrases${kind ? `/${kind}` : ''}`;

eachDialect('admin: 常用语', (t) => {
  it('keeps each kind in the order given, per department, bumping the catalog version', async () => {
    const { call, tokenFor, window, versions } = testApp(t());
    await window('SJ01');
    await window('ZJ01');
    const token = await tokenFor('manager');
    const before = (await versions()).catalog;
    const basis = [
      '《中华人民共和国行政许可法》第三十八条第二款',
      '《中华人民共和国食品安全法》第三十五条第一款',
    ];
    const put = await call('PUT', url('SJ', 'legalBasis'), { token, body: basis });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ legalBasis: basis, refusalReason: [] });
    expect((await versions()).catalog).toBe(before + 1);
    // reordered and one removed: the list as it now stands
    await call('PUT', url('SJ', 'legalBasis'), { token, body: [basis[1]] });
    await call('PUT', url('SJ', 'refusalReason'), {
      token,
      body: ['申请事项依法不需要取得行政许可。'],
    });
    const sj = (await call('GET', url('SJ'), { token })).json<Record<string, string[]>>();
    expect(sj).toEqual({
      refusalReason: ['申请事项依法不需要取得行政许可。'],
      denyReason: [],
      legalBasis: [basis[1]],
      supplementNote: [],
      reviewOpinion: [],
    });
    // another department's phrases are its own
    expect((await call('GET', url('ZJ'), { token })).json()).toMatchObject({ legalBasis: [] });
  });

  it('refuses an empty, repeated or overlong phrase with its index, keeping the old list', async () => {
    const { call, tokenFor, window, versions } = testApp(t());
    await window('SJ01');
    const token = await tokenFor('manager');
    const keep = ['请提交与原件核对一致的复印件。'];
    await call('PUT', url('SJ', 'supplementNote'), { token, body: keep });
    const version = (await versions()).catalog;
    const put = (body: unknown) => call('PUT', url('SJ', 'supplementNote'), { token, body });
    expect((await put(['  '])).json()).toMatchObject({
      error: { code: 'invalid_input', field: 'body.0' },
    });
    expect((await put([...keep, keep[0]])).json()).toMatchObject({
      error: { code: 'invalid_input', field: 'body.1' },
    });
    expect((await put(['甲'.repeat(phraseLimits.maxLength + 1)])).json()).toMatchObject({
      error: { field: 'body.0' },
    });
    expect((await put(['含有\u202e反转字符'])).json()).toMatchObject({
      error: { field: 'body.0' },
    });
    const many = Array.from({ length: phraseLimits.perKind + 1 }, (_, i) => `第${i}条`);
    expect((await put(many)).statusCode).toBe(400);
    const badKind = await call('PUT', url('SJ', 'anything'), { token, body: [] });
    expect(badKind.statusCode).toBe(400);
    expect((await call('PUT', url('XX', 'legalBasis'), { token, body: [] })).statusCode).toBe(404);
    expect((await call('GET', url('SJ'), { token })).json()).toMatchObject({
      supplementNote: keep,
    });
    expect((await versions()).catalog).toBe(version);
    // a manager's work: not a clerk's, not without signing in
    const clerk = await tokenFor('clerk');
    expect(
      (await call('PUT', url('SJ', 'legalBasis'), { token: clerk, body: [] })).statusCode,
    ).toBe(403);
    expect((await call('GET', url('SJ'))).statusCode).toBe(401);
  });

  it("travels to the department's terminals with the catalog, and only theirs", async () => {
    const { call, tokenFor, window } = testApp(t());
    await window('SJ01');
    await window('ZJ01');
    const token = await tokenFor('manager');
    const db = t().db;
    const none = { catalog: 0, calendar: 0, staff: 0, settings: 0 };
    // a department without phrases sends none: a terminal of the previous release would refuse
    // the field
    expect((await referenceFor(db, 'SJ', none)).catalog).not.toHaveProperty('phrases');
    await call('PUT', url('SJ', 'reviewOpinion'), { token, body: ['建议准予许可。'] });
    const sj = await referenceFor(db, 'SJ', none);
    expect(sj.catalog?.phrases).toMatchObject({ reviewOpinion: ['建议准予许可。'] });
    expect(sj.catalog?.version).toBe((await readVersions(db)).catalog);
    expect((await referenceFor(db, 'ZJ', none)).catalog).not.toHaveProperty('phrases');
  });

  it('starts a new center with the shipped phrases of its departments', async () => {
    await seedCenter(t().db);
    const { call, tokenFor } = testApp(t());
    const token = await tokenFor('manager');
    const sj = (await call('GET', url('SJ'), { token })).json<Record<string, string[]>>();
    expect(Object.keys(sj).sort()).toEqual([...phraseKinds].sort());
    expect(sj.legalBasis).toContain('《中华人民共和国行政许可法》第三十八条第二款');
    expect(sj.legalBasis).toContain('《中华人民共和国食品安全法》第三十五条第一款');
    for (const kind of phraseKinds) expect(sj[kind]!.length, kind).toBeGreaterThan(0);
    const zj = (await call('GET', url('ZJ'), { token })).json<Record<string, string[]>>();
    expect(zj.legalBasis).not.toContain('《中华人民共和国食品安全法》第三十五条第一款');
  });
});
