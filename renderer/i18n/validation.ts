import type { FieldErrors } from 'react-hook-form';
import { useLocale, type Locale } from './index';

// The shared schemas speak Chinese (main and the center answer with the same words); a form in
// an English UI shows these instead (issue 16 point 6). Exact sentences first, then the few that
// carry a number. A sentence not here (a schema newer than this table) shows as the schema says.

const exact: Readonly<Record<string, string>> = {
  必填: 'Required',
  请选择事项: 'Choose an item',
  手机号码应为11位数字: 'A mobile number has 11 digits',
  手机号码应以13至19开头: 'A mobile number starts with 13 to 19',
  身份证号码应为18位: 'A resident ID has 18 characters',
  '身份证号码前17位应为数字，最后一位为数字或X': 'A resident ID is 17 digits and a last digit or X',
  身份证号码的地区码无效: "The resident ID's region code is not valid",
  身份证号码中的出生日期无效: "The resident ID's date of birth is not valid",
  身份证号码中的出生日期早于1900年: "The resident ID's date of birth is before 1900",
  身份证号码中的出生日期晚于今天: "The resident ID's date of birth is after today",
  身份证号码校验码错误: "The resident ID's check character is wrong",
  统一社会信用代码应为18位: 'A USCC has 18 characters',
  统一社会信用代码校验码错误: "The USCC's check character is wrong",
  '统一社会信用代码含有无效字符（只用数字和大写字母，不用I、O、Z、S、V）':
    'The USCC has invalid characters (digits and capitals only, no I, O, Z, S or V)',
  含有不可见的控制字符: 'Contains invisible control characters',
  '日期须形如 2026-03-02': 'A date looks like 2026-03-02',
  请输入用户名: 'Enter the username',
  请输入密码: 'Enter the password',
  请输入登录密码: 'Enter your sign-in password',
  盖章密码为6位数字: 'The seal PIN is 6 digits',
  同一材料只能出现一次: 'A material may appear only once',
  请填写仍然新建的理由: 'Give the reason for creating a new case',
  '请写明仍然新建的理由（至少两个字）': 'Write the reason for a new case (at least two characters)',
  有缺陷的材料须写明缺陷: 'A defective material needs its defect described',
  '非本机关职权范围的，须告知向哪个机关申请':
    "Outside this agency's powers: name the agency to apply to",
  邮寄或电子送达须写明送达地址和回执编号:
    'Mail or electronic delivery needs an address and a receipt number',
};

const patterns: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^不能超过(\d+)个字$/, (m) => `At most ${m[1]} characters`],
  [
    /^含有看不见的格式字符（(.+)），/,
    (m) => `Contains an invisible formatting character (${m[1]}): delete it and type again`,
  ],
];

/** A schema's message in the user's language. */
export function validationText(message: string, locale: Locale): string {
  if (locale !== 'en') return message;
  const known = exact[message];
  if (known) return known;
  for (const [pattern, english] of patterns) {
    const m = pattern.exec(message);
    if (m) return english(m);
  }
  return message;
}

function translate(errors: FieldErrors, locale: Locale): FieldErrors {
  for (const value of Object.values(errors)) {
    if (!value || typeof value !== 'object') continue;
    const e = value as { message?: unknown };
    if (typeof e.message === 'string') e.message = validationText(e.message, locale);
    translate(value as FieldErrors, locale);
  }
  return errors;
}

/**
 * A form's resolver (zodResolver over the very schema main parses with) with its messages in the
 * current language: the check stays one, the shared schema; only its words are translated.
 */
export function localized<A extends unknown[], R extends { errors: FieldErrors }>(
  resolve: (...args: A) => Promise<R> | R,
): (...args: A) => Promise<R> {
  return async (...args) => {
    const result = await resolve(...args);
    translate(result.errors, useLocale.getState().locale);
    return result;
  };
}
