import { expect, it } from 'vitest';
import { eachDialect } from '../db/test-db';
import { testApp } from '../test-app';
import { enrollmentCodeHash } from './enrollment-code';

eachDialect('admin: enrollment codes', (t) => {
  it('issues a one-day code for a window, keeping only its hash', async () => {
    const now = new Date('2026-03-02T09:00:00+08:00');
    const { call, member, window } = testApp(t(), () => now);
    const manager = await member('manager');
    const windowId = await window('SJ01');
    const res = await call('POST', `/api/windows/${windowId}/enrollment-codes`, {
      token: manager.token,
    });
    expect(res.statusCode).toBe(201);
    const { code, expiresAt } = res.json<{ code: string; expiresAt: string }>();
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{4}(-[ACDEFGHJKMNPQRTUVWXY34679]{4}){2}$/);
    expect(expiresAt).toBe('2026-03-03T09:00:00.000+08:00');
    const rows = await t().db.selectFrom('enrollment_codes').selectAll().execute();
    expect(rows).toEqual([
      {
        code_hash: enrollmentCodeHash(code),
        window_id: windowId,
        created_by: manager.id,
        created_at: '2026-03-02T09:00:00.000+08:00',
        expires_at: expiresAt,
        used_at: null,
        device_id: null,
      },
    ]);
    // as typed at the terminal: lower case, spaces instead of dashes
    expect(enrollmentCodeHash(code.toLowerCase().replace(/-/g, ' '))).toBe(rows[0]?.code_hash);
  });

  it('answers 404 for an unknown window and 403 for a supervisor', async () => {
    const { call, tokenFor, window } = testApp(t());
    const token = await tokenFor('manager');
    expect((await call('POST', '/api/windows/nope/enrollment-codes', { token })).statusCode).toBe(
      404,
    );
    const windowId = await window('SJ01');
    const supervisor = await tokenFor('supervisor');
    const res = await call('POST', `/api/windows/${windowId}/enrollment-codes`, {
      token: supervisor,
    });
    expect(res.statusCode).toBe(403);
    expect(await t().db.selectFrom('enrollment_codes').selectAll().execute()).toEqual([]);
  });
});
