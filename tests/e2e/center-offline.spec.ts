import { expect, test } from '@playwright/test';
import {
  hallAccount,
  hallPassword,
  startHallCenter,
  type HallCenter,
  type HallMember,
} from '../support/hall-center';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { adminPage } from './pages/admin';
import { loginPage } from './pages/login';
import { enrollThroughSettings, signedIn } from './pages/sync';

// The center's manager works at a window PC in 中心管理 when the center goes down (a restart, a
// cut cable). Renaming a department then cannot reach the center: the page must say the center
// is unreachable for now — not that the manager may not do it, which would send them to ask for
// rights they already have.

const staff = {
  manager: { username: 'manager-center', name: '周建国', role: 'manager' },
} as const satisfies Record<string, HallMember>;

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;

test.beforeAll(async () => {
  hall = await startHallCenter('2026-03-10T10:00:00+08:00', Object.values(staff));
  // the PC's clock agrees with the center's: a PC months off would show the clock banner
  terminal = await startWebTerminal(['--now', '2026-03-10T10:00:00+08:00']);
});

test.afterAll(async () => {
  await terminal?.stop();
  await hall?.stop();
});

test.use({ viewport: { width: 1366, height: 768 } });

test('a center that stopped answering is reported as unreachable, not as forbidden', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const t = terminal!;
  const ui = adminPage(page);

  await test.step('the PC joins the center and its manager signs in there', async () => {
    await enrollThroughSettings(page, t, hall!.center.url, await hall!.enrollmentCode());
    // the first sync brings the center's staff: then the manager can sign in at the PC
    await signedIn(t, hallAccount(staff.manager));
    await loginPage(page).signIn(staff.manager.username, hallPassword);
    await ui.open();
    await ui.signIn(hallPassword);
    await expect(ui.locators.page).toBeVisible();
    await expect(ui.locators.row('SJ')).toContainText('市场监督管理局');
  });

  await test.step('the center stops', async () => {
    // stop() returns once the process has exited: its port refuses connections from then on
    await hall!.center.stop();
    expect(hall!.center.exited()).toBe(true);
  });

  await test.step('renaming a department says the center cannot be reached', async () => {
    await ui.renameDepartment('SJ', '市场监督管理局（综合窗口）');
    await expect(ui.locators.formError).toContainText('中心暂时无法连接，请稍后重试');
    await expect(ui.locators.formError).not.toContainText('无权');
    // the dialog stays open with what the manager typed, to save again later
    await expect(ui.locators.dialog.getByLabel('部门名称')).toHaveValue(
      '市场监督管理局（综合窗口）',
    );
    await page.screenshot({
      path: 'tests/e2e/artifacts/center-offline-department.png',
      animations: 'disabled',
    });
    await page.keyboard.press('Escape');
  });

  await test.step('another tab that reads from the center says the same', async () => {
    await ui.openTab('窗口');
    await expect(ui.locators.loadError).toContainText('中心暂时无法连接，请稍后重试');
    await expect(ui.locators.loadError).not.toContainText('无权');
  });
});
