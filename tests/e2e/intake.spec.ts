import { expect, test, type Page } from '@playwright/test';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { intakePage } from './pages/intake';
import { loginPage } from './pages/login';

const food = { initials: 'spjyxk', name: '食品经营许可' };
const applicant = { name: '王小明', idNumber: '11010519491231002X', mobile: '13800138000' };
const badId = '110105194912310021'; // check character changed: X → 1
const materials = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];

let terminal: WebTerminal;
test.beforeEach(async () => {
  terminal = await startWebTerminal(['--now', '2026-02-12T10:00:00+08:00', '--clock-control']);
});
test.afterEach(async () => {
  await terminal.stop();
});

async function signInAsClerk(page: Page) {
  const clerk = terminal.accounts.find((a) => a.role === 'clerk')!;
  await page.goto(terminal.url);
  await loginPage(page).signIn(clerk.username, clerk.password);
}

test('a clerk receives, notifies once, takes the supplements and accepts across the Spring Festival', async ({
  page,
}) => {
  await signInAsClerk(page);
  const intake = intakePage(page);
  const l = intake.locators;
  await intake.open();

  // initials find the item of the window's department; its public guide shows beside the form
  await intake.findItem(food.initials, food.name);
  await expect(l.guide).toContainText('《中华人民共和国食品安全法》');
  await expect(l.guide).toContainText('不收费');
  // issue 17 part 3: the guide's words for limits, as the public /guide/ page states them
  await expect(l.guide).toContainText('承诺5个工作日内办结；法定时限10个工作日');
  await expect(l.name).toBeFocused();

  // a wrong check character is refused by the form, at the field, in Chinese
  await intake.fillPerson({ ...applicant, idNumber: badId });
  await intake.receive();
  await expect(l.idField).toContainText('身份证号码校验码错误');
  await expect(l.caseHeader).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/artifacts/intake-form.png', fullPage: true });

  // the fixed ID is accepted, the other fields kept what was typed, the case is received
  await l.idNumber.fill(applicant.idNumber);
  await expect(l.name).toHaveValue(applicant.name);
  await intake.receive();
  await expect(l.caseHeader).toContainText(/SJ-20260212-/);
  await expect(l.status).toHaveText('已收件');
  await expect(l.completenessClock).toContainText('补正告知期限');
  await expect(l.completenessClock).toContainText('剩 5 个工作日');

  // two required materials missing: the checklist says notice, not acceptance
  await intake.markAllReceivedExcept(materials, ['m2', 'm4']);
  await expect(l.verdict).toContainText('应出具一次性告知书');
  await page.screenshot({ path: 'tests/e2e/artifacts/intake-checklist.png', fullPage: true });
  await intake.issueNoticeFor();
  await expect(l.noticePreview.locator('li')).toHaveCount(2);
  await l.confirmNotice.click();

  // the notice lists exactly those two, frozen; the completeness clock stopped
  await expect(l.status).toHaveText('待补正');
  await expect(l.noticeItems).toHaveCount(2);
  await expect(l.noticeItems.nth(0)).toContainText('营业执照或者其他主体资格证明文件');
  await expect(l.noticeItems.nth(1)).toContainText('保证食品安全的规章制度目录');
  await expect(l.noticeCard).not.toContainText('食品经营许可申请书');
  await expect(l.completenessClock).toContainText('已一次性告知');
  await expect(l.printNotice).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/artifacts/intake-notice.png', fullPage: true });

  // no way to ask for anything new: the materials not in the notice cannot be re-marked,
  // no second notice is offered, and the rule is shown
  await expect(l.checklist).toHaveCount(0);
  await expect(l.issueNotice).toHaveCount(0);
  await expect(l.noticeRule).toContainText('不得提出新的补正要求');
  await expect(l.noticeCard.getByRole('checkbox')).toHaveCount(2);

  // while the supplements are outstanding, acceptance is only possible under a named 容缺 rule
  await l.acceptWaived.click();
  await l.confirmAccept.click();
  await expect(page.getByRole('dialog')).toContainText('请写明容缺规则');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // the applicant returns with both the same afternoon → tick off → accept
  await terminal.setClock('2026-02-12T15:30:00+08:00');
  await intake.tickSupplement([
    '营业执照或者其他主体资格证明文件',
    '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度目录',
  ]);
  await expect(l.status).toHaveText('已收件');
  // after the notice, only its materials may change: the others are locked
  await expect(l.material('m1').getByRole('radio')).toHaveCount(0);
  await intake.accept();

  // accepted Thu 12 Feb; 5 working days: Sat 14 (make-up), 15–23 off, Tue 24, Wed 25, Thu 26
  await expect(l.promisedDate).toHaveText('2026-02-26');
  await expect(l.acceptedCard).toContainText('承诺办结日期 2026-02-26');
  await l.printAcceptance.click();
  await expect(page).toHaveURL(/#\/print\/[0-9a-f-]+\/[0-9a-f-]+$/);
  // the printed acceptance notice carries the same promised date and the case number
  const sheet = page.locator('.a4-sheet');
  await expect(sheet).toContainText('受理通知书');
  await expect(sheet).toContainText('2026年2月26日');
  await expect(sheet).toContainText(/SJ-20260212-SJ01-T1-\d{4}/);
});

test('a refusal without reasons is blocked by the form', async ({ page }) => {
  await terminal.setClock('2026-02-24T09:00:00+08:00');
  await signInAsClerk(page);
  const intake = intakePage(page);
  const l = intake.locators;
  await intake.open();
  await intake.findItem('SJ-002', food.name);
  await intake.fillPerson(applicant);
  await intake.receive();
  await expect(l.status).toHaveText('已收件');

  await intake.openRefusal();
  await l.refuseDialog.getByLabel('应向哪个机关申请').fill('区卫生健康局');
  await l.confirmRefuse.click();
  await expect(
    l.refuseDialog.locator('.ant-form-item').filter({ hasText: '不予受理的理由' }),
  ).toContainText('必填');
  await expect(
    l.refuseDialog.locator('.ant-form-item').filter({ hasText: '法律依据' }),
  ).toContainText('必填');
  await expect(l.refuseDialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(l.status).toHaveText('已收件');

  // with reasons and basis the refusal goes through, and a second application can start
  await intake.openRefusal();
  await l.refuseDialog.getByLabel('应向哪个机关申请').fill('区卫生健康局');
  await l.refuseDialog.getByLabel('不予受理的理由').fill('申请事项属于卫生健康部门职权');
  await l.refuseDialog
    .getByLabel('法律依据')
    .fill('《中华人民共和国行政许可法》第三十二条第一款第（二）项');
  await l.confirmRefuse.click();
  await expect(l.status).toHaveText('不予受理');
  await page.getByTestId('second-apply').click();
  await expect(page.getByTestId('second-application')).toContainText('二次申请');
  await expect(l.selectedItem).toContainText(food.name);
  await expect(l.idNumber).toHaveValue(applicant.idNumber);
});

test('the whole intake of a typical case with the keyboard only', async ({ page }) => {
  await terminal.setClock('2026-02-25T09:00:00+08:00');
  const clerk = terminal.accounts.find((a) => a.role === 'clerk')!;
  await page.goto(terminal.url);
  const kb = page.keyboard;
  await page.getByLabel('用户名').focus();
  await kb.type(clerk.username);
  await kb.press('Tab');
  await kb.type(clerk.password);
  await kb.press('Enter');
  const intake = intakePage(page);
  const l = intake.locators;
  // Alt+I opens a new intake from anywhere in the shell
  await expect(l.nav).toBeVisible();
  await kb.press('Alt+KeyI');
  await expect(l.finder).toBeFocused();

  await kb.type(food.initials);
  await expect(l.results.first()).toContainText(food.name);
  await kb.press('Enter');
  await expect(l.name).toBeFocused();
  await kb.type('李华');
  await kb.press('Tab');
  await kb.type(applicant.idNumber);
  await kb.press('Tab');
  await kb.type(applicant.mobile);
  await kb.press('Control+Enter');
  await expect(l.status).toHaveText('已收件');

  await kb.press('Alt+3');
  for (let i = 0; i < materials.length; i++) await kb.press('1');
  await kb.press('Control+Enter');
  await expect(l.verdict).toContainText('可以受理');
  await kb.press('Alt+A');
  await expect(l.confirmAccept).toBeVisible();
  await kb.press('Control+Enter');
  await expect(l.acceptedCard).toBeVisible();
  // accepted Wed 25 Feb: Thu 26, Fri 27, Sat 28 (make-up), Mon 2, Tue 3 Mar
  await expect(l.promisedDate).toHaveText('2026-03-03');
  await kb.press('Alt+P');
  await expect(page).toHaveURL(/#\/print\//);
});
