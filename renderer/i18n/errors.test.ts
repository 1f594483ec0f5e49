import { describe, expect, it } from 'vitest';
import { ruleIds, ruleMessages } from '../../shared/case';
import { errorMessage, ruleSentencesEn } from './errors';

describe("the renderer's English error catalogue", () => {
  it('has an English sentence for every rule id', () => {
    for (const id of ruleIds) {
      expect(ruleSentencesEn[id], id).toMatch(/^[A-Z]/);
      expect(ruleSentencesEn[id], id).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it("shows a rule's refusal in English when the UI is English, and main's Chinese otherwise", () => {
    const error = {
      code: 'not_allowed',
      message: ruleMessages['seal.pinNotSet'],
      rule: 'seal.pinNotSet',
    } as const;
    expect(errorMessage(error, 'en')).toBe('No seal PIN yet: set one first');
    expect(errorMessage(error, 'zh-CN')).toBe('尚未设置盖章密码：请先设置');
  });

  it('keeps what the Chinese message says beyond the rule, in Chinese', () => {
    expect(
      errorMessage(
        { code: 'not_allowed', message: '盖章密码不正确，还可再试3次', rule: 'seal.wrongPin' },
        'en',
      ),
    ).toBe('Wrong seal PIN (还可再试3次)');
    expect(
      errorMessage(
        {
          code: 'not_allowed',
          message: `${ruleMessages['power.accept']}（食品经营许可）`,
          rule: 'power.accept',
        },
        'en',
      ),
    ).toBe(
      'This window holds no acceptance power for the item: it cannot receive it (食品经营许可)',
    );
  });

  it('says a failure without a rule by its code, with the Chinese detail', () => {
    expect(
      errorMessage({ code: 'unavailable', message: '中心暂时无法连接，请稍后再试' }, 'en'),
    ).toBe('Cannot be reached right now: try again later (中心暂时无法连接，请稍后再试)');
  });
});
