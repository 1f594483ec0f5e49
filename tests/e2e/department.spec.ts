import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import { adminAccount, startCenter, type CenterProcess } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import {
  apiPost,
  startWebTerminal,
  type DemoAccount,
  type WebTerminal,
} from '../support/web-terminal';
import { myCases } from './pages/cases';
import { apiAs } from './pages/documents';
import { intakePage } from './pages/intake';
import { loginPage } from './pages/login';
import { decisionDesk } from './pages/review';
import { enrollThroughSettings, signedIn, syncAll } from './pages/sync';

// Part T of issue 16 (Done when): the department is the unit of service. SJ01 issues the
// one-time notice; the applicant comes back and is called to SJ02. SJ02's clerk finds the case by
// the last four digits of its number and by phone, is warned when she starts a new intake for
// the same applicant and item, continues the case and accepts it; SJ01's chief decides and
// seals; SJ02 hands the licence over. Two terminals in web mode, a real center, sync in between.

const password = 'window-pass-1';
const staff = {
  clerkSj01: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk', window: 'SJ01' },
  chiefSj01: { username: 'chief-sj01', name: '郑国栋', role: 'chief', window: 'SJ01' },
  clerkSj02: { username: 'clerk-sj02', name: '陈雨桐', role: 'clerk', window: 'SJ02' },
} as const;
const account = (s: (typeof staff)[keyof typeof staff]): DemoAccount => ({ ...s, password });

type Pc = { terminal: WebTerminal; context: BrowserContext; page: Page };

let centerDir: string;
let center: CenterProcess | undefined;
const windowIds = new Map<string, string>();
const pcs: Pc[] = [];

test.beforeAll(async () => {
  centerDir = mkdtempSync(join(tmpdir(), 'onewindow-center-'));
  center = await startCenter({ dataDir: centerDir });
  const admin = await centerAdmin(center.url, adminAccount(centerDir));
  for (const w of [
    { code: 'SJ01', name: '市场监管一号窗' },
    { code: 'SJ02', name: '市场监管二号窗' },
  ]) {
    windowIds.set(w.code, await admin.createWindow({ ...w, departmentCode: 'SJ' }));
  }
  for (const s of Object.values(staff)) {
    await admin.createStaff({
      username: s.username,
      name: s.name,
      role: s.role,
      windowId: windowIds.get(s.window)!,
      password,
    });
  }
});

test.afterAll(async () => {
  for (const pc of pcs) {
    await pc.context.close();
    await pc.terminal.stop();
  }
  await center?.stop();
  if (centerDir) rmSync(centerDir, { recursive: true, force: true });
});

/** A PC of `windowCode`: its terminal in web mode, enrolled on the settings page, a browser. */
async function pcAt(browser: Browser, windowCode: string): Promise<Pc> {
  const terminal = await startWebTerminal();
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
  });
  const pc = { terminal, context, page: await context.newPage() };
  pcs.push(pc);
  const code = await (
    await centerAdmin(center!.url, adminAccount(centerDir))
  ).enrollmentCode(windowIds.get(windowCode)!);
  await enrollThroughSettings(pc.page, terminal, center!.url, code);
  return pc;
}

const applicant = personApplicant(31);
const missing = { id: 'm3', name: '经营场所使用证明（不动产权证书或租赁协议等）' };
const defective = { id: 'm2', name: '经营者居民身份证' };

test('an applicant back at SJ02 continues SJ01’s case: found, warned of a duplicate, accepted, delivered', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const a = await pcAt(browser, 'SJ01');
  const b = await pcAt(browser, 'SJ02');
  const pair: [WebTerminal, DemoAccount][] = [
    [a.terminal, account(staff.clerkSj01)],
    [b.terminal, account(staff.clerkSj02)],
  ];

  const issued =
    await test.step('SJ01 receives the case and issues the one-time notice', async () => {
      const api = await apiAs(a.terminal, account(staff.clerkSj01));
      const c = await api.receive('SJ-001', applicant);
      const item = await api.item('SJ-001');
      await api.record(c.caseId, 'materialsChecked', {
        materials: item.materials.map((m) =>
          m.id === missing.id
            ? { materialId: m.id, status: 'missing' }
            : m.id === defective.id
              ? { materialId: m.id, status: 'defective', defect: '复印件不清晰' }
              : { materialId: m.id, status: 'received' },
        ),
      });
      await api.record(c.caseId, 'noticeIssued', {
        items: [
          { materialId: missing.id, problem: 'missing', detail: '请提交原件一份' },
          { materialId: defective.id, problem: 'defective', detail: '复印件不清晰' },
        ],
      });
      await syncAll(pair);
      return c;
    });

  const page = b.page;
  const list = myCases(page);
  await test.step('at SJ02 the clerk finds it by the number’s last four digits and by phone', async () => {
    // the next morning's start: the enrollment's note of the day before is gone
    await page.goto(b.terminal.url);
    await loginPage(page).signIn(staff.clerkSj02.username, password);
    await list.open();
    await expect(list.locators.scopeFilter.locator('.ant-segmented-item-selected')).toHaveText(
      '本部门',
    );
    await list.searchFor(issued.caseNumber.slice(-4));
    await expect(list.locators.rows).toHaveCount(1);
    await expect(list.locators.row(issued.caseNumber)).toContainText(applicant.name);
    await expect(list.locators.row(issued.caseNumber)).toContainText('待补正');
    await expect(list.locators.windowTag(issued.caseNumber)).toHaveText('SJ01');
    await page.screenshot({ path: 'tests/e2e/artifacts/department-list-1366.png' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: 'tests/e2e/artifacts/department-list-1440.png' });
    await page.setViewportSize({ width: 1366, height: 768 });
    // 本窗口 holds only what SJ02 took in itself: not this case
    await list.showScope('本窗口');
    await expect(page.getByText('本窗口在办件')).toBeVisible();
    await expect(list.locators.count).toHaveText('共 0 件');
    await list.showScope('本部门');
    // nothing of the case matches: the row goes; the phone's last four bring it back
    await list.searchFor('不存在的申请人');
    await expect(list.locators.count).toHaveText('共 0 件');
    await list.searchFor(applicant.mobile.slice(-4));
    await expect(list.locators.rows).toHaveCount(1);
    await expect(list.locators.row(issued.caseNumber)).toBeVisible();
  });

  const intake = intakePage(page);
  await test.step('a new intake for the same applicant and item shows the open case first', async () => {
    await intake.open();
    await intake.findItem('个体工商户', '个体工商户设立登记');
    await intake.fillPerson(applicant);
    await expect(intake.locators.openCaseWarning).toBeVisible();
    await expect(intake.locators.openCase(issued.caseNumber)).toContainText('市场监管一号窗');
    // submitting does not make a second case: the warning is the question
    await intake.receive();
    await expect(intake.locators.openCaseWarning).toBeInViewport();
    await intake.locators.createAnyway.click();
    await expect(intake.locators.duplicateReason).toBeVisible();
    await page.screenshot({ path: 'tests/e2e/artifacts/department-duplicate-warning-1366.png' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: 'tests/e2e/artifacts/department-duplicate-warning-1440.png' });
    await page.setViewportSize({ width: 1366, height: 768 });
    const cases = await apiPost<{ total: number }>(
      b.terminal,
      'cases.list',
      { status: 'all' },
      await signedIn(b.terminal, account(staff.clerkSj02)),
    );
    expect(cases.total).toBe(1);
  });

  await test.step('she continues the case: the supplement, then the acceptance', async () => {
    await intake.continueOpenCase(issued.caseNumber);
    await intake.tickSupplement([missing.name, defective.name]);
    await intake.accept();
    await syncAll(pair);
  });

  await test.step('SJ01’s chief decides and seals; the licence is issued', async () => {
    const chief = await apiAs(a.terminal, account(staff.chiefSj01));
    await chief.record(issued.caseId, 'decided', {
      outcome: 'approve',
      granted: '准予个体工商户设立登记',
    });
    await chief.setSealPin('270415');
    await chief.stamp(issued.caseId, '270415');
    await chief.record(issued.caseId, 'certificateIssued', {
      certificateNumber: 'JY16101060000031',
    });
    await syncAll(pair);
  });

  await test.step('SJ02 hands the licence over', async () => {
    await page.evaluate((hash) => (location.hash = hash), `#/case/${issued.caseId}`);
    const counter = decisionDesk(page);
    await expect(counter.locators.status).toHaveText('已制证');
    await counter.deliverAtWindow();
    await expect(counter.locators.status).toHaveText('已送达');
    await syncAll(pair);
    const events = await (
      await apiAs(a.terminal, account(staff.clerkSj01))
    ).caseEvents(issued.caseId);
    expect(events.map((e) => e.type)).toEqual([
      'received',
      'materialsChecked',
      'noticeIssued',
      'supplementReceived',
      'accepted',
      'decided',
      'stamped',
      'certificateIssued',
      'delivered',
    ]);
  });
});
