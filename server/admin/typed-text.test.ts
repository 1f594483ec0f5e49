import fc from 'fast-check';
import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';
import { departmentSchema, storedDepartmentSchema, type ServiceItem } from '../../shared/catalog';
import { itemOf, serviceItemOf } from '../sync/test-support';
import { itemRow } from './items';

// Issue 15 point 7 at a center route: a staff member's name with a hidden character is refused
// at the field and nothing is stored; a minority name with its middle dot is taken.

const hidden = [0x202a, 0x202e, 0x2066, 0x2069, 0x200b, 0x200c, 0x2060, 0xfeff, 0xdbff];

eachDialect('admin: typed text', (t) => {
  it('staff names refuse hidden characters and take 阿依古丽·买买提', async () => {
    const { call, tokenFor, window } = testApp(t());
    const token = await tokenFor('manager');
    const windowId = await window('SJ01');
    const create = (username: string, name: string) =>
      call('POST', '/api/staff', {
        token,
        body: { username, name, role: 'clerk', windowId, password: 'first pass 1' },
      });
    const ok = await create('ayiguli', '阿依古丽·买买提');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: '阿依古丽·买买提' });

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...hidden), fc.nat({ max: 2 }), async (code, at) => {
        const name = ['王', '芳', '芳'].toSpliced(at, 0, String.fromCharCode(code)).join('');
        const res = await create(`user${code}x${at}`, name);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({
          error: {
            code: 'invalid_input',
            field: 'body.name',
            message: expect.stringContaining(`U+${code.toString(16).toUpperCase()}`),
          },
        });
      }),
      { numRuns: 20 },
    );
    const names = await t().db.selectFrom('staff').select('name').execute();
    expect(names.filter((n) => n.name !== '测试').map((n) => n.name)).toEqual(['阿依古丽·买买提']);
  });
});

// Issue 15, part I: every text a manager types that prints on a notice (the center's name, a
// window's name in the header, a department's appeal bodies, an item's names and notes, a
// closure's reason) refuses the hidden characters at its field; what was stored before reads.

const printedHidden = [0x202e, 0x200e, 0x200f, 0x061c, 0x2028, 0x2029, 0x2066, 0xfeff];

type Route = {
  name: string;
  method: 'POST' | 'PUT';
  url: (windowId: string) => string;
  body: (text: string) => unknown;
  field: string;
};

const item = serviceItemOf(itemOf('SJ'));
// each route its own new item, so that both can take ordinary text
const itemWith =
  (code: string, name: string, patch: (text: string) => Partial<ServiceItem>) =>
  (text: string) => ({ ...item, code, name, initials: 'x'.repeat(name.length), ...patch(text) });

const routes: Route[] = [
  {
    name: 'center name',
    method: 'PUT',
    url: () => '/api/settings',
    body: (text) => ({
      centerName: text,
      thresholds: { warningWorkingDays: 3, yellowWorkingDays: 1 },
    }),
    field: 'body.centerName',
  },
  {
    name: 'new department',
    method: 'POST',
    url: () => '/api/departments',
    body: (text) => ({ code: 'ZJ', name: text }),
    field: 'body.name',
  },
  {
    name: 'department reconsideration body',
    method: 'PUT',
    url: () => '/api/departments/SJ',
    body: (text) => ({ name: '市场监管局', reconsiderationBody: text }),
    field: 'body.reconsiderationBody',
  },
  {
    name: 'department court',
    method: 'PUT',
    url: () => '/api/departments/SJ',
    body: (text) => ({ name: '市场监管局', court: text }),
    field: 'body.court',
  },
  {
    name: 'new window',
    method: 'POST',
    url: () => '/api/windows',
    body: (text) => ({ code: 'SJ05', name: text, departmentCode: 'SJ' }),
    field: 'body.name',
  },
  {
    name: 'window rename',
    method: 'PUT',
    url: (windowId) => `/api/windows/${windowId}`,
    body: (text) => ({ code: 'SJ01', name: text }),
    field: 'body.name',
  },
  {
    name: 'closure reason',
    method: 'PUT',
    url: () => '/api/closures',
    body: (text) => [{ date: '2025-05-06', reason: text }],
    field: 'body.0.reason',
  },
  {
    name: 'item fee basis',
    method: 'POST',
    url: () => '/api/items',
    body: itemWith('SJ-002', '某某许可', (text) => ({ fee: { standard: '不收费', basis: text } })),
    field: 'body.fee.basis',
  },
  {
    name: 'item material note',
    method: 'POST',
    url: () => '/api/items',
    body: itemWith('SJ-003', '另一许可', (text) => ({
      materials: [
        { id: 'm1', name: '申请书', required: true, form: 'original', count: 1, note: text },
      ],
    })),
    field: 'body.materials.0.note',
  },
];

eachDialect('admin: printed text', (t) => {
  it('every route to a notice refuses a hidden character at its field and changes nothing', async () => {
    const { call, tokenFor, window, versions } = testApp(t());
    const token = await tokenFor('manager');
    const windowId = await window('SJ01');
    const before = await versions();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(...printedHidden),
        fc.nat({ max: 4 }),
        async (route, code, at) => {
          const text = ['西', '安', '市', '人民政府']
            .toSpliced(at, 0, String.fromCharCode(code))
            .join('');
          const res = await call(route.method, route.url(windowId), {
            token,
            body: route.body(text),
          });
          expect(res.statusCode, route.name).toBe(400);
          expect(res.json(), route.name).toMatchObject({
            error: {
              code: 'invalid_input',
              field: route.field,
              message: expect.stringContaining(
                `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
              ),
            },
          });
        },
      ),
      { numRuns: 40 },
    );
    expect(await versions()).toEqual(before);
    // and the same routes take ordinary text, the middle dot of a minority name included
    for (const route of routes) {
      const res = await call(route.method, route.url(windowId), {
        token,
        body: route.body('阿依古丽·买买提（西安）'),
      });
      expect(res.statusCode, route.name).toBeLessThan(300);
    }
  });

  it('a department, item and window stored before still read', async () => {
    const { call, tokenFor, window } = testApp(t());
    const token = await tokenFor('manager');
    await window('SJ01');
    const rlo = '\u202e';
    await t()
      .db.updateTable('departments')
      .set({ name: `市场${rlo}监管局`, court: `西安市\u200f中级人民法院` })
      .where('code', '=', 'SJ')
      .execute();
    await t()
      .db.updateTable('windows')
      .set({ name: `一号${rlo}窗` })
      .execute();
    const old = { ...item, fee: { standard: '不收费', basis: `未设立\u2028收费项目` } };
    await t().db.insertInto('items').values(itemRow(old)).execute();

    const departments = await call('GET', '/api/departments', { token });
    expect(departments.statusCode).toBe(200);
    expect(departments.json()).toEqual([
      { code: 'SJ', name: `市场${rlo}监管局`, court: `西安市\u200f中级人民法院` },
    ]);
    const items = await call('GET', '/api/items', { token });
    expect(items.statusCode).toBe(200);
    expect(items.json<ServiceItem[]>()[0]?.fee.basis).toBe(`未设立\u2028收费项目`);
    const windows = await call('GET', '/api/windows', { token });
    expect(windows.json<{ name: string }[]>()[0]?.name).toBe(`一号${rlo}窗`);
    // and a terminal's pull still parses them: the wire reads leniently
    expect(storedDepartmentSchema.parse(departments.json<unknown[]>()[0])).toMatchObject({
      name: `市场${rlo}监管局`,
    });
    expect(departmentSchema.safeParse(departments.json<unknown[]>()[0]).success).toBe(false);
  });
});
