import { expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/sync';
import { eachDialect } from '../db/test-db';
import { testApp, testPassword } from '../test-app';
import { lockout } from './lockout';

// The center's refusals at sign-in name their rule, so the terminal can say them in the UI's
// language; the message itself is Chinese only.
eachDialect('sign-in refusals', (t) => {
  it('name the rule: wrong password, deactivated account, locked after repeated failures', async () => {
    const now = new Date('2026-03-02T09:00:00+08:00');
    const { call, member } = testApp(t(), () => now);
    const clerk = await member('clerk');
    const login = async (password: string) => {
      const res = await call('POST', '/api/auth/login', {
        body: { username: clerk.username, password },
      });
      return errorBodySchema.parse(res.json()).error;
    };
    expect(await login('not it')).toEqual({
      code: 'unauthenticated',
      message: '用户名或密码错误',
      rule: 'signIn.wrongPassword',
    });
    for (let i = 1; i < lockout.failures; i += 1) await login('not it');
    expect(await login(testPassword)).toMatchObject({ rule: 'signIn.locked' });

    const other = await member('clerk');
    await t().db.updateTable('staff').set({ active: 0 }).where('id', '=', other.id).execute();
    const deactivated = await call('POST', '/api/auth/login', {
      body: { username: other.username, password: testPassword },
    });
    expect(errorBodySchema.parse(deactivated.json()).error).toMatchObject({
      message: '账号已停用',
      rule: 'signIn.inactive',
    });
  });
});
