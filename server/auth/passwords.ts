import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// The SAME format as the terminal's electron/store/passwords.ts, which verifies the hashes the
// center sends so that staff can sign in at a window while the center is unreachable:
//   scrypt$N$r$p$<salt base64>$<key base64>
// Asynchronous here: a 50 ms synchronous hash would stall every other request of the process.
const N = 1 << 15;
const r = 8;
const p = 1;
const keyLength = 32;
const maxmem = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, length: number, opts: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, { ...opts, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `cost` is scrypt's N; only tests lower it (the hash records it, so verifying still works). */
export async function hashPassword(password: string, cost = N): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, keyLength, { N: cost, r, p });
  return `scrypt$${cost}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, rr, pp, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
  });
  return timingSafeEqual(actual, expected);
}
