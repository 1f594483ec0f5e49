import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { appealNotice } from '../../shared/case';
import type { ServiceItem } from '../../shared/catalog';
import type { CaseDocument } from '../../shared/documents';
import type { Terminal } from '../../electron/services/context';
import {
  getItem,
  insertWindow,
  listItems,
  replaceWindowPowers,
  setSetting,
} from '../../electron/store/reference';
import { CaseNotice } from '../../renderer/features/documents/CaseNotice';
import { ServiceGuide } from '../../renderer/features/documents/ServiceGuide';
import { personApplicant } from '../support/applicants';
import { acceptComplete, attempt, call, terminalAt } from '../support/terminal-api';

// Issue 14 part B1, the printed words: every scenario runs on a real SQLite terminal through the
// dispatcher the renderer reaches, then lays the document out with the very components the print
// page uses and reads the words a reviewer with the law in hand would read.

type Doc<K extends CaseDocument['kind']> = Extract<CaseDocument, { kind: K }>;

/** The words on the sheet, as the applicant reads them (markup gone, entities decoded). */
function words(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const printed = (doc: CaseDocument) =>
  words(renderToStaticMarkup(createElement(CaseNotice, { doc })));

const guide = (item: ServiceItem) =>
  words(
    renderToStaticMarkup(
      createElement(ServiceGuide, {
        item,
        centerName: '示范区政务服务中心',
        departmentName: '住房和城乡建设局',
        date: '2026-03-02',
      }),
    ),
  );

/** A "…日前" that does not say whether the day itself counts: what point 6 of the issue found. */
const bareBefore = /日前(?!（含当日）)/;

const denial = {
  outcome: 'deny',
  facts: '现场核查时经营场所与污染源距离不足25米',
  reasons: '经营场所不符合食品安全要求',
  legalBasis: '《中华人民共和国食品安全法》第三十三条第一款第（一）项',
  appealNotice: appealNotice('市场监督管理局'),
};

const extension = (workingDays: number, approver = '局长 王某') => ({
  workingDays,
  approver,
  reason: '需现场核查',
  applicantNoticeRef: '延告〔2026〕1号',
});

function pinOf(t: Terminal): string {
  return t.demoAccounts.find((a) => a.role === 'chief')!.sealPin!;
}

/**
 * The demo PC moved to a window of another department, with every item of that department
 * delegated in full — what a sync from a center whose window it is enrolled at writes.
 */
function atWindowOf(t: Terminal, departmentCode: string, name: string) {
  const windowId = `w-${departmentCode.toLowerCase()}01`;
  insertWindow(t.db, {
    id: windowId,
    code: `${departmentCode}01`,
    name,
    department_code: departmentCode,
  });
  setSetting(t.db, 'terminal.binding', { windowId, number: 1 });
  t.db.prepare('UPDATE staff SET window_id = ? WHERE window_id IS NOT NULL').run(windowId);
  replaceWindowPowers(
    t.db,
    listItems(t.db, departmentCode).map((i) => ({
      windowId,
      itemCode: i.code,
      powers: ['accept', 'approve', 'coordinate', 'deliver', 'respond', 'certify'],
    })),
  );
}

async function desk(start: string, department?: { code: string; window: string }) {
  const fixture = terminalAt(start);
  if (department) atWindowOf(fixture.t, department.code, department.window);
  return { ...fixture, clerk: await fixture.as('clerk'), chief: await fixture.as('chief') };
}

/** A case of `itemCode` accepted on Monday 2 March at a window of another department. */
async function acceptedElsewhere(departmentCode: string, window: string, itemCode: string) {
  const fixture = await desk('2026-03-02T09:00:00+08:00', { code: departmentCode, window });
  const caseId = await acceptedCase(fixture.t, fixture.clerk, itemCode, 20);
  return { ...fixture, caseId };
}

async function received(t: Terminal, clerk: string, itemCode: string, n: number) {
  const { caseId } = await call(t, clerk, 'cases.receive', {
    itemCode,
    applicant: personApplicant(n),
    channel: 'window',
  });
  return caseId as string;
}

/** Received with every material in, and accepted at once. */
async function acceptedCase(t: Terminal, clerk: string, itemCode: string, n: number) {
  const caseId = await received(t, clerk, itemCode, n);
  await acceptComplete(t, clerk, caseId, itemCode);
  return caseId;
}

/** The chief records the extension; its notice as the window prints it. */
async function extendedNotice(
  t: Terminal,
  chief: string,
  caseId: string,
  payload: ReturnType<typeof extension>,
) {
  const { eventId } = (await call(t, chief, 'cases.record', {
    caseId,
    type: 'extended',
    payload,
  })) as { eventId: string };
  return documentOf<'extension'>(t, chief, caseId, eventId);
}

async function acceptanceNotice(t: Terminal, clerk: string, caseId: string) {
  return documentOf<'acceptance'>(t, clerk, caseId, await eventOf(t, clerk, caseId, 'accepted'));
}

async function eventOf(t: Terminal, token: string, caseId: string, type: string) {
  const { events } = (await call(t, token, 'cases.get', { caseId })) as {
    events: { id: string; type: string }[];
  };
  return events.filter((e) => e.type === type).at(-1)!.id;
}

async function documentOf<K extends CaseDocument['kind']>(
  t: Terminal,
  token: string,
  caseId: string,
  eventId: string,
): Promise<Doc<K>> {
  return (await call(t, token, 'documents.get', { caseId, eventId })) as Doc<K>;
}

describe('point 1: a deemed acceptance is dated on the day of receipt on every later paper', () => {
  it('prints the receipt day and "视为受理" on the denial, not the day the clerk recorded 受理', async () => {
    // SJ-002 received Monday 2 March; the 5 working days ran out at the end of 9 March
    const { t, clerk, chief, setNow } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await received(t, clerk, 'SJ-002', 1);
    setNow('2026-03-10T09:00:00+08:00');
    await acceptComplete(t, clerk, caseId, 'SJ-002');
    setNow('2026-03-11T10:00:00+08:00');
    await call(t, chief, 'cases.record', { caseId, type: 'decided', payload: denial });
    const sealed = (await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) })) as {
      eventId: string;
    };
    const doc = await documentOf<'decision'>(t, chief, caseId, sealed.eventId);
    expect(doc).toMatchObject({ outcome: 'deny', acceptedAt: '2026-03-02', deemedAccepted: true });
    const text = printed(doc);
    expect(text).toContain(
      '本机关逾期未告知需要补正的内容，依照《中华人民共和国行政许可法》第三十二条第一款第（四）项，自收到申请材料之日（2026年3月2日）起视为受理。',
    );
    expect(text).not.toContain('2026年3月10日');
  });

  it('prints the day 受理 was recorded when the case was accepted in time', async () => {
    const { t, clerk, chief, setNow } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await received(t, clerk, 'SJ-002', 2);
    setNow('2026-03-04T09:00:00+08:00');
    await acceptComplete(t, clerk, caseId, 'SJ-002');
    await call(t, chief, 'cases.record', { caseId, type: 'decided', payload: denial });
    const sealed = (await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) })) as {
      eventId: string;
    };
    const doc = await documentOf<'decision'>(t, chief, caseId, sealed.eventId);
    expect(doc).toMatchObject({ deemedAccepted: false });
    expect(printed(doc)).toContain('本机关于2026年3月4日依法受理。');
    expect(printed(doc)).not.toContain('视为受理');
  });
});

describe("point 2: the extension notice reads the item's own limit, article and approver", () => {
  it('食品经营许可: 10 working days, +5 under its own regulation, by the agency head', async () => {
    // accepted Monday 2 March: 10 working days end 16 March, 5 more end 23 March
    const { t, clerk, chief } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 3);
    const beyond = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'extended',
      payload: extension(6),
    });
    expect(!beyond.ok && beyond.error).toMatchObject({ rule: 'extension.beyondLimit' });
    expect(!beyond.ok && beyond.error.message).toContain(
      '本事项最多可延长5个工作日，申请延长6个工作日',
    );
    const doc = await extendedNotice(t, chief, caseId, extension(5));
    expect(doc).toMatchObject({
      limit: { days: 10, unit: 'workingDays' },
      days: 5,
      extensionBasis: '《食品经营许可和备案管理办法》第二十二条',
      approverTitle: '本机关负责人',
      newStatutoryDate: '2026-03-23',
    });
    const text = printed(doc);
    expect(text).toContain(
      '因需现场核查，在法定的10个工作日内不能作出决定。经本机关负责人批准，根据《食品经营许可和备案管理办法》第二十二条的规定，办理期限延长5个工作日，本机关将于2026年3月23日前（含当日）作出决定。',
    );
    expect(text).toContain('局长 王某（本机关负责人）');
    for (const wrong of ['二十日', '第四十二条', '本级人民政府']) expect(text).not.toContain(wrong);
    expect(text).not.toMatch(bareBefore);
  });

  it('个体工商户设立登记 3+3 and 食品生产许可 10+5 under their own articles', async () => {
    const { t, clerk, chief } = await desk('2026-03-02T09:00:00+08:00');
    const cases = [
      ['SJ-001', 3, '《中华人民共和国市场主体登记管理条例》第十九条', 3],
      ['SJ-004', 5, '《食品生产许可管理办法》第二十二条', 10],
    ] as const;
    for (const [i, [code, days, basis, limit]] of cases.entries()) {
      const caseId = await acceptedCase(t, clerk, code, 10 + i);
      const text = printed(await extendedNotice(t, chief, caseId, extension(days)));
      expect(text).toContain(
        `在法定的${limit}个工作日内不能作出决定。经本机关负责人批准，根据${basis}的规定，办理期限延长${days}个工作日`,
      );
      expect(text).not.toContain('第四十二条');
    }
  });

  it('the joint item: 45 working days, +15 approved by 本级人民政府负责人 under Art. 42(2)', async () => {
    const { t, chief, caseId } = await acceptedElsewhere('ZJ', '住建窗口', 'ZJ-004');
    const doc = await extendedNotice(t, chief, caseId, extension(15, '副区长 刘某'));
    expect(doc).toMatchObject({ joint: true, approverTitle: '本级人民政府负责人', days: 15 });
    const text = printed(doc);
    expect(text).toContain(
      '在法定的45个工作日内不能办结。经本级人民政府负责人批准，根据《中华人民共和国行政许可法》第四十二条第二款的规定，办理期限延长15个工作日',
    );
    expect(text).toContain('副区长 刘某（本级人民政府负责人）');
    expect(text).not.toContain('本机关负责人');
  });

  it('refuses to extend an item whose law allows no extension, saying so plainly', async () => {
    const { t, chief, caseId } = await acceptedElsewhere('WJ', '卫健窗口', 'WJ-002');
    const refused = await attempt(t, chief, 'cases.record', {
      caseId,
      type: 'extended',
      payload: extension(5),
    });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'not_allowed',
      rule: 'extension.notAllowed',
    });
    expect(!refused.ok && refused.error.message).toBe(
      '本事项的法律没有规定可以延长办理期限，不能延期：法定时限依据《医疗机构管理条例》第十六条',
    );
  });
});

describe('point 3: the decision carries one date, the seal’s', () => {
  it('prints the seal date only, for a decision sealed days after it was decided', async () => {
    const { t, clerk, chief, setNow } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 40);
    setNow('2026-03-04T10:00:00+08:00');
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      // blank: the item's 5-year term counts from the seal
      payload: { outcome: 'approve', granted: '准予食品经营许可' },
    });
    setNow('2026-03-09T15:00:00+08:00');
    const sealed = (await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) })) as {
      eventId: string;
    };
    const doc = await documentOf<'decision'>(t, chief, caseId, sealed.eventId);
    expect(doc).not.toHaveProperty('decidedAt');
    expect(doc.sealedAt.startsWith('2026-03-09')).toBe(true);
    const text = printed(doc);
    expect(text).not.toContain('决定时间');
    expect(text).not.toContain('2026年3月4日');
    expect(text).toContain('2026年3月9日');
    expect(text).toContain('2031年3月8日');
  });
});

describe('point 6: last days say the day counts; an on-the-spot item says 当场办结', () => {
  it('prints both limits of an acceptance as "…日前（含当日）" with the limit in its unit', async () => {
    // Thursday before the Spring Festival: 13 Feb, 14 Feb (make-up day), 24, 25, 26 Feb
    const { t, clerk } = await desk('2026-02-12T10:00:00+08:00');
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 50);
    const doc = await acceptanceNotice(t, clerk, caseId);
    expect(doc).toMatchObject({ promisedDate: '2026-02-26', promisedPassed: false });
    const text = printed(doc);
    expect(text).toContain(
      '本机关承诺于2026年2月26日前（含当日）作出决定，法定办结期限为10个工作日。',
    );
    expect(text).toContain('承诺办结期限2026年2月26日前（含当日）');
    expect(text).toContain(`法定办结期限${lastDay(doc.statutoryDate)}`);
    expect(text).not.toMatch(bareBefore);
  });

  it('an on-the-spot item accepted at 16:00 prints 当场办结, never "…日前" of that day', async () => {
    const { t, clerk } = await desk('2026-02-13T16:00:00+08:00');
    const caseId = await acceptedCase(t, clerk, 'SJ-001', 51);
    const doc = await acceptanceNotice(t, clerk, caseId);
    expect(doc).toMatchObject({ promisedDays: 0, promisedDate: '2026-02-13' });
    const text = printed(doc);
    expect(text).toContain('本事项为即办事项，本机关将当场办结，法定办结期限为3个工作日。');
    expect(text).toContain('承诺办结期限当场办结');
    expect(text).not.toContain('2026年2月13日前');
    expect(text).not.toMatch(bareBefore);
  });

  it('a deemed acceptance recorded after the promised day says that day has passed, and its reprint says the same', async () => {
    const { t, clerk, setNow } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await received(t, clerk, 'SJ-002', 52);
    setNow('2026-03-10T09:00:00+08:00');
    await acceptComplete(t, clerk, caseId, 'SJ-002');
    const accepted = await eventOf(t, clerk, caseId, 'accepted');
    const doc = await documentOf<'acceptance'>(t, clerk, caseId, accepted);
    expect(doc).toMatchObject({
      deemedAcceptedOn: '2026-03-02',
      promisedDate: '2026-03-09',
      promisedPassed: true,
      statutoryDate: '2026-03-16',
      statutoryPassed: false,
    });
    const text = printed(doc);
    expect(text).toContain('承诺办结期限已届满，本机关将立即作出决定，法定办结期限为10个工作日。');
    expect(text).toContain('承诺办结期限2026年3月9日（已届满）');
    expect(text).toContain('法定办结期限2026年3月16日前（含当日）');
    expect(text).not.toContain('2026年3月9日前');
    // a reprint next month says what the first print said
    setNow('2026-04-20T09:00:00+08:00');
    expect(printed(await documentOf<'acceptance'>(t, clerk, caseId, accepted))).toBe(text);
  });

  it('one found after the statutory day too says both have passed and still prints the statutory date', async () => {
    const { t, clerk, setNow } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await received(t, clerk, 'SJ-002', 53);
    setNow('2026-03-18T09:00:00+08:00');
    await acceptComplete(t, clerk, caseId, 'SJ-002');
    const doc = await acceptanceNotice(t, clerk, caseId);
    expect(doc).toMatchObject({ promisedPassed: true, statutoryPassed: true });
    const text = printed(doc);
    expect(text).toContain(
      '本机关将立即作出决定，法定办结期限为10个工作日，已于2026年3月16日届满。',
    );
    expect(text).toContain('法定办结期限2026年3月16日（已届满）');
  });

  it('one recorded after the chief sealed the decision says when it was decided, never that it is still to come', async () => {
    const { t, clerk, chief, setNow } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await received(t, clerk, 'SJ-002', 54);
    // the sixth working day: on the desk by law, decided and sealed before the window records 受理
    setNow('2026-03-10T10:00:00+08:00');
    await call(t, chief, 'cases.record', {
      caseId,
      type: 'decided',
      payload: { outcome: 'approve', granted: '食品经营许可证', validUntil: '2031-03-09' },
    });
    await call(t, chief, 'cases.stamp', { caseId, pin: pinOf(t) });
    setNow('2026-03-11T09:00:00+08:00');
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: { intakeSeal: 'printed' },
    });
    const doc = await acceptanceNotice(t, clerk, caseId);
    expect(doc).toMatchObject({ decidedOn: '2026-03-10', promisedPassed: true });
    const text = printed(doc);
    expect(text).toContain(
      '本机关已于2026年3月10日作出决定，决定书另行送达，法定办结期限为10个工作日。',
    );
    expect(text).not.toContain('立即作出决定');
  });

  it('one for papers nobody checked says so instead of an empty list of materials', async () => {
    const { t, clerk, setNow } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await received(t, clerk, 'SJ-002', 55);
    setNow('2026-03-10T09:00:00+08:00');
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'accepted',
      payload: { intakeSeal: 'printed', deemed: true },
    });
    const doc = await acceptanceNotice(t, clerk, caseId);
    expect(doc.materials).toEqual([]);
    expect(printed(doc)).toContain('窗口未登记核验结果，以申请人提交的申请材料为准。');
  });
});

describe('point 10: a limit another law sets in 日 is printed as 日', () => {
  it('prints 60日 on the acceptance of 民办非企业单位成立登记', async () => {
    const { t, clerk, caseId } = await acceptedElsewhere('MZ', '民政窗口', 'MZ-001');
    const doc = await acceptanceNotice(t, clerk, caseId);
    expect(doc.statutory).toEqual({ days: 60, unit: 'calendarDays' });
    const text = printed(doc);
    expect(text).toContain('法定办结期限为60日。');
    expect(text).not.toContain('60个工作日');
  });
});

describe('point 11: the public guide (Art. 30)', () => {
  it('prints the sample form, the quantity limit, the limit in its unit with its article, and the extension with its approver', async () => {
    const { t } = await desk('2026-03-02T09:00:00+08:00');
    const joint = guide(getItem(t.db, 'ZJ-004')!);
    expect(joint).toContain('数量限制无数量限制');
    expect(joint).toContain('申请书示范文本《占用挖掘城市道路申请表》示范文本：窗口免费提供');
    expect(joint).toContain(
      '法定时限45个工作日（《中华人民共和国行政许可法》第四十二条第二款）；经本级人民政府负责人批准可延长15个工作日（《中华人民共和国行政许可法》第四十二条第二款）',
    );
    expect(joint).not.toContain('本机关负责人');

    const food = guide(getItem(t.db, 'SJ-002')!);
    expect(food).toContain(
      '承诺5个工作日内办结；法定时限10个工作日（《食品经营许可和备案管理办法》第二十二条）；经本机关负责人批准可延长5个工作日（《食品经营许可和备案管理办法》第二十二条）',
    );
    expect(food).toContain('《食品经营许可申请书》示范文本');

    // another law's "日" stays calendar days on paper (point 10)
    for (const [code, limit] of [
      [
        'MZ-001',
        '法定时限60日（《民办非企业单位登记管理暂行条例》第十一条）；法律未规定延长办理期限',
      ],
      ['WJ-002', '法定时限45日（《医疗机构管理条例》第十六条）'],
      ['GA-002', '法定时限7日（《大型群众性活动安全管理条例》第十二条）'],
    ] as const) {
      const text = guide(getItem(t.db, code)!);
      expect(text, code).toContain(limit);
      expect(text, code).not.toMatch(/法定时限\d+个工作日/);
    }
    expect(guide(getItem(t.db, 'SJ-001')!)).toContain('即办（当场办结）');
  });
});

function lastDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日前（含当日）`;
}

describe('review findings: the pause notice, provisional dates, the suggested return date', () => {
  it('tells the applicant that publication waits only the promise where the item’s law does not pause the statutory limit', async () => {
    const { t, clerk } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 60);
    const { eventId } = (await call(t, clerk, 'cases.record', {
      caseId,
      type: 'paused',
      payload: {
        procedure: 'publication',
        expectedWorkingDays: 5,
        applicantNoticeRef: '特告〔2026〕3号',
        centerFilingRef: '中心备〔2026〕3号',
      },
    })) as { eventId: string };
    const doc = await documentOf<'pause'>(t, clerk, caseId, eventId);
    expect(doc.publication).toEqual({ pausesStatutory: false, basis: null });
    const text = printed(doc);
    // 10 working days from Monday 2 March: Monday 16 March, which publication does not move
    expect(text).toContain('法定办结期限不因公示延长，仍为2026年3月16日前（含当日）');
    expect(text).toContain('公示结束后，承诺办理期限继续计算');
    expect(text).not.toContain('依照有关规定');
  });

  it('marks an extension’s new date in a year without a published table as provisional', async () => {
    const { t, clerk, chief } = await desk('2026-12-21T09:00:00+08:00');
    const caseId = await acceptedCase(t, clerk, 'SJ-002', 61);
    const doc = await extendedNotice(t, chief, caseId, extension(5));
    expect(doc).toMatchObject({ newStatutoryDate: '2027-01-12', provisional: true });
    expect(printed(doc)).toContain('国务院节假日安排尚未公布');
  });

  it('prints the suggested return date as the last day it covers', async () => {
    const { t, clerk } = await desk('2026-03-02T09:00:00+08:00');
    const caseId = await received(t, clerk, 'SJ-002', 62);
    await call(t, clerk, 'cases.record', {
      caseId,
      type: 'materialsChecked',
      payload: { materials: [{ materialId: 'm1', status: 'missing' }] },
    });
    const { eventId } = (await call(t, clerk, 'cases.record', {
      caseId,
      type: 'noticeIssued',
      payload: {
        items: [{ materialId: 'm1', problem: 'missing', detail: '缺少申请书原件' }],
        returnBy: '2026-03-06',
      },
    })) as { eventId: string };
    const text = printed(await documentOf<'notice'>(t, clerk, caseId, eventId));
    expect(text).toContain('建议于2026年3月6日前（含当日）携带上述材料到本窗口补正');
    expect(text).not.toMatch(bareBefore);
  });
});
