import { expect, test } from '@playwright/test';
import { apiPost, startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { printPage } from './pages/documents';
import { loginPage } from './pages/login';
import { printersCard } from './pages/printers';

// Issue 15 point 6: the manager names a printer per kind of document and prints a test page. In
// web mode the page cannot list or reach printers (the desktop app does: electron/print), so the
// card says so and the test page goes to the browser's print / PDF path.

const shots = 'tests/e2e/artifacts';
let terminal: WebTerminal;
test.beforeEach(async () => {
  terminal = await startWebTerminal();
});
test.afterEach(async () => {
  await terminal.stop();
});

test('the manager names the printer of each notice, keeps it, and prints a test page on one A4 sheet', async ({
  page,
}) => {
  const manager = terminal.accounts.find((a) => a.role === 'manager')!;
  await page.goto(terminal.url);
  await loginPage(page).signIn(manager.username, manager.password);
  const card = printersCard(page);
  await card.open();
  await expect(card.locators.webModeNote).toBeVisible();
  await expect(card.locators.testPage('受理通知书')).toBeDisabled();

  await card.choose('受理通知书', 'HP_LaserJet_窗口1', 2);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await card.locators.card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/printers-card-${size.width}.png`, fullPage: true });
  }

  // kept by the terminal: a fresh sign-in reads it back
  await page.goto(terminal.url);
  await loginPage(page).signIn(manager.username, manager.password);
  await card.open();
  await expect(card.locators.printer('受理通知书')).toHaveValue('HP_LaserJet_窗口1');
  await expect(card.locators.copies('受理通知书')).toHaveValue('2');
  await expect(card.locators.printer('送达回证')).toHaveValue('');

  // copies beyond 9: the field holds at 9, and main refuses a call that sends more
  await card.locators.copies('送达回证').fill('12');
  await card.locators.copies('送达回证').blur();
  await expect(card.locators.copies('送达回证')).toHaveValue('9');
  const { token } = await apiPost<{ token: string }>(terminal, 'auth.login', {
    username: manager.username,
    password: manager.password,
  });
  const stored = await apiPost<{ targets: Record<string, { copies: number }> }>(
    terminal,
    'print.settings.get',
    {},
    token,
  );
  await expect(
    apiPost(
      terminal,
      'print.settings.set',
      { targets: { ...stored.targets, delivery: { printer: 'HP', copies: 12 } } },
      token,
    ),
  ).rejects.toThrow(/份数不能超过9/);

  await card.locators.testPage('受理通知书').click();
  const sheet = printPage(page);
  await sheet.locators.sheet.waitFor();
  await expect(sheet.locators.sheet).toContainText('打印测试页');
  await expect(sheet.locators.sheet).toContainText('HP_LaserJet_窗口1');
  await expect(sheet.locators.sheet).toContainText('示范区政务服务中心');
  // the ruler is 100 mm on screen too (96 px per inch)
  const ruler = await page.getByTestId('test-ruler').boundingBox();
  expect(Math.round(((ruler?.width ?? 0) * 25.4) / 96)).toBe(100);
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const out = await sheet.toPdf('printer-test-page');
  expect(out.pages).toBe(1);
  expect(out.fonts).toMatch(/NotoSansSC/i);
  const text = out.text.replace(/\s+/g, '');
  expect(text).toContain('打印机：HP_LaserJet_窗口1');
  expect(text).toContain('天地玄黄');
});
