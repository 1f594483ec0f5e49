import { expect, test, type Page } from '@playwright/test';
import { usccCheckChar } from '../../shared/ids';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { casePage, myCases } from './pages/cases';
import { intakePage } from './pages/intake';
import { loginPage } from './pages/login';

// Part R of issue 16 at the counter, at 1366×768: the applicant asks for a 营业执照 and the picker
// offers 个体工商户设立登记; a company's USCC last used under another name warns and lets the
// clerk go on; the case is found again by the last four digits of its number and by the mobile.
test.use({ viewport: { width: 1366, height: 768 } });

const first17 = '91610113MA6W0R8T2';
const uscc = first17 + usccCheckChar(first17);
const company = {
  name: '西安市雁塔区丰源商贸有限公司',
  uscc,
  legalRepresentative: '张伟',
  contact: '李娜',
  mobile: '13991234567',
};
const registration = '个体工商户设立登记';

let terminal: WebTerminal;
test.beforeEach(async () => {
  terminal = await startWebTerminal(['--now', '2026-03-02T10:00:00+08:00']);
});
test.afterEach(async () => {
  await terminal.stop();
});

async function signInAsClerk(page: Page) {
  const clerk = terminal.accounts.find((a) => a.role === 'clerk')!;
  await page.goto(terminal.url);
  await loginPage(page).signIn(clerk.username, clerk.password);
}

test('the picker finds an item by its alias; a USCC under another name warns; a case is found by any part', async ({
  page,
}) => {
  await signInAsClerk(page);
  const intake = intakePage(page);
  const l = intake.locators;

  // the applicant asks for a business licence: the alias finds the registration, and says why
  await intake.open();
  await l.finder.fill('营业执照');
  await expect(l.results.first()).toContainText(registration);
  await expect(l.results.first().getByTestId('item-alias')).toHaveText('又称 营业执照');
  await page.screenshot({ path: 'tests/e2e/artifacts/search-alias-1366.png' });
  await l.finder.press('Enter');
  await expect(l.selectedItem).toContainText(registration);
  await intake.fillOrganisation(company);
  await intake.receive();
  await expect(l.caseHeader).toContainText(/SJ-20260302-/);
  const firstNumber = (await l.caseHeader.textContent())!.match(/SJ-20260302-[A-Z0-9-]+/)![0];

  // the same code under another name: a warning with the earlier name and case, not a block
  await intake.open();
  await intake.findItem('yyzz', registration);
  await intake.fillOrganisation({ ...company, name: '西安市雁塔区丰源贸易有限公司' });
  await expect(l.usccOtherName).toContainText(`“${company.name}”`);
  await expect(l.usccOtherName).toContainText(firstNumber);
  await page.screenshot({ path: 'tests/e2e/artifacts/search-uscc-warning-1366.png' });
  // the same name typed with other spaces is the same organisation: no warning
  await l.orgName.fill(` ${company.name}`);
  await expect(l.usccOtherName).toHaveCount(0);
  await l.orgName.fill('西安市雁塔区丰源贸易有限公司');
  await expect(l.usccOtherName).toBeVisible();
  // part T of issue 16: the first case of this USCC and item is still open in the department, so
  // a second one is made only with the reason
  await expect(l.openCase(firstNumber)).toBeVisible();
  await l.createAnyway.click();
  await l.duplicateReason.fill('企业已更名，按新名称另行申请');
  await l.confirmDuplicateReason.click();
  await intake.receive();
  await expect(l.caseHeader).toContainText(/SJ-20260302-/);
  const secondNumber = (await l.caseHeader.textContent())!.match(/SJ-20260302-[A-Z0-9-]+/)![0];
  expect(secondNumber).not.toBe(firstNumber);
  // the reason stands in the new case's history, for the chief and the supervisor to read
  await expect(page).toHaveURL(/#\/intake\/[0-9a-f-]{36}$/);
  await page.goto(page.url().replace('#/intake/', '#/case/'));
  await expect(casePage(page).locators.event('收件')).toContainText(
    '仍然新建的理由：企业已更名，按新名称另行申请',
  );

  // back at the list: the last four digits of the receipt's number, then a part of the mobile
  const cases = myCases(page);
  await cases.open();
  await cases.searchFor(firstNumber.slice(-4));
  await expect(cases.locators.row(firstNumber)).toBeVisible();
  await expect(cases.locators.rows).toHaveCount(1);
  await cases.searchFor('9123 4567');
  await expect(cases.locators.rows).toHaveCount(2);
  await page.screenshot({ path: 'tests/e2e/artifacts/search-list-1366.png' });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
    .toBe(true);
});
