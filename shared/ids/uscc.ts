import { invalid, valid, type IdCheck } from './id-check';

// GB 32100-2015 unified social credit code: registration department (1), organisation type (1),
// administrative division (6), organisation code (9), MOD 31 check character (1). The letters
// I, O, Z, S, V are never used, to avoid confusion with 1, 0, 2, 5, U.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The check character for the first 17 characters (used by tests and demo-data generators). */
export function usccCheckChar(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) {
    throw new Error(
      `usccCheckChar needs 17 characters of the USCC charset, got ${JSON.stringify(first17)}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** Strict: upper-case only; the zod schema normalises. Checks length, charset and check character. */
export function checkUscc(code: string): IdCheck {
  if (code.length !== 18) return invalid('统一社会信用代码应为18位');
  if (!PATTERN.test(code))
    return invalid('统一社会信用代码含有无效字符（只用数字和大写字母，不用I、O、Z、S、V）');
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return invalid('统一社会信用代码校验码错误');
  return valid;
}
