import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiddenCharacter, typedText } from './index';

// Issue 15 point 7: typed text refuses what changes how it reads without being seen, and takes
// every ordinary name a hall meets.

const name = typedText({ required: '必填', max: 100 });
const remark = typedText({ max: 2000, lines: true });

const hiddenCodes = [
  ...range(0x202a, 0x202e),
  ...range(0x2066, 0x2069),
  ...range(0x200b, 0x200f),
  0x061c,
  0x2028,
  0x2029,
  0x2060,
  0xfeff,
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

// what people at a window type: CJK ideographs, the middle dot of minority names, full-width
// punctuation, Latin letters and digits, spaces inside
const ordinaryChar = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('·', '（', '）', '，', '。', '、', '：', '；', '“', '”', '《', '》', '－', '　'),
  fc.constantFrom(...'ABCxyz0123456789 -.'.split('')),
  // characters beyond the BMP (rare surnames of CJK Extension B) are whole surrogate pairs
  fc.constantFrom('𠀋', '𡈼', '𪚥'),
);
const ordinary = fc
  .array(ordinaryChar, { minLength: 1, maxLength: 40 })
  .map((cs) => cs.join(''))
  .filter((s) => s.trim().length > 0);

describe('typed text', () => {
  it('takes the names a hall meets', () => {
    for (const ok of [
      '阿依古丽·买买提',
      '阿卜杜热合曼·艾则孜',
      '张三',
      '深圳市某某科技有限公司（分公司）',
      '李四，王五。',
      'Zhang San',
      '𠀋𡈼',
    ]) {
      expect(name.safeParse(ok)).toEqual({ success: true, data: ok });
    }
    expect(remark.safeParse('第一行\n第二行\t缩进').success).toBe(true);
  });

  it('takes any ordinary text, trimmed', () => {
    fc.assert(
      fc.property(ordinary, (s) => {
        expect(name.safeParse(s)).toEqual({ success: true, data: s.trim() });
        expect(hiddenCharacter(s)).toBeNull();
      }),
    );
  });

  it('refuses a hidden character anywhere in ordinary text, naming it', () => {
    fc.assert(
      fc.property(ordinary, fc.constantFrom(...hiddenCodes), fc.nat(), (s, code, at) => {
        const i = at % (s.length + 1);
        // never between the halves of a surrogate pair: that would make a lone surrogate, a
        // different (also refused) thing
        const cut = /[\uD800-\uDBFF]/.test(s[i - 1] ?? '') ? i + 1 : i;
        const bad = s.slice(0, cut) + String.fromCharCode(code) + s.slice(cut);
        const parsed = name.safeParse(bad);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]?.message).toContain(hex(code));
        expect(remark.safeParse(bad).success).toBe(false);
      }),
    );
  });

  it('refuses lone surrogates, keeps surrogate pairs', () => {
    fc.assert(
      fc.property(ordinary, fc.integer({ min: 0xd800, max: 0xdfff }), (s, unit) => {
        const bad = `${s}${String.fromCharCode(unit)}`;
        expect(name.safeParse(bad).success).toBe(false);
        expect(name.safeParse(`${String.fromCharCode(unit)}${s}`).success).toBe(false);
      }),
    );
    expect(hiddenCharacter('王\uD842')).toBe('U+D842');
    expect(hiddenCharacter('\uDFB7王')).toBe('U+DFB7');
    expect(hiddenCharacter('\uD842\uDFB7')).toBeNull();
  });

  it('names the override in a reversed-looking name', () => {
    const parsed = name.safeParse('张三\u202E四李');
    expect(parsed.error?.issues[0]?.message).toBe(
      '含有看不见的格式字符（U+202E），会改变文字的显示顺序或藏起内容，请删除后重新输入',
    );
  });
});
