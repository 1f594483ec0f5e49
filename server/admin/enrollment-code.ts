import { randomInt } from 'node:crypto';
import { sha256Hex } from '../http/tokens';

// Read aloud or typed from a slip of paper at a window PC: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
const alphabet = 'ACDEFGHJKMNPQRTUVWXY34679';
const length = 12;

/** A fresh one-time enrollment code, grouped XXXX-XXXX-XXXX. ~56 bits, valid for a day. */
export function newEnrollmentCode(): string {
  const chars = Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/**
 * What is stored and looked up: the SHA-256 of the code without dashes or spaces, upper-cased,
 * so that 'acde fghj-kmnp' as typed finds the code that was issued. The enroll route uses this too.
 */
export function enrollmentCodeHash(code: string): string {
  return sha256Hex(code.replace(/[\s-]/g, '').toUpperCase());
}
