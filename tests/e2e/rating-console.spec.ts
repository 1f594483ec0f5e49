import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import type { RatingRecord } from '../../shared/center-api';
import { personApplicant } from '../support/applicants';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { hallAccount, startHallCenter, takeTicket, type HallCenter } from '../support/hall-center';
import { startProvincialStandin, type ProvincialStandin } from '../support/provincial-standin';
import { apiPost, startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { adminPage } from './pages/admin';
import { centerConsole } from './pages/console';
import { apiAs } from './pages/documents';
import { bigScreen, recordSpeech } from './pages/hall';
import { ratingDevicePage } from './pages/rating';
import { ratingsConsole } from './pages/ratings-console';
import { enrollThroughSettings, signedIn, syncNow } from './pages/sync';

// Issue 17 part 2, at the center's console: the manager pairs SJ01's tablet with a code read off
// the console and gives SJ01 its counter number, which the big screen then says; an applicant
// rates the service 不满意 on the tablet; the manager sees it with its reasons and records the
// 回访, keys in a paper form (counted apart) and is refused a second form with the same number;
// the window appeals through the center's API and the supervisor, at the console, upholds the
// appeal — the rating leaves the counts and its reasons stay on the list.

const now = '2026-03-06T09:00:00+08:00'; // a Friday: the follow-up is due on Wednesday the 11th
const clerk = { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' } as const;
const supervisor = { username: 'supervisor-sj', name: '韩立新', role: 'supervisor' } as const;
const shots = 'tests/e2e/artifacts';

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;
let provincial: ProvincialStandin | undefined;

test.afterAll(async () => {
  await terminal?.stop();
  await hall?.stop();
  await provincial?.close();
});

test('the manager and the supervisor keep 好差评 at the console', async ({ browser }) => {
  test.setTimeout(300_000);
  mkdirSync(shots, { recursive: true });
  hall = await startHallCenter(now, [clerk, supervisor]);
  const h = hall;
  const newPage = async (viewport: { width: number; height: number }): Promise<Page> =>
    (
      await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport })
    ).newPage();

  const page = await newPage({ width: 1366, height: 768 });
  const console_ = centerConsole(page, h.center.url);
  const ratings = ratingsConsole(page);
  const tablet = await newPage({ width: 1280, height: 800 });
  const device = ratingDevicePage(tablet);

  await test.step('the manager issues a pairing code at the console; the tablet pairs with it', async () => {
    await console_.signIn(adminAccount(h.dataDir));
    await ratings.open();
    const code = await ratings.issuePairingCode('SJ01');
    await expect(ratings.locators.pairingCard).toContainText('有效期至 2026-03-06 09:30');
    await page.screenshot({ path: `${shots}/rating-console-pairing.png` });
    expect(await console_.scrollsSideways()).toBe(false);
    await device.open(h.center.url, 'SJ01');
    await device.pair(code);
    await expect(tablet.getByText('市场监管一号窗')).toBeVisible();
  });

  await test.step('the windows tab gives SJ01 its counter number, 3', async () => {
    await adminPage(page).open();
    await adminPage(page).openTab('窗口');
    const row = adminPage(page).locators.row('SJ01');
    await expect(row).toContainText('—');
    await row.getByRole('button', { name: '设置窗口号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('窗口号').fill('3');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText('3号窗口');
    await page.screenshot({ path: `${shots}/rating-console-counter.png` });
  });

  const screenTab = await newPage({ width: 1920, height: 1080 });
  const speech = await recordSpeech(screenTab);
  const screen = bigScreen(screenTab);
  await test.step('a ticket called at SJ01 is heard at 3号窗口, finished and rated 不满意', async () => {
    await screen.open(h.center.url);
    await screen.locators.voice.click();
    await expect(screen.locators.voice).toBeHidden();
    expect(await takeTicket(h.center.url, 'SJ')).toBe('A001');
    terminal = await startWebTerminal(['--now', now]);
    const pc = await newPage({ width: 1366, height: 768 });
    await enrollThroughSettings(pc, terminal, h.center.url, await h.enrollmentCode());
    await pc.context().close();
    const token = await signedIn(terminal, hallAccount(clerk));
    const act = (action: string) => apiPost(terminal!, 'queue.act', { action }, token);
    await act('callNext');
    await expect.poll(speech.said).toContainEqual({ text: '请A001号到3号窗口办理', lang: 'zh-CN' });
    await act('finish');
    await expect(device.locators.question).toBeVisible();
    await device.rateBad('不满意', ['办事效率低'], '等候时间较长');
  });

  await test.step('the bad rating is on the list, with its reasons and its follow-up due', async () => {
    await ratings.open();
    await ratings.period('2026-03-01', '2026-03-31');
    const row = ratings.locators.row('A001');
    await expect(row).toContainText('SJ01');
    await expect(row).toContainText(clerk.name);
    await expect(row).toContainText('评价器');
    await expect(row).toContainText('不满意');
    await expect(row).toContainText('办事效率低');
    await expect(row).toContainText('等候时间较长');
    await expect(row).toContainText('计入');
    await expect(row).toContainText('回访期限 2026-03-11');
    await expect(ratings.locators.figure('total')).toHaveText('1');
    await expect(ratings.locators.figure('bad-rate')).toHaveText('100.0%');
    await expect(ratings.locators.figure('follow-ups')).toHaveText('1 / 0');
  });

  await test.step('the manager records the 回访', async () => {
    await ratings.recordFollowUp('A001', {
      by: '陈经理',
      // the center's clock stands at 09:00, the rating's time: the call is not later than now
      at: '2026-03-06T09:00',
      method: '电话回访',
      result: '已致歉，申请人表示理解',
      rectification: '优化取号分流',
    });
    const row = ratings.locators.row('A001');
    await expect(row).toContainText(
      '回访：陈经理 2026-03-06 09:00 电话回访：已致歉，申请人表示理解',
    );
    await expect(row.getByRole('button', { name: '记录回访' })).toHaveCount(0);
    await expect(ratings.locators.figure('follow-ups')).toHaveText('0 / 0');
  });

  const caseNumber =
    await test.step('a case is accepted at SJ01 and reaches the center', async () => {
      const api = await apiAs(terminal!, hallAccount(clerk));
      const accepted = await api.acceptedCase('SJ-002', personApplicant(51));
      const token = await signedIn(terminal!, hallAccount(clerk));
      expect(await syncNow(terminal!, token)).toMatchObject({ pending: 0, lastError: null });
      return accepted.caseNumber;
    });

  await test.step('代录: a paper form is counted apart; its number twice is refused', async () => {
    await ratings.locators.tab('代录纸质评价表').click();
    const form = { formNumber: 'PJ-2026-0001', caseNumber, level: '非常满意' };
    await ratings.keyInPaperForm(form);
    await expect(ratings.locators.message('已录入评价表 PJ-2026-0001')).toBeVisible();
    await ratings.keyInPaperForm(form);
    await expect(ratings.locators.paperError).toHaveText('评价表 PJ-2026-0001 已经录入过');
    await expect(ratings.locators.paperError).toBeVisible();
    await page.screenshot({ path: `${shots}/rating-console-paper-refused.png` });
    await ratings.locators.tab('评价记录').click();
    await ratings.period('2026-03-01', '2026-03-31');
    await expect(ratings.locators.row('PJ-2026-0001')).toContainText('代录');
    await expect(ratings.locators.figure('paper')).toHaveText('1');
    // the applicants' own ratings are still the one 不满意
    await expect(ratings.locators.figure('total')).toHaveText('1');
    await expect(ratings.locators.figure('bad-rate')).toHaveText('100.0%');
    await page.screenshot({ path: `${shots}/rating-console-list.png`, fullPage: true });
  });

  await test.step('the period exports as CSV and JSON, in the national fields', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('ratings-2026-03-01-2026-03-31.csv');
    const text = readFileSync(await csv.path(), 'utf8');
    const [header, ...lines] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toContain('评价渠道,评价等级,评价等级名称,差评原因');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes('A001'))).toContain('评价器,4,不满意,办事效率低');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe('ratings-2026-03-01-2026-03-31.json');
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
      ratings: Record<string, unknown>[];
    };
    expect(exported.ratings).toContainEqual(
      expect.objectContaining({
        ticketNumber: 'A001',
        channel: '评价器',
        levelName: '不满意',
        reasons: ['办事效率低'],
        windowCode: 'SJ01',
        staffName: clerk.name,
      }),
    );
    expect(exported.ratings).toContainEqual(
      expect.objectContaining({ formNumber: 'PJ-2026-0001', channel: '代录', caseNumber }),
    );
  });

  await test.step('the province’s endpoint and key are set; the key is never shown back', async () => {
    provincial = await startProvincialStandin('province-shared-key-0001');
    // the province is down for the first rating sent: it fails and shows why
    provincial.failNext(1);
    await ratings.locators.tab('设置与推送').click();
    const form = ratings.locators.settings;
    await expect(form.getByLabel('推送密钥')).toHaveAttribute('placeholder', '尚未设置');
    await form.getByLabel('省级好差评系统推送地址').fill(provincial.url);
    await form.getByLabel('推送密钥').fill(provincial.key);
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await expect(ratings.locators.message('已保存')).toBeVisible();
    await expect(form.getByLabel('推送密钥')).toHaveValue('');
    await expect(form.getByLabel('推送密钥')).toHaveAttribute('placeholder', /已设置（不显示）/);
    await expect(page.locator('body')).not.toContainText(provincial.key);
    // the center pushes every minute: waited for, never slept on
    const status = ratings.locators.pushStatus;
    await expect(async () => {
      await status.getByRole('button', { name: /刷\s*新/ }).click();
      await expect(status).toContainText('503', { timeout: 2_000 });
    }).toPass({ timeout: 90_000 });
    // pushed, waiting (the failed one with them), failed
    await expect(status.locator('.ant-statistic-content')).toHaveText(['1', '1', '1']);
    expect(provincial.received).toHaveLength(1);
    await page.screenshot({ path: `${shots}/rating-console-settings.png`, fullPage: true });
  });

  await test.step('the window appeals the 不满意 (through the center’s API)', async () => {
    const atWindow = await centerAdmin(h.center.url, {
      username: clerk.username,
      password: hallAccount(clerk).password,
    });
    const admin = await centerAdmin(h.center.url, adminAccount(h.dataDir));
    const { ratings: all } = await admin.call<{ ratings: RatingRecord[] }>(
      'GET',
      '/api/ratings?from=2026-03-01&to=2026-03-31',
    );
    const bad = all.find((r) => r.ticketNumber === 'A001')!;
    await atWindow.call('POST', `/api/ratings/${bad.id}/appeal`, {
      reason: '申请人在评价器上误触，当场已向窗口说明',
    });
    await console_.signOut();
  });

  await test.step('the supervisor, at the console, upholds the appeal with a note', async () => {
    await console_.signIn(hallAccount(supervisor));
    await ratings.open();
    // the supervisor decides appeals; the manager's tabs are not theirs
    await expect(ratings.locators.tab('代录纸质评价表')).toHaveCount(0);
    await ratings.period('2026-03-01', '2026-03-31');
    await expect(ratings.locators.figure('appeals-waiting')).toHaveText('1');
    const row = ratings.locators.row('A001');
    await expect(row).toContainText('申诉待裁定');
    await expect(row.getByRole('button', { name: '记录回访' })).toHaveCount(0);
    await row.getByRole('button', { name: '裁定申诉' }).click();
    // the rating and its reasons are in front of the supervisor while deciding
    await expect(ratings.locators.dialog).toContainText('办事效率低');
    await expect(ratings.locators.dialog).toContainText('申请人在评价器上误触');
    await page.screenshot({ path: `${shots}/rating-console-appeal.png` });
    await ratings.locators.dialog.getByRole('button', { name: /取\s*消/ }).click();
    await ratings.decideAppeal('A001', true, '调阅录像属实，申诉成立');
  });

  await test.step('the figures show it appealed away; its reasons stay on the list', async () => {
    const row = ratings.locators.row('A001');
    await expect(row).toContainText('不计入（申诉成立）');
    await expect(row).toContainText('办事效率低');
    await expect(row).toContainText('等候时间较长');
    await expect(row).toContainText('申诉理由：申请人在评价器上误触，当场已向窗口说明');
    await expect(row).toContainText('裁定理由：调阅录像属实，申诉成立');
    await expect(row.getByRole('button', { name: '裁定申诉' })).toHaveCount(0);
    await expect(ratings.locators.figure('appealed-away')).toHaveText('1');
    await expect(ratings.locators.figure('appeals-waiting')).toHaveText('0');
    await expect(ratings.locators.figure('total')).toHaveText('0');
    await expect(ratings.locators.figure('bad-rate')).toHaveText('—');
    await expect(ratings.locators.figure('paper')).toHaveText('1');
    expect(await console_.scrollsSideways()).toBe(false);
    await page.screenshot({ path: `${shots}/rating-console-decided.png`, fullPage: true });
  });

  await test.step('the same page in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(ratings.locators.page.getByRole('heading', { name: 'Ratings' })).toBeVisible();
    const row = ratings.locators.row('A001');
    await expect(row).toContainText('Dissatisfied');
    await expect(row).toContainText('Slow service');
    await expect(row).toContainText('Not counted (appeal upheld)');
    await expect(page.getByTestId('rating-figure-appealed-away')).toContainText(
      'Appealed away (apart)',
    );
    expect(await console_.scrollsSideways()).toBe(false);
    await page.screenshot({ path: `${shots}/rating-console-en.png`, fullPage: true });
    await page.getByRole('button', { name: '中文' }).click();
  });
});
