import fc from 'fast-check';
import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';

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
