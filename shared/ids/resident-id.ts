import { shanghaiDate } from '../calendar/instant';
import { isLocalDate, type LocalDate } from '../calendar/local-date';
import { invalid, valid, type IdCheck } from './id-check';

// GB 11643-1999 citizen identity number: 6-digit address code, 8-digit birth date, 3-digit
// sequence, ISO 7064 MOD 11-2 check character.

// Weights are 2^(17-i) mod 11 for positions i = 0…16.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

// First two digits of the address code (GB/T 2260 provinces, plus 71 Taiwan, 81 Hong Kong,
// 82 Macao). 83 is added because residence permits of Taiwan residents (港澳台居民居住证,
// 2018) carry 830000 in this same format, and such applicants do come to the windows.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/** The check character for 17 digits (used by tests and demo-data generators). */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17))
    throw new Error(`residentIdCheckChar needs 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Strict: the string must be exactly the 18 characters (upper-case X); the zod schema normalises. */
export function checkResidentId(id: string, today: LocalDate = shanghaiDate(Date.now())): IdCheck {
  if (id.length !== 18) return invalid('身份证号码应为18位');
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('身份证号码前17位应为数字，最后一位为数字或X');
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return invalid('身份证号码的地区码无效');
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isLocalDate(birth)) return invalid('身份证号码中的出生日期无效');
  if (birth < '1900-01-01') return invalid('身份证号码中的出生日期早于1900年');
  if (birth > today) return invalid('身份证号码中的出生日期晚于今天');
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return invalid('身份证号码校验码错误');
  return valid;
}
