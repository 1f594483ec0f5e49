import { expect, test, type BrowserContext } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import {
  hallAccount,
  hallPassword,
  startHallCenter,
  type HallCenter,
  type HallMember,
} from '../support/hall-center';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { dashboardPage } from './pages/dashboard';
import { apiAs } from './pages/documents';
import { loginPage } from './pages/login';
import { enrollThroughSettings, signedIn, syncNow } from './pages/sync';

// Tuesday 10 March 2026 at the center. The market regulation window accepted a case on Monday
// 2 March, promised in five working days: overdue since the 9th. Today it took one more and
// refused another. The center manager opens 今日概览 at the terminal: the department's card,
// the thirty days with both days in them, and the red case with the window's name.

const staff = {
  clerk: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' },
  manager: { username: 'manager-center', name: '周建国', role: 'manager' },
} as const satisfies Record<string, HallMember>;

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;
let context: BrowserContext | undefined;

test.beforeAll(async () => {
  // the center's clock agrees with the PC's on 2 March; it reads 10 March 16:00 after its restart
  hall = await startHallCenter('2026-03-02T09:00:00+08:00', Object.values(staff));
});

test.afterAll(async () => {
  await context?.close();
  await terminal?.stop();
  await hall?.stop();
});

test("the center manager reads today's cards, the thirty days and the red case of a window", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  terminal = await startWebTerminal(['--now', '2026-03-02T09:00:00+08:00', '--clock-control']);
  context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const t = terminal;

  await test.step('the terminal joins the center at SJ01', async () => {
    await enrollThroughSettings(page, t, hall!.center.url, await hall!.enrollmentCode());
  });

  const late = await test.step('the window works on 2 and 10 March and syncs', async () => {
    const token = await signedIn(t, hallAccount(staff.clerk));
    const clerk = await apiAs(t, hallAccount(staff.clerk));
    const late = await clerk.acceptedCase('SJ-002', personApplicant(41));
    // the center is down until 10 March afternoon; the window works on offline that morning
    await hall!.center.stop();
    await t.setClock('2026-03-10T09:00:00+08:00');
    await clerk.acceptedCase('SJ-002', personApplicant(42));
    const refused = await clerk.receive('SJ-002', personApplicant(43));
    await clerk.record(refused.caseId, 'refused', {
      ground: 'noLicenceNeeded',
      reasons: '所售为食用农产品，依法无需取得食品经营许可',
      legalBasis: '《中华人民共和国食品安全法》第三十五条',
    });
    await t.setClock('2026-03-10T16:00:00+08:00');
    await hall!.restartAt('2026-03-10T16:00:00+08:00');
    expect(await syncNow(t, token)).toMatchObject({ pending: 0, lastError: null });
    return late;
  });

  const db = dashboardPage(page);
  await test.step('the manager opens 今日概览 and signs in at the center', async () => {
    await loginPage(page).signIn(staff.manager.username, hallPassword);
    await db.open();
    await expect(db.locators.centerSignIn).toBeVisible();
    await db.signInAtCenter(hallPassword);
    await expect(db.locators.page).toBeVisible();
    await expect(db.locators.title).toContainText('今日概览');
    await expect(db.locators.title).toContainText('示范区政务服务中心');
    // the center's today, by the center's clock
    await expect(db.locators.asOf).toContainText('2026-03-10');
    await expect(db.locators.asOf).toContainText('16:00');
    await expect(db.locators.date).toHaveValue('2026-03-10');
  });

  await test.step("the market regulation card: today's two, the February-promised one red", async () => {
    await expect(db.card('SJ')).toContainText('市场监督管理局');
    await expect(db.count('SJ', 'received')).toHaveText('2');
    await expect(db.count('SJ', 'accepted')).toHaveText('1');
    await expect(db.count('SJ', 'completed')).toHaveText('0');
    await expect(db.count('SJ', 'red')).toHaveText('1');
    await expect(db.count('SJ', 'yellow')).toHaveText('0');
    await expect(db.card('SJ').getByTestId('on-time-rate')).toHaveText('—');
  });

  await test.step('the trend draws thirty days; the red list names the case and its window', async () => {
    await expect(db.locators.trendSvg).toBeVisible();
    // thirty days, 9 February … 10 March; the axis labels every other day
    await expect(db.locators.trend).toHaveAttribute('data-days', '30');
    await expect(db.locators.trend).toHaveAttribute('data-first', '2026-02-09');
    await expect(db.locators.trend).toHaveAttribute('data-last', '2026-03-10');
    await expect(db.locators.trend).toContainText('02-09');
    await expect(db.locators.trend).toContainText('03-09');
    await expect(db.locators.trend).toContainText('按时办结率');
    await expect(db.locators.attentionRows).toHaveCount(1);
    const row = db.locators.attentionRows.first();
    await expect(row).toHaveAttribute('data-level', 'red');
    await expect(row).toContainText(late.caseNumber);
    await expect(row).toContainText('市场监管一号窗');
    await expect(row).toContainText('2026-03-09');
    await expect(row).toContainText('已逾期');
    await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
    await page.screenshot({ path: 'tests/e2e/artifacts/dashboard.png', fullPage: true });
  });

  await test.step("the red case is this terminal's department's: its row opens the case", async () => {
    await db.locators.attentionRows.first().click();
    await expect(page.getByText(late.caseNumber).first()).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/case/${late.caseId}$`));
    await page.goBack();
    await expect(db.locators.page).toBeVisible();
  });

  await test.step('another day: 2 March, when the late case came in', async () => {
    await db.locators.date.fill('2026-03-02');
    await expect(db.locators.asOf).toContainText('2026-03-02');
    await expect(db.count('SJ', 'received')).toHaveText('1');
    await expect(db.count('SJ', 'accepted')).toHaveText('1');
    // judged at the end of 2 March, the case was within its promise
    await expect(db.count('SJ', 'red')).toHaveText('0');
    await expect(db.locators.attentionRows).toHaveCount(0);
  });
});
