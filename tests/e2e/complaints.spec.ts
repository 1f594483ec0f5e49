import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  hallAccount,
  hallPassword,
  startHallCenter,
  type HallCenter,
} from '../support/hall-center';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { complaintsPanel, windowAlertsPage } from './pages/complaints';
import { loginPage, shell } from './pages/login';
import { reportPage } from './pages/reports';
import { supervisionPage } from './pages/supervision';
import { enrollThroughSettings, signedIn, syncIndicator } from './pages/sync';

// Tuesday 10 March 2026. A citizen phones the supervision office about the market-regulation
// window; the supervisor records the complaint at a hall PC (due in 5 working days: Tuesday 17
// March). The clerk at that window sees it in 监察预警 after the next sync, the chief answers it
// from the window, and the supervisor closes it as 不属实 — the history keeps every step.

const password = hallPassword;
const staff = {
  clerk: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' },
  chief: { username: 'chief-sj01', name: '周建国', role: 'chief' },
  supervisor: { username: 'supervisor-sj', name: '韩立新', role: 'supervisor' },
} as const;
const complaintText = '3月9日上午办理食品经营许可，窗口人员态度生硬，未说明还缺哪些材料。';
const replyText = '经调阅窗口录音录像，工作人员已按一次性告知书逐项说明；已与投诉人电话沟通。';

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;
let context: BrowserContext | undefined;

test.beforeAll(async () => {
  hall = await startHallCenter('2026-03-10T10:00:00+08:00', Object.values(staff));
});

test.afterAll(async () => {
  await context?.close();
  await terminal?.stop();
  await hall?.stop();
});

async function signInAs(page: Page, who: (typeof staff)[keyof typeof staff]) {
  if (await shell(page).logout.isVisible()) await shell(page).logout.click();
  await loginPage(page).signIn(who.username, password);
  await expect(shell(page).user).toContainText(who.name);
}

test('a complaint recorded by the supervisor reaches the window, is answered there and closed as 不属实', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  terminal = await startWebTerminal(['--now', '2026-03-10T10:02:00+08:00']);
  context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const t = terminal;

  await test.step('the manager enrolls the terminal at SJ01', async () => {
    await enrollThroughSettings(page, t, hall!.center.url, await hall!.enrollmentCode());
    // the first sync brings the center's staff
    await signedIn(t, hallAccount(staff.supervisor));
  });

  const sp = supervisionPage(page);
  const cp = complaintsPanel(page);
  await test.step('the supervisor records the phoned-in complaint against the window', async () => {
    await signInAs(page, staff.supervisor);
    await sp.open();
    await sp.signInAtCenter(password);
    await cp.open();
    await expect(cp.locators.panel).toBeVisible();
    await cp.locators.record.click();
    // neither a window nor a case: the dialog says what is missing
    await cp.locators.content.fill(complaintText);
    await cp.locators.submit.click();
    await expect(cp.locators.form.getByText('请选择被投诉窗口或填写办件编号')).toBeVisible();
    await page.keyboard.press('Escape');
    await cp.record({
      window: '市场监督管理局 · 市场监管一号窗（SJ01）',
      name: '赵女士',
      phone: '13900139000',
      channel: '电话',
      content: complaintText,
    });
    await expect(cp.locators.rows).toHaveCount(1);
    const row = cp.locators.rows.first();
    await expect(row).toContainText('市场监管一号窗');
    await expect(row).toContainText('2026-03-17');
    await expect(row).toContainText('待答复');
    await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
    await page.screenshot({ path: 'tests/e2e/artifacts/complaints-recorded.png' });
  });

  await test.step('the complaint put an alert, named by its window, on the alert list', async () => {
    await page.getByRole('tab', { name: '预警' }).click();
    const alert = page.locator('[data-testid="alert-row"][data-rule="complaint"]');
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText('公众投诉（电话）');
    await expect(alert).toContainText('市场监管一号窗');
    await expect(alert).toContainText('市场监督管理局');
  });

  const wa = windowAlertsPage(page);
  await test.step('the clerk syncs and sees it in 监察预警, with its deadline', async () => {
    await signInAs(page, staff.clerk);
    await syncIndicator(page).syncNow();
    // the complaint and its alert; the badge reads the local copy every few seconds
    await expect(wa.locators.badge).toContainText('2', { timeout: 20_000 });
    await wa.open();
    await expect(wa.locators.complaint).toHaveCount(1);
    await expect(wa.locators.complaint).toContainText(complaintText);
    await expect(wa.locators.complaint).toContainText('赵女士');
    await expect(wa.locators.deadline).toContainText('办理期限 2026-03-17');
    await expect(wa.locators.deadline).toContainText('剩 5 个工作日');
    await expect(wa.locators.status).toHaveText('待答复');
    await expect(wa.locators.alertRows).toHaveCount(1);
    await expect(wa.locators.alertRows.first()).toContainText('公众投诉');
    await expect(wa.locators.fetched).toContainText('数据取自中心');
    await page.screenshot({ path: 'tests/e2e/artifacts/complaints-window.png', fullPage: true });
  });

  await test.step('the chief answers it from the window; the reply goes to the center', async () => {
    await signInAs(page, staff.chief);
    await wa.open();
    await wa.locators.send.click();
    await expect(wa.locators.complaint.getByText('请填写答复内容')).toBeVisible();
    await wa.reply(replyText);
    await expect(wa.locators.status).toHaveText('已答复');
    await expect(wa.locators.lastReply).toContainText(replyText);
    await page.screenshot({ path: 'tests/e2e/artifacts/complaints-replied.png', fullPage: true });
  });

  await test.step('the supervisor reads the reply and closes the complaint as 不属实', async () => {
    await signInAs(page, staff.supervisor);
    await sp.open();
    await sp.signInAtCenter(password);
    await cp.open();
    const row = cp.locators.rows.first();
    await expect(row).toContainText('已答复');
    await row.click();
    await expect(cp.locators.replyText).toHaveText(replyText);
    await cp.closeAs('不属实', '经核查，窗口已一次性告知，投诉不属实');
    await expect(cp.locators.historyEntries).toHaveCount(3);
    await expect(cp.locators.historyEntries.nth(1)).toContainText(staff.chief.name);
    await expect(cp.locators.historyEntries.nth(2)).toContainText('不属实');
    await expect(cp.locators.historyEntries.nth(2)).toContainText(staff.supervisor.name);
    await expect(cp.locators.close).toHaveCount(0);
    await page.screenshot({ path: 'tests/e2e/artifacts/complaints-closed.png' });
    await page.keyboard.press('Escape');
    await expect(cp.locators.rows).toHaveCount(0);
    await cp.locators.filter('已办结').click();
    await expect(cp.locators.rows).toHaveCount(1);
    await expect(cp.locators.rows.first()).toContainText('不属实');
  });

  await test.step('after the next sync the window sees the conclusion too', async () => {
    await signInAs(page, staff.clerk);
    await syncIndicator(page).syncNow();
    await wa.open();
    await expect(wa.locators.status).toHaveText('已办结');
    await expect(wa.locators.complaint.getByTestId('complaint-conclusion')).toContainText('不属实');
    await expect(wa.locators.reply).toHaveCount(0);
  });

  await test.step("the department's report counts the complaint, from the window's copy", async () => {
    await signInAs(page, staff.chief);
    const report = reportPage(page);
    await report.open();
    await expect(report.locators.complaints('received')).toHaveText('1');
    await expect(report.locators.complaints('closed')).toHaveText('1');
    await expect(report.locators.complaints('closedOnTime')).toHaveText('1');
    await expect(report.locators.complaints('overdueOpen')).toHaveText('0');
    await expect(report.locators.complaints('substantiated')).toHaveText('0');
    await expect(report.locators.complaintsFetched).toContainText('数据取自中心 2026-03-10');
    await report.locators.complaints('received').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/e2e/artifacts/report-complaints.png' });
  });
});
