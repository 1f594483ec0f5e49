import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  hashPasswordSync,
  isPasswordHash,
  needsRehash,
  passwordCost,
  verifyPassword,
  verifyPasswordSync,
} from './passwords';

describe('password hashes', () => {
  it('verify their own password and refuse another', async () => {
    const stored = await hashPassword('窗口密码1', 1024);
    expect(await verifyPassword('窗口密码1', stored)).toBe(true);
    expect(await verifyPassword('窗口密码2', stored)).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
    expect(verifyPasswordSync('x', 'bcrypt$whatever')).toBe(false);
  });

  it('made at the center verify at a window and the other way round', async () => {
    const center = await hashPassword('窗口密码1', 1024);
    expect(verifyPasswordSync('窗口密码1', center)).toBe(true);
    expect(verifyPasswordSync('窗口密码2', center)).toBe(false);
    const terminal = hashPasswordSync('窗口密码1', 2048);
    expect(await verifyPassword('窗口密码1', terminal)).toBe(true);
    expect(await verifyPassword('窗口密码2', terminal)).toBe(false);
  });

  it('are scrypt$N$r$p$salt$key, recomputable with their parameters', async () => {
    // the format stored in both databases, restated: a change here breaks every stored hash
    for (const stored of [await hashPassword('Cafe\u0301'), hashPasswordSync('Cafe\u0301')]) {
      const [scheme, n, r, p, salt, key] = stored.split('$');
      // OWASP's minimum for scrypt (issue 15): N=2^17, r=8, p=1
      expect([scheme, n, r, p]).toEqual(['scrypt', '131072', '8', '1']);
      const recomputed = scryptSync('Café'.normalize('NFC'), Buffer.from(salt!, 'base64'), 32, {
        N: 131072,
        r: 8,
        p: 1,
        maxmem: 256 * 1024 * 1024,
      });
      expect(recomputed.toString('base64')).toBe(key);
    }
    // four hashes at the production cost (128 MiB each): seconds apiece on a loaded 2-core machine
  }, 120_000);

  it('made with the parameters before issue 15 still verify, and ask to be made anew', async () => {
    // N=2^15 as every hash was stored until issue 15, made here exactly as that release made it
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('窗口密码1', salt, 32, {
      N: 32768,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    });
    const old = `scrypt$32768$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(verifyPasswordSync('窗口密码1', old)).toBe(true);
    expect(await verifyPassword('窗口密码1', old)).toBe(true);
    expect(await verifyPassword('窗口密码2', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword('窗口密码1', passwordCost))).toBe(false);
    // a lower cost is current for whoever asks for that cost (route tests), not for production
    const cheap = await hashPassword('窗口密码1', 1024);
    expect(needsRehash(cheap, 1024)).toBe(false);
    expect(needsRehash(cheap)).toBe(true);
  });

  it('refuse a stored hash that is not ours or would take unbounded memory, without trying', async () => {
    const key = Buffer.alloc(32).toString('base64');
    const salt = Buffer.alloc(16).toString('base64');
    for (const stored of [
      `scrypt$${2 ** 24}$8$1$${salt}$${key}`, // 16 GiB: written into a database by someone else
      `scrypt$1000$8$1$${salt}$${key}`, // not a power of two
      `scrypt$1024$0$1$${salt}$${key}`,
      `scrypt$1024$8$1$${salt}$`, // no key
      '-', // what a terminal holds for staff who may not sign in there
      '',
    ]) {
      expect(isPasswordHash(stored)).toBe(false);
      expect(verifyPasswordSync('x', stored)).toBe(false);
      expect(await verifyPassword('x', stored)).toBe(false);
      expect(needsRehash(stored)).toBe(false);
    }
  });
});
