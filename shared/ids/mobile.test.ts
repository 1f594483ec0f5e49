import { describe, expect, it } from 'vitest';
import { checkMobile } from './mobile';

describe('checkMobile', () => {
  it('accepts 11 digits starting 13–19', () => {
    for (const m of ['13800138000', '15912345678', '19912345678'])
      expect(checkMobile(m)).toEqual({ ok: true });
  });

  it('rejects wrong length, non-digits and other prefixes', () => {
    for (const m of [
      '1380013800',
      '138001380001',
      '1380013800a',
      '+8613800138',
      ' 13800138000',
      '',
    ]) {
      expect(checkMobile(m)).toEqual({ ok: false, reason: '手机号码应为11位数字' });
    }
    for (const m of ['12345678901', '10086100861', '23800138000']) {
      expect(checkMobile(m)).toEqual({ ok: false, reason: '手机号码应以13至19开头' });
    }
  });
});
