import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, hashPasswordSync, verifyPassword, verifyPasswordSync } from './passwords';

describe('password hashes', () => {
  it('verify their own password and refuse another', async () => {
    const stored = await hashPassword('窗口密码1');
    expect(await verifyPassword('窗口密码1', stored)).toBe(true);
    expect(await verifyPassword('窗口密码2', stored)).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
    expect(verifyPasswordSync('x', 'bcrypt$whatever')).toBe(false);
  });

  it('made at the center verify at a window and the other way round', async () => {
    const center = await hashPassword('窗口密码1', 1024);
    expect(verifyPasswordSync('窗口密码1', center)).toBe(true);
    expect(verifyPasswordSync('窗口密码2', center)).toBe(false);
    const terminal = hashPasswordSync('窗口密码1');
    expect(await verifyPassword('窗口密码1', terminal)).toBe(true);
    expect(await verifyPassword('窗口密码2', terminal)).toBe(false);
  });

  it('are scrypt$N$r$p$salt$key, recomputable with their parameters', async () => {
    // the format stored in both databases, restated: a change here breaks every stored hash
    for (const stored of [await hashPassword('Cafe\u0301'), hashPasswordSync('Cafe\u0301')]) {
      const [scheme, n, r, p, salt, key] = stored.split('$');
      expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
      const recomputed = scryptSync('Café'.normalize('NFC'), Buffer.from(salt!, 'base64'), 32, {
        N: 32768,
        r: 8,
        p: 1,
        maxmem: 64 * 1024 * 1024,
      });
      expect(recomputed.toString('base64')).toBe(key);
    }
  });
});
