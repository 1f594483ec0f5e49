import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { adminAccount, startCenter, type CenterProcess } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { adminPage } from './pages/admin';
import { loginPage } from './pages/login';
import { settingsPage } from './pages/sync';

// Part W of issue 16: the center's manager keeps a department's 常用语 in 中心管理 → 常用语 from
// an enrolled window PC; the center checks each phrase. A real center process, a web terminal.

const manager = { username: 'zhoumin', name: '周敏', password: 'manager-pass-1' };

let centerDir: string;
let center: CenterProcess | undefined;
let terminal: WebTerminal | undefined;

test.beforeAll(async () => {
  centerDir = mkdtempSync(join(tmpdir(), 'onewindow-center-'));
  center = await startCenter({ dataDir: centerDir });
  terminal = await startWebTerminal();
});

test.afterAll(async () => {
  await terminal?.stop();
  await center?.stop();
  if (centerDir) rmSync(centerDir, { recursive: true, force: true });
});

test.use({ viewport: { width: 1366, height: 768 } });

test('the manager adds, orders and removes a department’s phrases at the center', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const admin = await centerAdmin(center!.url, adminAccount(centerDir));
  await admin.createStaff({ ...manager, role: 'manager', windowId: null });
  const windowId = await admin.createWindow({
    code: 'SJ01',
    name: '市场监管一号窗',
    departmentCode: 'SJ',
  });
  const code = await admin.enrollmentCode(windowId);
  const demo = terminal!.accounts.find((a) => a.role === 'manager')!;
  await page.goto(terminal!.url);
  await loginPage(page).signIn(demo.username, demo.password);
  await settingsPage(page).open();
  await settingsPage(page).enroll(center!.url, code);
  await expect(page.getByText('注册成功：请使用中心下发的账号重新登录')).toBeVisible();

  const user = page.getByTestId('shell-user');
  await expect(async () => {
    if (!(await user.isVisible())) {
      await loginPage(page).signIn(manager.username, manager.password);
    }
    await expect(user).toContainText(manager.name, { timeout: 4000 });
  }).toPass({ intervals: [1000, 2000, 3000], timeout: 30_000 });
  const ui = adminPage(page);
  await ui.open();
  await ui.signIn(manager.password);
  await expect(ui.locators.page).toBeVisible();
  await ui.openTab('常用语');

  const list = page.getByTestId('phrases-list');
  // the center was seeded with the shipped phrases of 市场监督管理局
  const department = page.getByRole('combobox', { name: '部门' });
  await department.fill('市场监督');
  await department.press('Enter');
  await page.getByText('法律依据', { exact: true }).click();
  await expect(list).toContainText('《中华人民共和国食品安全法》第三十五条第一款');

  // a new phrase, at the end of the kind's list
  const added = '《食品经营许可和备案管理办法》第二十二条';
  await page.getByRole('button', { name: '新增常用语' }).click();
  await page.getByTestId('phrase-form').getByLabel('法律依据').fill(added);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(list.getByRole('row').last()).toContainText(added);

  // the same phrase twice is refused by the center, and nothing changes
  await page.getByRole('button', { name: '新增常用语' }).click();
  await page.getByTestId('phrase-form').getByLabel('法律依据').fill(added);
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(ui.locators.formError).toContainText('常用语重复');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /取\s*消/ })
    .click();

  // moved up one place (the header is a row too), then removed
  await list
    .getByRole('row')
    .filter({ hasText: added })
    .getByRole('button', { name: /上\s*移/ })
    .click();
  await expect(async () => {
    const rows = await list.getByRole('row').allInnerTexts();
    expect(rows.findIndex((r) => r.includes(added))).toBe(rows.length - 2);
  }).toPass({ timeout: 10_000 });
  await page.screenshot({
    path: 'tests/e2e/artifacts/phrases-admin-1366.png',
    animations: 'disabled',
  });
  await list
    .getByRole('row')
    .filter({ hasText: added })
    .getByRole('button', { name: /删\s*除/ })
    .click();
  await page
    .getByRole('button', { name: /删\s*除/ })
    .last()
    .click();
  await expect(list).not.toContainText(added);
});
