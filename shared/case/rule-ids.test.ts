import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api';
import { isRuleId, ruleIds, ruleMessages, type RuleId } from './rule-ids';

describe('rule ids', () => {
  it('are a closed set: an id outside the union does not compile', () => {
    // @ts-expect-error -- not a rule: a typo in a rule id must fail the build, not a clerk's screen
    const typo: RuleId = 'seal.wrongPni';
    // @ts-expect-error -- ApiError.rule takes rule ids only, never a free string
    const failure: ApiError = { code: 'not_allowed', message: '盖章密码不正确', rule: 'seal.pin' };
    expect(isRuleId(typo)).toBe(false);
    expect(isRuleId(failure.rule)).toBe(false);
    expect(isRuleId('seal.wrongPin')).toBe(true);
  });

  it('each say in Chinese what the clerk sees', () => {
    for (const id of ruleIds) expect(ruleMessages[id], id).toMatch(/^\p{Script=Han}/u);
  });

  it('include the seal, deemed-acceptance and sign-in rules', () => {
    expect(ruleIds).toEqual(
      expect.arrayContaining([
        'seal.pinNotSet',
        'seal.wrongPin',
        'seal.locked',
        'seal.trivialPin',
        'intake.deemedAccepted',
        'signIn.wrongPassword',
        'signIn.locked',
        'signIn.inactive',
      ]),
    );
  });
});
