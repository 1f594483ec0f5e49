import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../calendar/local-date';
import { checkResidentId, residentIdCheckChar } from './resident-id';

const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

// Valid-looking numbers: a real province, a real birth date 1900–2024, any sequence.
const validIds = fc
  .tuple(
    fc.constantFrom('11', '31', '44', '51', '65', '81'),
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2024-12-31') }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([province, area, birthDay, sequence]) =>
    withCheck(
      province +
        String(area).padStart(4, '0') +
        fromDayNumber(birthDay).replaceAll('-', '') +
        String(sequence).padStart(3, '0'),
    ),
  );

describe('checkResidentId (GB 11643-1999)', () => {
  it('accepts the example from the standard', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(checkResidentId('11010519491231002X')).toEqual({ ok: true });
  });

  it('computes the check of the standard’s 1880 example but refuses births before 1900', () => {
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    expect(checkResidentId('440524188001010014')).toEqual({
      ok: false,
      reason: '身份证号码中的出生日期早于1900年',
    });
  });

  it('accepts generated numbers', () => {
    fc.assert(
      fc.property(validIds, (id) => {
        expect(checkResidentId(id)).toEqual({ ok: true });
      }),
    );
  });

  it('rejects every single-character change', () => {
    const chars = '0123456789XxA ';
    fc.assert(
      fc.property(
        validIds,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...chars),
        (id, position, char) => {
          fc.pre(id[position] !== char);
          const mutated = id.slice(0, position) + char + id.slice(position + 1);
          expect(checkResidentId(mutated).ok).toBe(false);
        },
      ),
    );
  });

  it('names what is wrong', () => {
    const reason = (id: string, today?: string) => {
      const result = checkResidentId(id, today);
      return result.ok ? 'ok' : result.reason;
    };
    expect(reason('11010519491231002')).toBe('身份证号码应为18位');
    expect(reason('11010519491231002XX')).toBe('身份证号码应为18位');
    expect(reason('11010519491231002x')).toBe('身份证号码前17位应为数字，最后一位为数字或X');
    expect(reason('1101051949123100A2')).toBe('身份证号码前17位应为数字，最后一位为数字或X');
    expect(reason(withCheck('90010519491231002'))).toBe('身份证号码的地区码无效');
    expect(reason(withCheck('10010519491231002'))).toBe('身份证号码的地区码无效');
    expect(reason(withCheck('11010519490230002'))).toBe('身份证号码中的出生日期无效');
    expect(reason(withCheck('11010519491331002'))).toBe('身份证号码中的出生日期无效');
    expect(reason(withCheck('11010520230229002'))).toBe('身份证号码中的出生日期无效');
    expect(reason('110105194912310021')).toBe('身份证号码校验码错误');
    expect(reason(withCheck('11010520250304002'), '2025-03-03')).toBe(
      '身份证号码中的出生日期晚于今天',
    );
    expect(reason(withCheck('11010520250303002'), '2025-03-03')).toBe('ok');
    expect(reason(withCheck('11010520990101002'))).toBe('身份证号码中的出生日期晚于今天');
  });

  it('refuses to compute a check character from anything but 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(/17 digits/);
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(/17 digits/);
  });
});
