import { expect, test } from '@playwright/test';
import { receiveThroughApi, startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { loginPage, shell } from './pages/login';

let terminal: WebTerminal;
test.beforeAll(async () => {
  terminal = await startWebTerminal();
});
test.afterAll(async () => {
  await terminal.stop();
});

test('a demo clerk signs in and sees the shell of their window', async ({ page }) => {
  const clerk = terminal.accounts.find((a) => a.role === 'clerk');
  expect(clerk, 'the web mode prints the demo clerk').toBeDefined();
  await page.goto(terminal.url);
  const login = loginPage(page);
  await login.signIn(clerk!.username, 'wrong-password');
  await expect(login.locators.error).toContainText('用户名或密码错误');
  await page.screenshot({ path: 'tests/e2e/artifacts/login-error.png' });

  await login.signIn(clerk!.username, clerk!.password);
  const s = shell(page);
  await expect(s.place).toContainText('市场监督管理局');
  await expect(s.place).toContainText('市场监管窗口');
  await expect(s.user).toContainText(clerk!.name);
  await expect(s.user).toContainText('窗口工作人员');
  await expect(s.syncStatus).toContainText('未连接中心');
  await expect(s.nav).toContainText('我的办件');
  await expect(s.nav).not.toContainText('电子监察');
  // part T of issue 16: the list opens on the department's cases
  await expect(page.getByText('本部门办件')).toBeVisible();
  await expect(page.getByText('暂无在办件')).toBeVisible();

  // Intake screens come with their own issue; a case received through the same API shows up
  // in the work list with its live completeness clock, without a reload.
  const received = await receiveThroughApi(terminal, clerk!);
  // the list refreshes every minute and whenever the window regains focus
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  const row = page.getByRole('row', { name: new RegExp(received.caseNumber) });
  await expect(row).toContainText('个体工商户');
  await expect(row).toContainText('补正告知期限');
  await expect(row).toContainText('正常');
  await page.screenshot({ path: 'tests/e2e/artifacts/shell-clerk.png', fullPage: true });

  await s.logout.click();
  await expect(login.locators.submit).toBeVisible();
});

test('the shell switches to English and each role sees its own navigation', async ({ page }) => {
  const supervisor = terminal.accounts.find((a) => a.role === 'supervisor')!;
  await page.goto(terminal.url);
  await loginPage(page).signIn(supervisor.username, supervisor.password);
  const s = shell(page);
  await expect(s.nav).toContainText('电子监察');
  await expect(s.nav).not.toContainText('收件受理');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(s.logout).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(s.nav).toContainText('Supervision');
  await page.screenshot({ path: 'tests/e2e/artifacts/shell-supervisor-en.png' });

  // main refuses in Chinese with the rule id; the English UI says it from its own catalogue
  await page.getByRole('button', { name: 'Sign out' }).click();
  const login = loginPage(page, 'en');
  await login.signIn(supervisor.username, 'wrong-password');
  await expect(login.locators.error).toContainText('Wrong username or password');
  await expect(login.locators.error).not.toContainText('用户名或密码错误');
});
