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

// The center's manager keeps the center's reference data from a window PC: the PC is enrolled
// with the center, the manager signs in with their center account, and 中心管理 relays every
// change to the center.

// not the demo manager's name: the shell must show who is signed in after the enrollment
const manager = { username: 'sunlihua', name: '孙立华', password: 'manager-pass-1' };

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

test('the manager keeps windows, staff, powers and closure days at the center from a window PC', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const admin = await centerAdmin(center!.url, adminAccount(centerDir));

  await test.step('the PC is enrolled at the center with the demo manager', async () => {
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
    const settings = settingsPage(page);
    await settings.open();
    await settings.enroll(center!.url, code);
    await expect(page.getByText('注册成功：请使用中心下发的账号重新登录')).toBeVisible();
    // the demo accounts are gone with the enrollment: the shell gives way to the login page
    await expect(page.getByTestId('shell-user')).toHaveCount(0);
  });

  const ui = adminPage(page);
  // the tabs and dialogs fade in: a picture mid-animation shows a grey mask and no dialog
  const snap = (name: string) =>
    page.screenshot({ path: `tests/e2e/artifacts/admin-${name}.png`, animations: 'disabled' });
  await test.step('the center’s manager signs in at the PC and again at the center', async () => {
    // The first sync brings the center's staff. Few, spaced attempts (five failures lock the
    // account); a slow sign-in that did go through must not be typed over.
    const user = page.getByTestId('shell-user');
    await expect(async () => {
      if (!(await user.isVisible())) {
        await loginPage(page).signIn(manager.username, manager.password);
      }
      await expect(user).toContainText(manager.name, { timeout: 4000 });
    }).toPass({ intervals: [1000, 2000, 3000], timeout: 30_000 });
    await ui.open();
    await ui.signIn('wrong-password-1');
    await expect(ui.locators.signIn).toContainText('用户名或密码错误');
    await ui.signIn(manager.password);
    await expect(ui.locators.page).toBeVisible();
    await expect(ui.locators.row('SJ')).toContainText('市场监督管理局');
    await snap('departments');
  });

  await test.step('a new window, and an enrollment code for its PC', async () => {
    await ui.openTab('窗口');
    await ui.createWindow({ department: 'SJ', code: 'SJ01', name: '重复的窗口' });
    await expect(ui.locators.dialog.getByText('窗口编号已存在: SJ01')).toBeVisible();
    await snap('window-error');
    await ui.locators.dialog.getByLabel('窗口编号').fill('SJ05');
    await ui.locators.dialog.getByLabel('窗口名称').fill('市场监管五号窗');
    await ui.locators.dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(ui.locators.row('SJ05')).toContainText('市场监管五号窗');
    await ui.issueCode('SJ05');
    await expect(ui.locators.enrollmentCode).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(ui.locators.enrollmentDialog).toBeVisible();
    await expect(ui.locators.enrollmentDialog).toContainText('有效期至');
    await snap('windows-code');
    await page.keyboard.press('Escape');
  });

  await test.step('a clerk for the new window, with a password', async () => {
    await ui.openTab('人员');
    await ui.createStaff({
      username: 'wu-sj05',
      name: '吴晓燕',
      role: '窗口工作人员',
      window: 'SJ05',
      password: 'short',
    });
    // the center's message, under the password field
    await expect(ui.locators.dialog.getByText('密码至少8位', { exact: true })).toBeVisible();
    await snap('staff-form-error');
    await ui.locators.dialog.getByLabel('初始密码').fill('clerk-pass-5');
    await ui.locators.dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = ui.locators.row('wu-sj05');
    await expect(row).toContainText('SJ05 市场监管五号窗');
    await expect(row).toContainText('在岗');

    // an IT account that administers the center and never signs in at a window PC
    await ui.createStaff({
      username: 'it-admin2',
      name: '钱工',
      role: '监察人员',
      centerOnly: true,
      password: 'it-admin-pass-2',
    });
    await expect(ui.locators.row('it-admin2')).toContainText('仅中心');
    await snap('staff');
  });

  await test.step('the catalog, and what the new window is delegated', async () => {
    await ui.openTab('事项目录');
    await expect(ui.locators.row('SJ-001')).toBeVisible();
    await snap('items');
    // the catalog is edited as JSON; the center's objection shows with the field it names
    const items = await admin.call<{ code: string; name: string }[]>('GET', '/api/items');
    const sj001 = items.find((i) => i.code === 'SJ-001')!;
    await ui.editItem('SJ-001', { ...sj001, name: '食品经营许可', initials: 'spjyxk' });
    await expect(ui.locators.itemProblems).toContainText('name');
    await expect(ui.locators.itemProblems).toContainText('事项名称已被 SJ-002 使用');
    await snap('item-editor');
    await page.keyboard.press('Escape');
    await ui.openTab('授权');
    // a new window starts fully delegated; the department's 授权书 keeps 审批 of SJ-001 for itself
    await ui.delegate('SJ05 市场监管五号窗', sj001.name, '审批', false);
    await expect(page.getByText('市场监管五号窗 的授权已保存')).toBeVisible();
    await snap('powers');
    const windows = await admin.call<{ id: string; code: string }[]>('GET', '/api/windows');
    const sj05 = windows.find((w) => w.code === 'SJ05')!;
    const powers = await admin.call<{ itemCode: string; powers: string[] }[]>(
      'GET',
      `/api/windows/${sj05.id}/powers`,
    );
    expect(powers.find((p) => p.itemCode === 'SJ-001')?.powers).toEqual([
      'accept',
      'coordinate',
      'deliver',
      'respond',
      'certify',
    ]);
    expect(powers.filter((p) => p.powers.includes('approve')).map((p) => p.itemCode)).toEqual([
      'SJ-002',
      'SJ-003',
      'SJ-004',
    ]);
  });

  await test.step('a closure day', async () => {
    await ui.openTab('闭馆日');
    await ui.addClosure('2026-05-06', '办公设备检修');
    await expect(ui.locators.row('2026-05-06')).toContainText('办公设备检修');
    await snap('closures');
    expect(await admin.call('GET', '/api/closures')).toEqual([
      { date: '2026-05-06', reason: '办公设备检修' },
    ]);
  });

  await test.step('the center’s settings and its terminals', async () => {
    await ui.openTab('中心设置');
    await expect(page.getByLabel('中心名称')).toHaveValue(/中心/);
    // the receipt key's fingerprint, as the center publishes it to whoever verifies an archive
    const published = await admin.call<{ fingerprint: string }>('GET', '/api/center/receipt-key');
    // in groups of four on two lines; the copy button copies it whole
    const shown = page.getByTestId('receipt-fingerprint');
    await expect(shown).toContainText(
      published.fingerprint.slice(0, 19).replace(/(.{4})(?=.)/g, '$1 '),
    );
    expect((await shown.textContent())?.replace(/\s/g, '')).toBe(published.fingerprint);
    await snap('settings');
    await ui.openTab('终端');
    await expect(ui.locators.row('SJ01 市场监管一号窗')).toContainText('在用');
    await snap('devices');
  });
});
