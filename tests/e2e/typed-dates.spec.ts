import { expect, test } from '@playwright/test';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { intakePage } from './pages/intake';
import { loginPage } from './pages/login';

// Issue 16 point 3 at the counter: a return date typed as 1990-01-01 is refused at the field of
// the notice dialog (the shared rule in main, with its sentence); a working day after receipt is
// taken, and the issued notice names it without the form's （可选）.

const food = { initials: 'spjyxk', name: '食品经营许可' };
const applicant = { name: '王小明', idNumber: '11010519491231002X', mobile: '13800138000' };
const materials = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];

let terminal: WebTerminal;
test.beforeEach(async () => {
  // Thursday 12 February 2026; Friday 13 is a working day before the Spring Festival
  terminal = await startWebTerminal(['--now', '2026-02-12T10:00:00+08:00']);
});
test.afterEach(async () => {
  await terminal.stop();
});

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
]) {
  test(`a 1990 return date is refused at its field, a working day taken (${viewport.width})`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    const clerk = terminal.accounts.find((a) => a.role === 'clerk')!;
    await page.goto(terminal.url);
    await loginPage(page).signIn(clerk.username, clerk.password);
    const intake = intakePage(page);
    const l = intake.locators;
    await intake.open();
    await intake.findItem(food.initials, food.name);
    await intake.fillPerson(applicant);
    await intake.receive();
    await expect(l.status).toHaveText('已收件');
    await intake.markAllReceivedExcept(materials, ['m2']);
    await intake.issueNoticeFor();

    const dialog = page.getByRole('dialog', { name: '一次性告知书' });
    const returnBy = dialog.getByLabel('建议补正日期（可选）');
    await returnBy.fill('1990-01-01');
    await l.confirmNotice.click();
    const field = dialog
      .locator('.ant-form-item')
      .filter({ has: page.locator('#notice-return-by') });
    await expect(field).toContainText('建议补正日期须在收件之日以后，且不早于告知之日');
    await expect(l.status).toHaveText('已收件');
    await page.screenshot({
      path: `tests/e2e/artifacts/typed-dates-refused-${viewport.width}.png`,
    });

    await returnBy.fill('2026-02-13');
    await l.confirmNotice.click();
    await expect(l.status).toHaveText('待补正');
    await expect(l.noticeCard).toContainText('建议补正日期 2026-02-13');
    await expect(l.noticeCard).not.toContainText('可选');
    await page.screenshot({
      path: `tests/e2e/artifacts/typed-dates-notice-${viewport.width}.png`,
    });
  });
}
