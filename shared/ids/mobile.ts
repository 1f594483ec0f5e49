import { invalid, valid, type IdCheck } from './id-check';

/** Mainland mobile numbers: 11 digits, 13x–19x. */
export function checkMobile(m: string): IdCheck {
  if (!/^\d{11}$/.test(m)) return invalid('手机号码应为11位数字');
  if (!/^1[3-9]/.test(m)) return invalid('手机号码应以13至19开头');
  return valid;
}
