import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import {
  hallAccount,
  hallPassword,
  startHallCenter,
  type HallCenter,
} from '../support/hall-center';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { adminPage } from './pages/admin';
import { centerConsole } from './pages/console';
import { apiAs } from './pages/documents';
import { supervisionPage } from './pages/supervision';
import { enrollThroughSettings, signedIn, syncNow } from './pages/sync';

// Part U of issue 16 (Done-when): the center's own console in a plain browser. The center's first
// manager — the account its first start wrote, no terminal anywhere yet — signs in at
// /console/, issues an enrollment code, and a PC is enrolled with it; the terminal shows in the
// devices list. A week later the center raises a red card on that PC's case, and the supervisor
// acknowledges it at the console, under a header that names the center, never a window.

const staff = {
  clerk: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' },
  supervisor: { username: 'supervisor-sj', name: '韩立新', role: 'supervisor' },
} as const;

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;
let context: BrowserContext | undefined;

test.beforeAll(async () => {
  hall = await startHallCenter('2026-03-02T09:00:00+08:00', Object.values(staff));
});

test.afterAll(async () => {
  await context?.close();
  await terminal?.stop();
  await hall?.stop();
});

/** The page at both sizes the hall's PCs have, without a horizontal scroll bar. */
async function snap(page: Page, name: string, scrollsSideways: () => Promise<boolean>) {
  for (const [width, height] of [
    [1366, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    expect(await scrollsSideways()).toBe(false);
    await page.screenshot({ path: `tests/e2e/artifacts/console-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('the center console: the manager enrolls a terminal, the supervisor acknowledges an alert', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const h = hall!;
  context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 768 },
  });
  const page = await context.newPage();
  const console_ = centerConsole(page, h.center.url);
  const ui = adminPage(page);

  await test.step("the center's first manager signs in at the console", async () => {
    await console_.signIn(adminAccount(h.dataDir));
    await expect(console_.locators.place).toContainText('中心控制台');
    await expect(console_.locators.user).toContainText('管理');
    await expect(ui.locators.page).toBeVisible();
    // the center's pages only: nothing of a terminal, and no second sign-in at the center
    await expect(console_.locators.nav.getByRole('menuitem')).toHaveText([
      '中心管理',
      '好差评',
      '今日概览',
    ]);
    await expect(console_.locators.centerSignIn).toHaveCount(0);
    await expect(page.getByTestId('sync-status')).toHaveCount(0);
    expect(await page.title()).toBe('一窗通 · 中心控制台');
  });

  const code = await test.step('and issues an enrollment code for SJ01', async () => {
    await ui.openTab('窗口');
    await ui.issueCode('SJ01');
    await expect(ui.locators.enrollmentCode).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const issued = (await ui.locators.enrollmentCode.textContent()) ?? '';
    await page.keyboard.press('Escape');
    await expect(ui.locators.enrollmentDialog).toBeHidden();
    return issued;
  });

  await test.step('a PC is enrolled at SJ01 with that code', async () => {
    terminal = await startWebTerminal(['--now', '2026-03-02T09:00:00+08:00', '--clock-control']);
    const pc = await context!.newPage();
    await enrollThroughSettings(pc, terminal, h.center.url, code);
    await pc.close();
  });

  await test.step('the terminal is in the console’s devices list', async () => {
    await ui.openTab('终端');
    await expect(ui.locators.row('SJ01 市场监管一号窗')).toContainText('在用');
    await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
    await snap(page, 'manager', console_.scrollsSideways);
  });

  const received = await test.step('the clerk accepts a case at the PC and syncs', async () => {
    const t = terminal!;
    const clerk = await signedIn(t, hallAccount(staff.clerk));
    const c = await (
      await apiAs(t, hallAccount(staff.clerk))
    ).acceptedCase('SJ-002', personApplicant(31));
    expect(await syncNow(t, clerk)).toMatchObject({ pending: 0, lastError: null });
    return c;
  });

  await test.step('eight days later the center has raised a red card', async () => {
    await console_.signOut();
    await h.restartAt('2026-03-10T10:00:00+08:00');
    const admin = await centerAdmin(h.center.url, adminAccount(h.dataDir));
    // the supervision round of the center's start: waited for, never slept on
    await expect
      .poll(async () =>
        (await admin.call<{ caseNumber: string | null }[]>('GET', '/api/alerts')).some(
          (a) => a.caseNumber === received.caseNumber,
        ),
      )
      .toBe(true);
  });

  const sp = supervisionPage(page);
  const row = sp.row('clock.promised.red', received.caseNumber);
  await test.step('the supervisor signs in at the console and finds it', async () => {
    await console_.signIn({ username: staff.supervisor.username, password: hallPassword });
    await expect(console_.locators.place).toContainText('中心控制台');
    await expect(console_.locators.user).toContainText(staff.supervisor.name);
    await expect(console_.locators.nav.getByRole('menuitem')).toHaveText([
      '电子监察',
      '好差评',
      '今日概览',
    ]);
    // the console's own 使用手册: F1 opens the supervisor's first
    await page.keyboard.press('F1');
    const manual = page.getByRole('dialog', { name: '使用手册' });
    await expect(manual).toBeVisible();
    await expect(manual.getByRole('tab').first()).toHaveText('监察人员');
    await page.keyboard.press('Escape');
    await expect(manual).toBeHidden();
    await expect(console_.locators.supervisionTabs).toBeVisible();
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('红牌');
    await snap(page, 'supervisor-alerts', console_.scrollsSideways);
  });

  await test.step('and acknowledges it with a comment', async () => {
    await row.click();
    // the console holds no case: its evidence is the center's record of it, events named
    await expect(sp.locators.evidence.getByTestId('alert-center-case')).toContainText(
      `办件 ${received.caseNumber} · 食品经营许可`,
    );
    await expect(sp.locators.evidence.getByTestId('alert-evidence-event').first()).toContainText(
      '收件',
    );
    await expect(sp.locators.evidence.locator('[data-cited="true"]')).toHaveCount(1);
    await sp.act('acknowledge', '已电话督办一号窗，今日内办结');
    await expect(sp.locators.status).toHaveText('已确认');
    await expect(sp.locators.historyEntries.first()).toContainText(staff.supervisor.name);
    await snap(page, 'supervisor-acknowledged', console_.scrollsSideways);
    await page.keyboard.press('Escape');
    await expect(row).toHaveCount(0);
  });
});
