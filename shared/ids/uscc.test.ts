import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, usccCheckChar } from './uscc';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const validCodes = fc
  .array(fc.constantFrom(...CHARSET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''))
  .map((first17) => first17 + usccCheckChar(first17));

describe('checkUscc (GB 32100-2015)', () => {
  it('accepts a well-known published code', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(checkUscc('91350100M000100Y43')).toEqual({ ok: true });
  });

  it('maps a weighted sum that is a multiple of 31 to the check character 0', () => {
    // Weighted sum 0 → 31 − 0 = 31, which wraps to '0' rather than falling off the charset.
    expect(usccCheckChar('00000000000000000')).toBe('0');
    // '1' then zeros: sum 1 → 31 − 1 = 30 → 'Y', the last character of the charset.
    expect(usccCheckChar('10000000000000000')).toBe('Y');
  });

  it('accepts generated codes', () => {
    fc.assert(
      fc.property(validCodes, (code) => {
        expect(checkUscc(code)).toEqual({ ok: true });
      }),
    );
  });

  it('rejects every single-character change', () => {
    fc.assert(
      fc.property(
        validCodes,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...CHARSET, 'I', 'O', 'Z', 'S', 'V', 'a', '-'),
        (code, position, char) => {
          fc.pre(code[position] !== char);
          expect(checkUscc(code.slice(0, position) + char + code.slice(position + 1)).ok).toBe(
            false,
          );
        },
      ),
    );
  });

  it('names what is wrong', () => {
    const badCharset = '统一社会信用代码含有无效字符（只用数字和大写字母，不用I、O、Z、S、V）';
    expect(checkUscc('91350100M000100Y4')).toEqual({
      ok: false,
      reason: '统一社会信用代码应为18位',
    });
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(checkUscc(`91350100${letter}000100Y43`)).toEqual({ ok: false, reason: badCharset });
    }
    expect(checkUscc('91350100m000100y43')).toEqual({ ok: false, reason: badCharset });
    expect(checkUscc('91350100M000100Y44')).toEqual({
      ok: false,
      reason: '统一社会信用代码校验码错误',
    });
    expect(() => usccCheckChar('91350100M000100I4')).toThrow(/charset/);
  });
});
