import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// One format for the terminal and the center: the center sends staff hashes to the windows so
// that staff can sign in at a window while the center is unreachable.
//   scrypt$N$r$p$<salt base64>$<key base64>
// N=2^15 is ~50 ms per login on a hall PC, slow enough to make a stolen database expensive to
// brute-force. The parameters travel in the hash so they can be raised later without breaking
// the hashes already stored.
const N = 1 << 15;
const r = 8;
const p = 1;
const keyLength = 32;
const maxmem = 64 * 1024 * 1024;

type Params = { salt: Buffer; key: Buffer; options: ScryptOptions };

function format(cost: number, salt: Buffer, key: Buffer): string {
  return `scrypt$${cost}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** What a stored hash was made with, or null when it is not one of ours. */
function parse(stored: string): Params | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, rr, pp, salt, key] = parts as [string, string, string, string, string, string];
  return {
    salt: Buffer.from(salt, 'base64'),
    key: Buffer.from(key, 'base64'),
    options: { N: Number(n), r: Number(rr), p: Number(pp), maxmem },
  };
}

function derive(password: string, salt: Buffer, length: number, options: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * The center's: asynchronous, since a 50 ms synchronous hash would stall every other request of
 * the process. `cost` is scrypt's N; only tests lower it (the hash records it, so verifying still
 * works).
 */
export async function hashPassword(password: string, cost = N): Promise<string> {
  const salt = randomBytes(16);
  return format(cost, salt, await derive(password, salt, keyLength, { N: cost, r, p, maxmem }));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const params = parse(stored);
  if (!params) return false;
  const actual = await derive(password, params.salt, params.key.length, params.options);
  return timingSafeEqual(actual, params.key);
}

/**
 * The terminal's: its commands are synchronous and run inside one better-sqlite3 transaction,
 * which cannot wait for a callback; the main process serves one window, so nothing else stalls.
 */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16);
  const options = { N, r, p, maxmem };
  return format(N, salt, scryptSync(password.normalize('NFC'), salt, keyLength, options));
}

export function verifyPasswordSync(password: string, stored: string): boolean {
  const params = parse(stored);
  if (!params) return false;
  const actual = scryptSync(
    password.normalize('NFC'),
    params.salt,
    params.key.length,
    params.options,
  );
  return timingSafeEqual(actual, params.key);
}
