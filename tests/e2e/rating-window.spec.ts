import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { RatingRecord } from '../../shared/center-api';
import type { Metrics } from '../../shared/reports';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { hallAccount, startHallCenter, takeTicket, type HallCenter } from '../support/hall-center';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { loginPage } from './pages/login';
import { queueBar } from './pages/hall';
import { intakePage } from './pages/intake';
import { ratingDevicePage, windowRatingsPage } from './pages/rating';
import { reportPage } from './pages/reports';
import { enrollThroughSettings, signedIn } from './pages/sync';

// Issue 17 part 2 at the window: a bad rating given on SJ01's tablet is counted in the terminal's
// 办结报表 — whose 好差评 block the terminal asks of the center, having no ratings of its own — and
// in the center's daily report; the clerk files 申诉 from the terminal and sees the supervisor's
// decision; with the center stopped, the report says it cannot reach the center instead of a zero.

const now = '2026-03-06T09:00:00+08:00';
const clerk = { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' } as const;
const chief = { username: 'chief-sj01', name: '周海峰', role: 'chief' } as const;
const supervisor = { username: 'supervisor-sj', name: '韩立新', role: 'supervisor' } as const;
const shots = 'tests/e2e/artifacts';
const period = 'from=2026-03-01&to=2026-03-31';

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;

test.beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  hall = await startHallCenter(now, [clerk, chief, supervisor]);
});

test.afterAll(async () => {
  await terminal?.stop();
  await hall?.stop();
});

/** The drawer's slide has ended: what a screenshot shows is what the user sees. */
async function settled(page: Page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

async function signedInPage(browser: Browser, t: WebTerminal, who: typeof clerk | typeof chief) {
  const page = await (
    await browser.newContext({ viewport: { width: 1366, height: 768 } })
  ).newPage();
  await signedIn(t, hallAccount(who));
  await page.goto(t.url);
  await loginPage(page).signIn(who.username, hallAccount(who).password);
  return page;
}

test('a bad rating on the tablet reaches both reports; the clerk appeals it from the terminal', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const h = hall!;
  const admin = await centerAdmin(h.center.url, adminAccount(h.dataDir));
  let clerkPc: Page;
  let chiefPc: Page;

  await test.step('SJ01 serves ticket A001 and its tablet is rated 非常不满意', async () => {
    const tablet = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    const device = ratingDevicePage(tablet);
    const { code } = await admin.call<{ code: string }>(
      'POST',
      '/api/rating/windows/SJ01/pairing-code',
    );
    await device.open(h.center.url, 'SJ01');
    await device.pair(code);
    await takeTicket(h.center.url, 'SJ');
    terminal = await startWebTerminal(['--now', now]);
    const setup = await (await browser.newContext()).newPage();
    await enrollThroughSettings(setup, terminal, h.center.url, await h.enrollmentCode());
    clerkPc = await signedInPage(browser, terminal, clerk);
    await intakePage(clerkPc).open();
    const bar = queueBar(clerkPc);
    await bar.press('叫号');
    await expect(bar.locators.current).toContainText('A001');
    await bar.press('办结');
    await expect(device.locators.question).toBeVisible();
    await device.rateBad('非常不满意', ['服务态度差'], '窗口人员态度生硬');
  });

  await test.step('the center’s daily report counts it, a ticket without a case', async () => {
    const { metrics } = await admin.call<{ metrics: Metrics }>(
      'GET',
      `/api/reports/metrics?${period}&department=SJ`,
    );
    expect(metrics.ratings[5]).toEqual({ count: 1, caseIds: [], tickets: ['A001'] });
    expect(metrics.badRatings.count).toBe(1);
    expect(metrics.appealedAway.count).toBe(0);
  });

  await test.step('the terminal’s 办结报表 shows the center’s figures', async () => {
    chiefPc = await signedInPage(browser, terminal!, chief);
    const report = reportPage(chiefPc);
    await report.open();
    await report.expectCounts({ 'rating-5': 1, badRatings: 1, 'rating-1': 0, paperRatings: 0 });
    await expect(chiefPc.getByTestId('ratings-unavailable')).toHaveCount(0);
    await expect(
      report.locators.windowRow('SJ01').getByTestId('window-metric-badRatings'),
    ).toHaveText('1');
    await report.drill('badRatings');
    await expect(chiefPc.getByTestId('drill-tickets')).toContainText('A001');
    await settled(chiefPc);
    await chiefPc.screenshot({ path: `${shots}/rating-window-report-drill.png` });
    await chiefPc.keyboard.press('Escape');
    await expect(report.locators.drillList).toHaveCount(0);
    await report.locators.metric('badRatings').scrollIntoViewIfNeeded();
    await settled(chiefPc);
    await chiefPc.screenshot({ path: `${shots}/rating-window-report.png` });
  });

  await test.step('the clerk sees the window’s rating and files 申诉 from the terminal', async () => {
    const ratings = windowRatingsPage(clerkPc);
    await ratings.open();
    await expect(ratings.locators.rows).toHaveCount(1);
    await expect(ratings.locators.row(5)).toContainText('非常不满意');
    await expect(ratings.locators.row(5)).toContainText('窗口人员态度生硬');
    await expect(ratings.locators.row(5)).toContainText('号票 A001');
    await ratings.locators.appeal.first().click();
    // no reason, nothing sent
    await ratings.locators.send.click();
    await expect(clerkPc.getByText('请写明申诉理由', { exact: true }).last()).toBeVisible();
    await ratings.locators.reason.fill(
      '申请人因材料不全情绪激动，窗口按规定一次性告知，可调阅录像',
    );
    await expect(clerkPc.getByText('请写明申诉理由', { exact: true })).toHaveCount(0);
    await settled(clerkPc);
    await clerkPc.screenshot({ path: `${shots}/rating-window-appeal-form.png` });
    await ratings.locators.send.click();
    await expect(clerkPc.getByText('申诉已送达中心，等待监察人员裁决')).toBeVisible();
    await expect(ratings.locators.state).toContainText('申诉待裁决');
    await expect(ratings.locators.appeal).toHaveCount(0);
  });

  await test.step('the supervisor rejects it; the window sees the decision and its note', async () => {
    const bySupervisor = await centerAdmin(h.center.url, {
      username: supervisor.username,
      password: hallAccount(supervisor).password,
    });
    const { ratings } = await bySupervisor.call<{ ratings: RatingRecord[] }>(
      'GET',
      `/api/ratings?${period}`,
    );
    expect(ratings[0]?.appeal).toMatchObject({ decision: null });
    await bySupervisor.call('POST', `/api/ratings/${ratings[0]!.id}/appeal/decision`, {
      upheld: false,
      note: '录像显示窗口人员语气生硬，申诉不成立',
    });
    const page = windowRatingsPage(clerkPc);
    await clerkPc.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page.locators.state).toContainText('申诉不成立');
    await expect(page.locators.state).toContainText('录像显示窗口人员语气生硬，申诉不成立');
    await clerkPc.screenshot({ path: `${shots}/rating-window-list.png` });
  });

  await test.step('with the center stopped, the report says so instead of a zero', async () => {
    await h.center.stop();
    const report = reportPage(chiefPc);
    await report.locators.refresh.click();
    await expect(chiefPc.getByTestId('ratings-unavailable')).toHaveText(
      '好差评数据来自中心，当前无法连接中心',
    );
    await expect(report.locators.metric('badRatings')).toHaveCount(0);
    await expect(report.locators.windowRow('SJ01')).toContainText('—');
    await chiefPc.getByTestId('ratings-unavailable').scrollIntoViewIfNeeded();
    await chiefPc.screenshot({ path: `${shots}/rating-window-report-offline.png` });
    // 本窗口评价 says where the ratings are and that the center cannot be reached
    await clerkPc.getByRole('button', { name: /查\s*询/ }).click();
    await expect(windowRatingsPage(clerkPc).locators.error).toContainText('当前无法连接中心');
  });
});
