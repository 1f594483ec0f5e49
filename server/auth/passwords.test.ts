import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';

describe('center password hashes', () => {
  it('verify their own password and refuse another', async () => {
    const stored = await hashPassword('窗口密码1');
    expect(await verifyPassword('窗口密码1', stored)).toBe(true);
    expect(await verifyPassword('窗口密码2', stored)).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  });

  it('are in the terminal’s format: scrypt$N$r$p$salt$key, recomputable with its parameters', async () => {
    // the terminal's algorithm, restated (server/ may not import electron/)
    const stored = await hashPassword('Cafe\u0301');
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    const recomputed = scryptSync('Café'.normalize('NFC'), Buffer.from(salt!, 'base64'), 32, {
      N: 32768,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    expect(recomputed.toString('base64')).toBe(key);
  });
});
