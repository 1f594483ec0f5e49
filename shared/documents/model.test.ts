import { describe, expect, it } from 'vitest';
import { normalizeVerificationCode, verificationCode } from './model';

describe('verification codes', () => {
  it('are read back the way they were printed', () => {
    expect(normalizeVerificationCode(' abcd efgh-jkmn ')).toBe('ABCD-EFGH-JKMN');
    // the letters base32 leaves out are the digits they look like
    expect(normalizeVerificationCode('O1IL-0000-0000')).toBe('0111-0000-0000');
    expect(normalizeVerificationCode('ABCD-EFGH-JKMU')).toBeNull();
    expect(normalizeVerificationCode('ABCD')).toBeNull();
  });

  it('are 12 Crockford base32 characters of the hash, grouped by four', () => {
    // 0x000000000000001 → ...0001; 0xfffffffffffffff → all 'Z'
    expect(verificationCode('0'.repeat(14) + '1' + '0'.repeat(49))).toBe('0000-0000-0001');
    expect(verificationCode('f'.repeat(64))).toBe('ZZZZ-ZZZZ-ZZZZ');
    expect(verificationCode('0'.repeat(13) + '20' + '0'.repeat(49))).toBe('0000-0000-0010');
  });

  it('differ when the event differs and never use I, L, O or U', () => {
    const a = verificationCode('a3f1c2'.padEnd(64, '7'));
    const b = verificationCode('a3f1c3'.padEnd(64, '7'));
    expect(a).not.toBe(b);
    expect(a + b).not.toMatch(/[ILOU]/);
  });

  it('refuse what is not a hash', () => {
    expect(() => verificationCode('not-a-hash')).toThrow();
  });
});
