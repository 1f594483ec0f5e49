import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// One format for the terminal and the center: the center sends staff hashes to the windows so
// that staff can sign in at a window while the center is unreachable.
//   scrypt$N$r$p$<salt base64>$<key base64>
// N=2^17, r=8, p=1 is OWASP's current minimum for scrypt (Password Storage Cheat Sheet): ~250 ms
// and 128 MiB per sign-in on a hall PC. The parameters travel in the hash, so hashes made with
// older ones (N=2^15 until issue 15) still verify, and are made anew at the next sign-in
// (needsRehash).
export const passwordCost = 1 << 17;
const r = 8;
const p = 1;
const keyLength = 32;

// scrypt needs 128·N·r bytes plus a little; OpenSSL refuses anything above maxmem, and Node's
// default (32 MiB) is below even the old cost. Twice the need leaves room for its bookkeeping.
const memoryFor = (cost: number, blockSize: number) => 2 * 128 * cost * blockSize;

// A stored hash names its own cost: one written into a database by someone else must not make a
// sign-in allocate gigabytes. 1 GiB (N=2^20 with r=8) is well above anything this program makes.
const maxNeed = 1 << 30;

type Params = { salt: Buffer; key: Buffer; options: ScryptOptions & { N: number; r: number } };

function format(cost: number, salt: Buffer, key: Buffer): string {
  return `scrypt$${cost}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

const isPowerOfTwo = (n: number) => Number.isSafeInteger(n) && n > 1 && (n & (n - 1)) === 0;

/** A cost an operator may choose (center --password-cost): 2^10 … 2^20. */
export function isValidPasswordCost(n: number): boolean {
  return isPowerOfTwo(n) && n >= 1 << 10 && n <= 1 << 20;
}

/** What a stored hash was made with, or null when it is not one of ours (or not a usable one). */
function parse(stored: string): Params | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, rr, pp, salt, key] = parts as [string, string, string, string, string, string];
  const options = { N: Number(n), r: Number(rr), p: Number(pp) };
  if (!isPowerOfTwo(options.N) || !Number.isInteger(options.r) || options.r < 1) return null;
  if (128 * options.N * options.r > maxNeed) return null;
  if (!Number.isInteger(options.p) || options.p < 1 || options.p > 4) return null;
  const keyBytes = Buffer.from(key, 'base64');
  if (keyBytes.length < 16) return null;
  return {
    salt: Buffer.from(salt, 'base64'),
    key: keyBytes,
    options: { ...options, maxmem: memoryFor(options.N, options.r) },
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
 * The center's: asynchronous, since a 250 ms synchronous hash would stall every other request of
 * the process. `cost` is scrypt's N; only tests lower it (the hash records it, so verifying still
 * works).
 */
export async function hashPassword(password: string, cost = passwordCost): Promise<string> {
  const salt = randomBytes(16);
  const options = { N: cost, r, p, maxmem: memoryFor(cost, r) };
  return format(cost, salt, await derive(password, salt, keyLength, options));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const params = parse(stored);
  if (!params) return false;
  const actual = await derive(password, params.salt, params.key.length, params.options);
  return timingSafeEqual(actual, params.key);
}

/**
 * Whether a hash that just verified was made with weaker parameters than `cost` (and this
 * format's r, p and key length): then it is made anew from the password in hand. A hash that is
 * not ours at all never verifies, so it never gets here.
 */
export function needsRehash(stored: string, cost = passwordCost): boolean {
  const params = parse(stored);
  if (!params) return false;
  return (
    params.options.N < cost ||
    params.options.r < r ||
    (params.options.p ?? 1) < p ||
    params.key.length < keyLength
  );
}

/** Whether `stored` can verify any password at all (a record sent without its hash cannot). */
export function isPasswordHash(stored: string): boolean {
  return parse(stored) !== null;
}

/**
 * The terminal's: its commands are synchronous and run inside one better-sqlite3 transaction,
 * which cannot wait for a callback; the main process serves one window, so nothing else stalls.
 * `cost` as for hashPassword.
 */
export function hashPasswordSync(password: string, cost = passwordCost): string {
  const salt = randomBytes(16);
  const options = { N: cost, r, p, maxmem: memoryFor(cost, r) };
  return format(cost, salt, scryptSync(password.normalize('NFC'), salt, keyLength, options));
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
