import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appealNotice } from '../../shared/case';
import { personApplicant } from '../support/applicants';
import { adminAccount, startCenter, type CenterProcess } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { hallAccount, hallPassword, type HallMember } from '../support/hall-center';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { apiAs, printPage } from './pages/documents';
import { loginPage } from './pages/login';
import { enrollThroughSettings, signedIn } from './pages/sync';

// Issue 14, the printed words, on paper: four documents a reviewer with the law in hand would
// read — a denial of a deemed-accepted case, the extension of 食品经营许可 under its own
// regulation, the joint item's extension approved by the government's head, and a decision sealed
// days after it was decided — each printed to an A4 PDF and its first page to a PNG.

/**
 * Prints the case document to an A4 PDF and its first page to a PNG: one sheet, the Chinese font
 * embedded, and the words a reviewer looks for there (spaces the text extraction adds removed), or not.
 */
async function paper(
  page: Page,
  caseId: string,
  eventId: string,
  name: string,
  words: { says: readonly string[]; never: readonly string[] },
) {
  const print = printPage(page);
  await print.open(caseId, eventId);
  const out = await print.toPdf(name);
  expect(out.pages).toBe(1);
  expect(out.fonts).toMatch(/NotoSansSC/i);
  const text = out.text.replace(/\s+/g, '');
  for (const w of words.says) expect(text, name).toContain(w);
  for (const w of words.never) expect(text, name).not.toContain(w);
}

// Monday 2 March 2026, on the PC and at the center
const monday = '2026-03-02T09:00:00+08:00';
let terminal: WebTerminal | undefined;
let center: { process: CenterProcess; dataDir: string } | undefined;
test.afterEach(async () => {
  await terminal?.stop();
  terminal = undefined;
  if (center) {
    await center.process.stop();
    rmSync(center.dataDir, { recursive: true, force: true });
    center = undefined;
  }
});

test.describe('at the market regulation window', () => {
  test('the deemed-accepted denial, the 食品经营许可 extension and a decision sealed days later', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const t = (terminal = await startWebTerminal(['--now', monday, '--clock-control']));
    const clerk = t.accounts.find((a) => a.role === 'clerk')!;
    const chief = t.accounts.find((a) => a.role === 'chief')!;
    // a session ends after a working day idle on the business clock: sign in again after each jump
    const desk = async () => ({
      clerk: await apiAs(t, clerk),
      chief: await apiAs(t, chief),
    });
    const at = async (now: string) => {
      await t.setClock(now);
      return desk();
    };

    // Monday 2 March
    let api = await desk();
    const late = await api.clerk.receive('SJ-002', personApplicant(61));
    const extended = await api.clerk.acceptedCase('SJ-002', personApplicant(62));
    const extension = await api.chief.record(extended.caseId, 'extended', {
      workingDays: 5,
      approver: '局长 王某',
      reason: '需对经营场所进行现场核查',
      applicantNoticeRef: '延告〔2026〕7号',
    });
    const sealedLater = await api.clerk.acceptedCase('SJ-002', personApplicant(63));

    // Wednesday 4 March the chief decides; Monday 9 March the seal goes on
    api = await at('2026-03-04T10:00:00+08:00');
    await api.chief.record(sealedLater.caseId, 'decided', {
      outcome: 'approve',
      // blank: the item's 5-year term counts from the seal (2031-03-08)
      granted: '准予食品经营许可（食品销售经营者）',
    });
    api = await at('2026-03-09T15:00:00+08:00');
    const seal = await api.chief.stamp(sealedLater.caseId, chief.sealPin!);

    // Tuesday 10 March: the 5 working days ran out on the 9th, the application counts as accepted
    // on 2 March; the chief denies it on the 11th
    api = await at('2026-03-10T09:00:00+08:00');
    const lateAcceptance = await api.clerk.accept(late.caseId, 'SJ-002');
    api = await at('2026-03-11T10:00:00+08:00');
    await api.chief.record(late.caseId, 'decided', {
      outcome: 'deny',
      facts: '现场核查时经营场所与垃圾中转站距离不足25米',
      reasons: '经营场所不符合食品安全要求，不具备许可条件',
      legalBasis: '《中华人民共和国食品安全法》第三十三条第一款第（一）项',
      appealNotice: appealNotice('市场监督管理局'),
    });
    const denial = await api.chief.stamp(late.caseId, chief.sealPin!);

    await page.goto(t.url);
    await loginPage(page).signIn(chief.username, chief.password);

    // the acceptance notice of that case, printed after its promised day: no past date promised
    await paper(page, late.caseId, lateAcceptance, 'printed-law-deemed-acceptance', {
      says: [
        '于2026年3月2日提出的食品经营许可申请，本机关逾期未告知',
        '自收到申请材料之日起即为受理',
        '2026年3月9日（已届满）',
        '承诺办结期限已届满，本机关将立即作出决定',
        '2026年3月16日前（含当日）',
      ],
      never: ['2026年3月9日前'],
    });
    await paper(page, late.caseId, denial.eventId, 'printed-law-deemed-denial', {
      says: ['不予行政许可决定书', '自收到申请材料之日（2026年3月2日）起视为受理'],
      never: ['2026年3月10日', '决定时间'],
    });
    await paper(page, extended.caseId, extension.eventId, 'printed-law-sj002-extension', {
      says: [
        '延期告知书',
        '在法定的10个工作日内不能作出决定',
        '经本机关负责人批准',
        '根据《食品经营许可和备案管理办法》第二十二条的规定',
        '办理期限延长5个工作日',
        // 10 working days from 2 March end on the 16th, 5 more on the 23rd
        '2026年3月23日前（含当日）',
      ],
      never: ['二十日', '第四十二条'],
    });
    await paper(page, sealedLater.caseId, seal.eventId, 'printed-law-sealed-later', {
      says: ['准予行政许可决定书', '2026年3月9日'],
      never: ['决定时间', '2026年3月4日'],
    });
  });
});

test.describe('at a window of the housing department, enrolled at the center', () => {
  const member = {
    clerk: { role: 'clerk', name: '周洁', username: 'clerk-zj01' },
    chief: { role: 'chief', name: '郑国栋', username: 'chief-zj01' },
  } as const satisfies Record<string, HallMember>;
  const staff = { clerk: hallAccount(member.clerk), chief: hallAccount(member.chief) };

  test("the joint item's extension: 45 working days, 15 more approved by 本级人民政府负责人", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-center-'));
    center = { process: await startCenter({ dataDir, now: monday }), dataDir };
    const admin = await centerAdmin(center.process.url, adminAccount(dataDir));
    const windowId = await admin.createWindow({
      code: 'ZJ01',
      name: '住建窗口',
      departmentCode: 'ZJ',
    });
    for (const s of Object.values(member))
      await admin.createStaff({ ...s, windowId, password: hallPassword });
    const t = (terminal = await startWebTerminal(['--now', monday, '--clock-control']));
    await enrollThroughSettings(page, t, center.process.url, await admin.enrollmentCode(windowId));
    // the first sync brings the center's staff
    await signedIn(t, staff.clerk);

    const accepted = await (
      await apiAs(t, staff.clerk)
    ).acceptedCase('ZJ-004', personApplicant(64));
    const extension = await (
      await apiAs(t, staff.chief)
    ).record(accepted.caseId, 'extended', {
      workingDays: 15,
      approver: '副区长 刘某',
      reason: '需会同公安交通管理部门组织联合现场踏勘',
      applicantNoticeRef: '延告〔2026〕8号',
    });

    await loginPage(page).signIn(staff.chief.username, staff.chief.password);
    await paper(page, accepted.caseId, extension.eventId, 'printed-law-zj004-extension', {
      says: [
        '延期告知书',
        '在法定的45个工作日内不能办结',
        '经本级人民政府负责人批准',
        '根据《中华人民共和国行政许可法》第四十二条第二款的规定',
        '办理期限延长15个工作日',
        // the table cell wraps: pdftotext interleaves it with its neighbour's
        '批准人副区长刘某（本级人民政',
      ],
      never: ['本机关负责人'],
    });
  });
});
