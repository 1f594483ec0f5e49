import { describe, expect, it } from 'vitest';
import { mobileSchema, residentIdSchema, usccSchema } from './schemas';

describe('id schemas for the API layer', () => {
  it('normalise spaces and case before the strict check', () => {
    expect(residentIdSchema.parse(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(usccSchema.parse('91350100m000100y43\n')).toBe('91350100M000100Y43');
    expect(mobileSchema.parse(' 13800138000')).toBe('13800138000');
  });

  it('report the Chinese reason of the check', () => {
    const result = residentIdSchema.safeParse('110105194912310021');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['身份证号码校验码错误']);
    expect(usccSchema.safeParse('91350100M000100Y44').error?.issues[0]?.message).toBe(
      '统一社会信用代码校验码错误',
    );
    expect(mobileSchema.safeParse('12345678901').error?.issues[0]?.message).toBe(
      '手机号码应以13至19开头',
    );
    expect(residentIdSchema.safeParse(12345).success).toBe(false);
  });
});
