import { expect, test, type BrowserContext } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import {
  hallAccount,
  hallPassword,
  startHallCenter,
  type HallCenter,
} from '../support/hall-center';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { apiAs } from './pages/documents';
import { loginPage } from './pages/login';
import { supervisionPage } from './pages/supervision';
import { enrollThroughSettings, signedIn, syncNow } from './pages/sync';

// Monday 2 March: the clerk accepts a case promised in five working days (due Monday 9 March) and
// syncs. Tuesday 10 March: the center (started again with that day's clock, as is the PC's) finds
// the promise broken on its supervision round and raises a red card. The supervisor reads it at
// the terminal's 电子监察, acknowledges it with a comment, and the history keeps who said what.

const password = hallPassword;
const staff = {
  clerk: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' },
  supervisor: { username: 'supervisor-sj', name: '韩立新', role: 'supervisor' },
} as const;
const account = hallAccount;

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;
let context: BrowserContext | undefined;

// the center's clock agrees with the PC's on 2 March; it moves past the deadline below
test.beforeAll(async () => {
  hall = await startHallCenter('2026-03-02T09:00:00+08:00', Object.values(staff));
});

test.afterAll(async () => {
  await context?.close();
  await terminal?.stop();
  await hall?.stop();
});

test('the center raises a red card when its clock passes a deadline; the supervisor acknowledges it at the terminal', async ({
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

  await test.step('the manager enrolls the terminal at SJ01 on the settings page', async () => {
    await enrollThroughSettings(page, t, hall!.center.url, await hall!.enrollmentCode());
  });

  const received = await test.step('the clerk accepts an SJ-002 case and syncs', async () => {
    const clerk = await signedIn(t, account(staff.clerk));
    const c = await (
      await apiAs(t, account(staff.clerk))
    ).acceptedCase('SJ-002', personApplicant(31));
    expect(await syncNow(t, clerk)).toMatchObject({ pending: 0, lastError: null });
    return c;
  });

  await test.step('eight days later, at the center and at the PC', async () => {
    await hall!.restartAt('2026-03-10T10:00:00+08:00');
    await t.setClock('2026-03-10T10:00:00+08:00');
  });

  const sp = supervisionPage(page);
  await test.step('the supervisor opens 电子监察 and signs in at the center', async () => {
    await signedIn(t, account(staff.supervisor));
    await loginPage(page).signIn(staff.supervisor.username, password);
    await sp.open();
    await expect(sp.locators.centerSignIn).toBeVisible();
    await sp.signInAtCenter(password);
    await expect(sp.locators.page).toBeVisible();
  });

  const row = sp.row('clock.promised.red', received.caseNumber);
  await test.step('the red card of the case is among the open alerts', async () => {
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute('data-level', 'red');
    await expect(row).toContainText('红牌');
    await expect(row).toContainText('承诺办结期限已逾期（截止 2026-03-09）');
    await expect(row).toContainText('待处理');
    // the enrollment's toast has gone by the time the supervisor reads the list
    await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
    await page.screenshot({ path: 'tests/e2e/artifacts/supervision.png' });
  });

  await test.step('the supervisor acknowledges it with a comment', async () => {
    await row.click();
    await expect(sp.locators.message).toContainText('红牌：承诺办结期限已逾期');
    await expect(sp.locators.status).toHaveText('待处理');
    await expect(sp.locators.evidence).not.toBeEmpty();
    await expect(sp.locators.history).toContainText('尚未处理');
    // the comment is required
    await sp.locators.acknowledge.click();
    await expect(sp.locators.drawer.getByText('请填写处理意见')).toBeVisible();
    await sp.act('acknowledge', '已电话督办一号窗，今日内办结');
    await expect(sp.locators.status).toHaveText('已确认');
    await expect(sp.locators.historyEntries).toHaveCount(1);
    const entry = sp.locators.historyEntries.first();
    await expect(entry).toContainText('确认');
    await expect(entry).toContainText(staff.supervisor.name);
    await expect(entry).toContainText('已电话督办一号窗，今日内办结');
    await page.screenshot({ path: 'tests/e2e/artifacts/supervision-history.png' });
  });

  await test.step('the alert left the open list and is among the acknowledged', async () => {
    await page.keyboard.press('Escape');
    await expect(row).toHaveCount(0);
    await sp.locators.filter('已确认').click();
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('已确认');
  });
});
