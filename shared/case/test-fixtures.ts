// Shared by the domain's tests (case, reports): people, items, a fixed calendar and an event builder.
import { createCalendar, type Calendar } from '../calendar';
import { domainTables } from '../calendar/law-days.fixture';
import type { Actor, CaseEvent } from './events';
import type { CaseEventPayload, CaseEventType, ItemSnapshot } from './payloads';

/** The State Council's 2025 table as printed in DOMAIN.md, independent of any library. */
export const fixedCalendar: Calendar = createCalendar({
  official: { '2025': domainTables['2025'] },
  closures: [],
});

export const people = {
  clerk: { userId: 'u-clerk', name: '王窗口', role: 'clerk' },
  clerk2: { userId: 'u-clerk2', name: '刘窗口', role: 'clerk' },
  reviewer: { userId: 'u-rev', name: '李审查', role: 'reviewer' },
  reviewer2: { userId: 'u-rev2', name: '赵复核', role: 'reviewer' },
  chief: { userId: 'u-chief', name: '张首席', role: 'chief' },
  chief2: { userId: 'u-chief2', name: '孙首席', role: 'chief' },
  supervisor: { userId: 'u-sup', name: '陈监察', role: 'supervisor' },
  manager: { userId: 'u-mgr', name: '周主任', role: 'manager' },
} as const satisfies Record<string, Actor>;

export const singleItem: ItemSnapshot = {
  code: 'SCJ-001',
  name: '食品经营许可',
  departmentCode: 'SCJ',
  reviewMode: 'single',
  promisedDays: 5,
  statutoryDays: 20,
  extensionDays: 10,
  joint: false,
  materials: [
    { id: 'm1', name: '申请书', required: true, form: 'original', count: 1 },
    { id: 'm2', name: '营业执照', required: true, form: 'copy', count: 1 },
    { id: 'm3', name: '经营场所平面图', required: false, form: 'either', count: 1 },
  ],
};

export const twoPersonItem: ItemSnapshot = {
  ...singleItem,
  code: 'ZJJ-007',
  name: '建筑工程施工许可',
  reviewMode: 'twoPerson',
};

export const jointItem: ItemSnapshot = {
  ...singleItem,
  code: 'FGJ-003',
  name: '固定资产投资项目核准',
  statutoryDays: 45,
  extensionDays: 15,
  joint: true,
};

/** ISO 8601 with the +08:00 offset for an instant, as a window terminal writes it. */
export function shanghaiIso(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

export type EventOptions = { at?: string; caseId?: string; id?: string };

/**
 * Builds the events of one case in order: each event is 10 minutes after the previous one unless
 * `at` says otherwise, and ids count up.
 */
export function caseScript(caseId = 'case-1', start = '2025-03-03T09:00:00+08:00') {
  let n = 0;
  let clock = Date.parse(start) - 10 * 60_000;
  return function event<T extends CaseEventType>(
    type: T,
    payload: CaseEventPayload<T>,
    actor: Actor,
    options: EventOptions = {},
  ): CaseEvent {
    n += 1;
    clock = options.at ? Date.parse(options.at) : clock + 10 * 60_000;
    return {
      id: options.id ?? `${caseId}-e${n}`,
      caseId: options.caseId ?? caseId,
      type,
      payload,
      actor,
      windowId: 'w-01',
      occurredAt: options.at ?? shanghaiIso(clock),
    } as CaseEvent;
  };
}

export function receivedPayload(item: ItemSnapshot = singleItem): CaseEventPayload<'received'> {
  return {
    caseNumber: 'SCJ-20250303-01-0001',
    item,
    applicant: {
      kind: 'person',
      name: '申请人甲',
      idNumber: '110101199003077777',
      mobile: '13800138000',
    },
    channel: 'window',
    calendarVersion: fixedCalendar.version,
  };
}

export const allMaterialsReceived: CaseEventPayload<'materialsChecked'> = {
  materials: [
    { materialId: 'm1', status: 'received' },
    { materialId: 'm2', status: 'received' },
  ],
};

export const pausePayload: CaseEventPayload<'paused'> = {
  procedure: 'expertReview',
  expectedWorkingDays: 5,
  applicantNoticeRef: '特告〔2025〕1号',
  centerFilingRef: '中心备〔2025〕1号',
};

/** The seal on the decision event `decisionEventId`, with a stand-in for that event's hash. */
export function sealOn(decisionEventId: string): CaseEventPayload<'stamped'> {
  return {
    decisionEventId,
    decisionHash: 'f'.repeat(64),
    decisionNumber: `SJ准〔2025〕${decisionEventId}号`,
  };
}

export const approval: CaseEventPayload<'decided'> = {
  outcome: 'approve',
  granted: '准予食品经营许可',
  // the fixtures' items let the decision set the validity: a chief must enter it
  validUntil: '2030-03-01',
};

/** An extension of `workingDays` as the chief records it (the days are in the item's unit). */
export function extensionPayload(workingDays: number): CaseEventPayload<'extended'> {
  return {
    workingDays,
    approver: '局长 王某',
    reason: '需现场核查',
    applicantNoticeRef: '延告〔2026〕3号',
  };
}

/** The law of 医疗机构执业登记 on an item: 45日 under its own regulation, no extension at all. */
export const noExtensionLaw = {
  statutoryDays: 45,
  statutoryUnit: 'calendarDays',
  statutoryBasis: '《医疗机构管理条例》第十六条',
  extensionDays: 0,
  publicationPausesStatutory: false,
  validity: { kind: 'decided' },
} as const satisfies Partial<ItemSnapshot>;
