import { expect, it } from 'vitest';
import { materialTerms, timeLimitWords, type ServiceItem } from '../../shared/catalog';
import type { GuideItem, GuideList } from '../../shared/center-api';
import { eachDialect } from '../db/test-db';
import { escapeHtml } from '../http/page';
import { seedCenter } from '../seed';
import { testApp, testPasswordCost } from '../test-app';
import { caseScript, hallStaff, seedHall, syncHarness } from '../sync/test-support';
import { personApplicant } from '../../tests/support/applicants';

// Issue 17 part 3: the public 办事指南 on the default catalog, on both dialects — no sign-in, a
// page for a browser and JSON for a program, the windows' catalog version printed on it.

const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

eachDialect('center: the public guide', (t) => {
  const setup = async () => {
    await seedCenter(t().db, { passwordCost: testPasswordCost });
    const h = testApp(t());
    const get = (url: string, headers: Record<string, string> = {}) =>
      h.app.inject({ method: 'GET', url, headers });
    return { h, get };
  };

  it('lists every item by department and by life event, with the windows’ catalog version', async () => {
    const { h, get } = await setup();
    const typed = await get('/guide');
    expect([typed.statusCode, typed.headers.location]).toEqual([302, 'guide/']);
    const res = await get('/guide/');
    expect(res.statusCode).toBe(200);
    const list = res.json<GuideList>();
    expect(list.catalogVersion).toBe((await h.versions()).catalog);
    expect(list.centerName).toBe('示范区政务服务中心');
    expect(list.results).toBeNull();
    expect(list.departments.map((d) => d.name)).toContain('市场监督管理局');
    expect(list.departments.flatMap((d) => d.items)).toHaveLength(17);
    const restaurant = list.lifeEvents.find((e) => e.name === '开餐馆');
    expect(restaurant?.items.map((i) => i.code)).toEqual(['SJ-001', 'SJ-002', 'WJ-001', 'ZJ-003']);
    expect(list.lifeEvents.map((e) => e.name)).toContain('建设施工');
  });

  it('finds items as the intake picker does: by pinyin initials, name and alias', async () => {
    const { get } = await setup();
    const codes = async (q: string) =>
      (await get(`/guide/?q=${encodeURIComponent(q)}`))
        .json<GuideList>()
        .results?.map((r) => r.code);
    expect(await codes('spjy')).toEqual(['SJ-002']);
    expect(await codes(' SPJY ')).toEqual(['SJ-002']);
    expect(await codes('食品经营')).toEqual(['SJ-002']);
    expect(await codes('施工')).toEqual(['ZJ-001']);
    expect(await codes('营业执照')).toEqual(['SJ-001']);
    expect(await codes('没有这种事项')).toEqual([]);
    const byAlias = (await get('/guide/?q=yyzz')).json<GuideList>();
    expect(byAlias.query).toBe('yyzz');
    expect(byAlias.results).toEqual([
      {
        code: 'SJ-001',
        name: '个体工商户设立登记',
        departmentCode: 'SJ',
        matchedAlias: '营业执照',
      },
    ]);
    const page = await get('/guide/?q=spjy', browser);
    expect(page.body).toContain('搜索“spjy”：1项');
    expect(page.body).toContain('href="SJ-002"');
  });

  it('answers a browser with a page and a program with JSON, under a CSP and a short public cache', async () => {
    const { get } = await setup();
    const answers = [
      await get('/guide/', browser),
      await get('/guide/SJ-002', browser),
      await get('/guide/XX-999', browser),
      await get('/guide/'),
      await get('/guide/SJ-002?format=json', browser),
    ];
    expect(answers.map((a) => a.headers['content-type'])).toEqual([
      'text/html; charset=utf-8',
      'text/html; charset=utf-8',
      'text/html; charset=utf-8',
      'application/json; charset=utf-8',
      'application/json; charset=utf-8',
    ]);
    expect((await get('/guide/SJ-002?format=html')).headers['content-type']).toBe(
      'text/html; charset=utf-8',
    );
    for (const answer of answers) {
      const policy = String(answer.headers['content-security-policy']).split('; ');
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("form-action 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy.join(' ')).not.toMatch(/script-src|unsafe-inline/);
      expect(answer.headers['cache-control']).toBe('public, max-age=60');
      // one address, two representations: a cache must not hand the JSON to a browser
      expect(answer.headers.vary).toBe('Accept');
      expect(answer.headers['x-frame-options']).toBe('DENY');
    }
    for (const page of answers.slice(0, 3)) {
      expect(page.body).not.toMatch(/<script/i);
      // the one inline style the policy allows is exactly the page's own
      const inline = /<style>([\s\S]*?)<\/style>/.exec(page.body)?.[1] ?? '';
      const { createHash } = await import('node:crypto');
      const hash = createHash('sha256').update(inline).digest('base64');
      expect(String(page.headers['content-security-policy'])).toContain(`'sha256-${hash}'`);
    }
  });

  it('shows an item’s guide in the words the window prints, from the catalog version it names', async () => {
    const { h, get } = await setup();
    const json = (await get('/guide/SJ-002')).json<GuideItem>();
    const item = json.item;
    expect(item.name).toBe('食品经营许可');
    expect(json.department).toEqual({ code: 'SJ', name: '市场监督管理局' });
    expect(json.words.timeLimit).toBe(timeLimitWords(item));
    expect(json.words.materials.map((m) => m.terms)).toEqual(item.materials.map(materialTerms));
    const page = (await get('/guide/SJ-002', browser)).body;
    // the seven public facts and Art. 30's others, in the order the window's printed guide has them
    expect([...page.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      '设定依据',
      '申请条件',
      '数量限制',
      '申请材料',
      '申请书示范文本',
      '办理流程',
      '办理时限',
      '有效期限',
      '收费标准',
      '收费依据',
      '办理结果',
      '办理部门',
      '咨询方式',
    ]);
    expect(page).toContain(escapeHtml(timeLimitWords(item)));
    for (const m of item.materials) expect(page).toContain(escapeHtml(m.name));
    expect(page).toContain(`事项目录第${json.catalogVersion}版`);

    // the manager changes the item: the next answer is the new version, with its new words
    const token = await h.tokenFor('manager');
    const changed: ServiceItem = { ...item, promisedDays: 4, lifeEvents: ['开餐馆', '开超市'] };
    expect((await h.call('PUT', '/api/items/SJ-002', { token, body: changed })).statusCode).toBe(
      200,
    );
    const after = (await get('/guide/SJ-002')).json<GuideItem>();
    expect(after.catalogVersion).toBe(json.catalogVersion + 1);
    expect(after.words.timeLimit).toMatch(/^承诺4个工作日内办结；/);
    const list = (await get('/guide/')).json<GuideList>();
    expect(list.lifeEvents.find((e) => e.name === '开超市')?.items.map((i) => i.code)).toEqual([
      'SJ-002',
    ]);
  });

  it('says plainly in Chinese that an unknown or malformed code names no item', async () => {
    const { get } = await setup();
    const unknown = await get('/guide/XX-999', browser);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('未找到该事项');
    expect(unknown.body).toContain('事项编码“XX-999”不在本中心的事项目录中');
    const hostile = await get(`/guide/${encodeURIComponent('<script>alert(1)</script>')}`, browser);
    expect(hostile.statusCode).toBe(404);
    expect(hostile.body).not.toContain('<script>');
    expect(hostile.body).toContain('&lt;script&gt;');
    const json = await get('/guide/sj-002');
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual({ error: { code: 'not_found', message: '事项不存在' } });
  });

  it('refuses a search longer than any item’s name with 400, and a huge one too', async () => {
    const { get } = await setup();
    for (const q of ['食'.repeat(41), 'x'.repeat(5000)]) {
      const res = await get(`/guide/?q=${encodeURIComponent(q)}`, browser);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/不超过40个字/);
    }
    expect((await get(`/guide/?q=${'食'.repeat(40)}`)).statusCode).toBe(200);
  });

  it('holds nothing personal: no applicant, no staff, though the center holds both', async () => {
    // a hall whose window has pushed a case: the applicant and the staff are in the center's tables
    await seedHall(t().db);
    const hallPc = syncHarness(t());
    const pc = await hallPc.enroll('w-sj-1');
    const script = caseScript({
      applicantName: '欧阳青岚',
      idNumber: personApplicant(917).idNumber,
    });
    await pc.pushOk(pc.sign([script.received()]));
    const get = (url: string, headers: Record<string, string> = {}) =>
      hallPc.app.inject({ method: 'GET', url, headers });
    const personal = [
      '欧阳青岚',
      personApplicant(917).idNumber,
      '13800138000',
      ...hallStaff.map((m) => m.name),
      ...hallStaff.map((m) => m.userId),
    ];
    const urls = ['/guide/', '/guide/?q=spjy', '/guide/SJ-001', '/guide/?q=欧阳'];
    for (const url of urls) {
      for (const answer of [await get(url), await get(url, browser)]) {
        expect(answer.statusCode).toBe(200);
        const body = decodeURIComponent(answer.body);
        for (const word of personal) expect(body).not.toContain(word);
      }
    }
    // the item the case was received for is there: the test reads real guides, not empty ones
    expect((await get('/guide/SJ-001')).json<GuideItem>().item.name).toBe('食品经营许可');
  });

  it('serves its Chinese font to a browser without one, and nothing else from that folder', async () => {
    const { get } = await setup();
    const css = await get('/guide/fonts.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    const slice = /url\(fonts\/(noto-sans-sc-\d+-400-normal\.woff2)\)/.exec(css.body)?.[1];
    expect(slice).toBeDefined();
    const font = await get(`/guide/fonts/${slice}`);
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
    for (const bad of ['..%2F400.css', 'noto-sans-sc-1-400-normal.woff', 'package.json']) {
      expect((await get(`/guide/fonts/${bad}`)).statusCode).toBe(404);
    }
  });
});
