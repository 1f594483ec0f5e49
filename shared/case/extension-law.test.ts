import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './events';
import type { ItemSnapshot } from './payloads';
import { apply, evaluate } from './reducer';
import { initialCaseState } from './state';
import {
  allMaterialsReceived,
  caseScript,
  extensionPayload,
  noExtensionLaw,
  people,
  receivedPayload,
  singleItem,
} from './test-fixtures';

// Issue 14 part B1: an extension is what the item's own law allows — none where it allows none,
// and counted in the unit that law counts in. The terminal and the center both judge by this.

const { clerk, chief } = people;

const ext = extensionPayload;

function acceptedState(item: ItemSnapshot) {
  const e = caseScript();
  const log: CaseEvent[] = [
    e('received', receivedPayload(item), clerk),
    e('materialsChecked', allMaterialsReceived, clerk),
    e('accepted', {}, clerk),
  ];
  return { e, state: log.reduce(apply, initialCaseState) };
}

/** 医疗机构执业登记: 45日 under its own regulation, which allows no extension. */
const noExtension: ItemSnapshot = { ...singleItem, ...noExtensionLaw };

describe("an extension within the item's own law", () => {
  it('is refused, before anything else, where the law allows none', () => {
    const { e, state } = acceptedState(noExtension);
    expect(evaluate(state, e('extended', ext(5), chief))).toEqual({
      ok: false,
      rule: 'extension.notAllowed',
      message:
        '本事项的法律没有规定可以延长办理期限，不能延期：法定时限依据《医疗机构管理条例》第十六条',
    });
    // not even an approver-less one is told to find an approver first
    expect(evaluate(state, e('extended', { ...ext(5), approver: ' ' }, chief))).toMatchObject({
      rule: 'extension.notAllowed',
    });
  });

  it('counts in the unit of the law: 日 for a calendar-day item', () => {
    const { e, state } = acceptedState({ ...noExtension, extensionDays: 10 });
    expect(evaluate(state, e('extended', ext(10), chief)).ok).toBe(true);
    expect(evaluate(state, e('extended', ext(11), chief))).toMatchObject({
      rule: 'extension.beyondLimit',
      message: '延长的期限超过了本事项法定可延长的期限：本事项最多可延长10日，申请延长11日',
    });
  });

  it('reads a case received before the catalog carried the law as working days', () => {
    const { e, state } = acceptedState(singleItem);
    expect(evaluate(state, e('extended', ext(10), chief)).ok).toBe(true);
    expect(evaluate(state, e('extended', ext(11), chief))).toMatchObject({
      rule: 'extension.beyondLimit',
      message:
        '延长的期限超过了本事项法定可延长的期限：本事项最多可延长10个工作日，申请延长11个工作日',
    });
  });
});
