import { expect, test, type Page } from '@playwright/test';
import { sampleCard, startIdCardStandIn, type IdCardStandIn } from '../support/id-card-stand-in';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { idCardReader } from './pages/id-card';
import { intakePage } from './pages/intake';
import { signInAt } from './pages/login';

// Issue 18 part 5: the clerk reads the applicant's 二代身份证 with F2 through the reader's local
// service — here the loopback stand-in that speaks ZKTeco's ZKIDROnline — and, with the service
// gone, is told what to check and finishes the intake by keyboard.

const food = { initials: 'spjyxk', name: '食品经营许可' };

let terminal: WebTerminal;
let reader: IdCardStandIn;
test.beforeEach(async () => {
  reader = await startIdCardStandIn();
  terminal = await startWebTerminal(['--now', '2026-03-02T09:00:00+08:00']);
});
test.afterEach(async () => {
  await terminal.stop();
  await reader.close();
});

function account(role: string) {
  return terminal.accounts.find((a) => a.role === role)!;
}

/** The manager points this PC at the reader's service in 设置 (loopback only). */
async function pointAtStandIn(page: Page) {
  await signInAt(page, terminal.url, account('manager'));
  const r = idCardReader(page);
  await r.openSettings();
  // another machine's address is refused at the field: card data never crosses the network
  await r.setEndpoint('192.168.1.20', reader.port);
  await expect(r.locators.fieldError).toContainText('读卡器服务只能在本机');
  await r.setEndpoint('127.0.0.1', reader.port);
  await expect(r.locators.current).toHaveText(
    `当前：中控智慧 ZKIDROnline，127.0.0.1:${reader.port}/ZKIDROnline`,
  );
  await expect(r.locators.fieldError).toHaveCount(0);
  await r.locators.settings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/artifacts/id-card-settings.png' });
}

test('F2 fills the applicant from the card and shows its photo; with the service down the clerk types it in', async ({
  page,
  browser,
}) => {
  const managerContext = await browser.newContext();
  await pointAtStandIn(await managerContext.newPage());
  await managerContext.close();

  reader.set({ card: sampleCard() });
  await signInAt(page, terminal.url, account('clerk'));
  const intake = intakePage(page);
  const l = intake.locators;
  const r = idCardReader(page).locators;
  const kb = page.keyboard;
  await intake.open();
  await intake.findItem(food.initials, food.name);
  await expect(l.name).toBeFocused();

  // one key: name and number filled, the photo beside the form, the cursor on what is left
  await kb.press('F2');
  await expect(l.name).toHaveValue('王小明');
  await expect(l.idNumber).toHaveValue('11010519491231002X');
  await expect(r.photo).toBeVisible();
  expect(await r.photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(102);
  await expect(r.filled).toHaveText('已填入申请人：王小明');
  await expect(r.panel).toContainText('有效期限：2016-03-01 至 2036-03-01');
  await expect(r.expired).toHaveCount(0);
  await expect(l.mobile).toBeFocused();
  await kb.type('13800138000');
  await page.screenshot({ path: 'tests/e2e/artifacts/id-card-filled.png' });
  expect(reader.requests.length).toBe(1);
  await kb.press('Control+Enter');
  await expect(l.status).toHaveText('已收件');
  // the card's photo went with the form: the case page shows none
  await expect(r.photo).toHaveCount(0);

  // an expired card is read all the same, and flagged to the clerk
  reader.set({ card: sampleCard({ IssuedData: '20060301', ValidDate: '20260301' }) });
  await kb.press('Alt+KeyI');
  await expect(l.finder).toBeFocused();
  await intake.findItem(food.initials, food.name);
  await r.readButton.click();
  await expect(r.expired).toContainText('身份证已过期（有效期至 2026-03-01）');
  await page.screenshot({ path: 'tests/e2e/artifacts/id-card-expired.png' });

  // the service stops (reader unplugged, service not started): the clerk learns what to check
  await reader.stop();
  await page.getByRole('button', { name: /清\s*除/ }).click();
  await l.name.fill('');
  await l.idNumber.fill('');
  await l.name.focus();
  await kb.press('F2');
  await expect(r.error).toContainText(
    `读卡器未连接或读卡服务未启动：本机 127.0.0.1:${reader.port} 无应答`,
  );
  await expect(r.error).not.toContainText(/Error|ECONNREFUSED|at /);
  // the cursor stayed where the clerk was, and the form takes the applicant by hand
  await expect(l.name).toBeFocused();
  await kb.type('李华');
  await kb.press('Tab');
  await kb.type('310104198506121230');
  await kb.press('Tab');
  await kb.type('13900139000');
  await expect(page.locator('.ant-form-item-explain-error')).toHaveCount(0);
  await page.screenshot({ path: 'tests/e2e/artifacts/id-card-absent.png' });
  await kb.press('Control+Enter');
  await expect(l.status).toHaveText('已收件');
  await expect(l.caseHeader).toContainText('李华');
});

test('for an organisation the card fills the agent who brought it', async ({ page, browser }) => {
  const managerContext = await browser.newContext();
  await pointAtStandIn(await managerContext.newPage());
  await managerContext.close();
  reader.set({ card: sampleCard({ Name: '赵敏', IDNumber: '110101199003078515' }) });

  await signInAt(page, terminal.url, account('clerk'));
  const intake = intakePage(page);
  const r = idCardReader(page).locators;
  await intake.open();
  await intake.findItem(food.initials, food.name);
  await intake.locators.organisation.click();
  await page.keyboard.press('F2');
  await expect(r.filled).toHaveText('已填入代理人（经办人）：赵敏');
  await expect(page.getByLabel('代理人姓名')).toHaveValue('赵敏');
  await expect(page.getByLabel('代理人身份证号')).toHaveValue('110101199003078515');
  await expect(page.getByLabel('代理人手机')).toBeFocused();
  // the organisation's own fields are left to the clerk
  await expect(intake.locators.orgName).toHaveValue('');
  await expect(intake.locators.legalRepresentative).toHaveValue('');
});
