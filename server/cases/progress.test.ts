import { describe, expect, it } from 'vitest';
import { maskName } from '../../shared/ids';

describe('the applicant’s name on the public progress page', () => {
  it('keeps the first character and, past two, the last', () => {
    expect(maskName('张三明')).toBe('张*明');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('*');
    // characters outside the BMP count as one
    expect(maskName('𠮷田一')).toBe('𠮷*一');
  });
});
