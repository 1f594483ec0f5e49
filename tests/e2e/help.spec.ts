import { expect, test, type Page } from '@playwright/test';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { intakePage } from './pages/intake';
import { signInAt } from './pages/login';
import { settingsPage } from './pages/sync';

// Part W of issue 16: the manual a key away (F1), 常用语 in the refusal's fields, and a demo PC
// cleared in one confirmed step before it enrolls. One demo terminal in web mode.

const food = { code: 'SJ-002', name: '食品经营许可' };
const applicant = { name: '王小明', idNumber: '11010519491231002X', mobile: '13800138000' };

let terminal: WebTerminal;
test.beforeEach(async () => {
  terminal = await startWebTerminal();
});
test.afterEach(async () => {
  await terminal.stop();
});

function account(role: string) {
  const a = terminal.accounts.find((x) => x.role === role);
  if (!a) throw new Error(`no demo ${role}`);
  return a;
}

const help = (page: Page) => ({
  button: page.getByTestId('help-button'),
  drawer: page.getByRole('dialog', { name: /使用手册|User manual/ }),
  tab: (name: string) => page.getByRole('tab', { name }),
  manual: (role: string) => page.getByTestId(`manual-${role}`),
});

test('F1 opens the manual of the signed-in role, the other roles a tab away', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAt(page, terminal.url, account('clerk'));
  const h = help(page);
  await expect(h.button).toBeVisible();
  await page.keyboard.press('F1');
  await expect(h.drawer).toBeVisible();
  // the clerk's own manual first: intake in order, with the keys the intake page binds
  await expect(page.getByRole('tab').first()).toHaveText('窗口工作人员');
  const clerk = h.manual('clerk');
  await expect(clerk).toContainText('收件、核验材料、受理或一次性告知');
  await expect(clerk).toContainText('「收件受理」');
  await expect(clerk).toContainText('Alt+I');
  await expect(clerk).toContainText('连不上中心');
  await page.screenshot({
    path: 'tests/e2e/artifacts/help-clerk-1366.png',
    animations: 'disabled',
  });

  await h.tab('首席代表').click();
  await expect(h.manual('chief')).toContainText('审查、决定、盖章');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({
    path: 'tests/e2e/artifacts/help-chief-1440.png',
    animations: 'disabled',
  });

  // and in English
  await page.keyboard.press('Escape');
  await expect(h.drawer).toBeHidden();
  await page.getByRole('button', { name: 'English' }).click();
  await h.button.click();
  await expect(page.getByRole('dialog', { name: 'User manual' })).toBeVisible();
  await expect(h.manual('clerk')).toContainText('Start of the day: my cases');
  await expect(h.manual('clerk')).toContainText('Open 「My cases」');
  await page.screenshot({
    path: 'tests/e2e/artifacts/help-clerk-en-1440.png',
    animations: 'disabled',
  });
});

test('a refusal takes a phrase at the cursor; the manager then clears the practice before enrolling', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAt(page, terminal.url, account('clerk'));
  const intake = intakePage(page);
  const l = intake.locators;

  await test.step('the clerk writes a refusal with 常用语 and her own words', async () => {
    await intake.open();
    await intake.findItem(food.code, food.name);
    await intake.fillPerson(applicant);
    await intake.receive();
    await expect(l.status).toHaveText('已收件');
    // a defect's description is offered the department's 补正内容说明 as the clerk types
    await intake.mark('m1', '有缺陷');
    const defect = l.material('m1').getByPlaceholder('写明缺陷（必填）');
    const listId = await defect.getAttribute('list');
    await expect
      .poll(() =>
        page
          .locator(`datalist[id="${listId}"] option`)
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
      )
      .toContain('请补充食品安全管理制度文本及食品安全管理人员名单。');
    await intake.mark('m1', '收到');
    await intake.openRefusal();
    const reasons = l.refuseDialog.getByLabel('不予受理的理由');
    await reasons.fill('经核查，');
    // keyboard only: into the picker, type to filter, Enter
    await reasons.press('Tab');
    await page.keyboard.type('不需要');
    await page.keyboard.press('Enter');
    await expect(reasons).toHaveValue('经核查，申请事项依法不需要取得行政许可。');
    // the cursor is after the phrase: typing goes on from there
    await expect(reasons).toBeFocused();
    await page.keyboard.type('特此告知。');
    await expect(reasons).toHaveValue('经核查，申请事项依法不需要取得行政许可。特此告知。');
    // the basis by keyboard too: a click on an option of a dropdown still opening could miss
    await l.refuseDialog.getByTestId('phrases-legalBasis').click();
    await page.keyboard.type('第三十二条第一款第（一）项');
    await page.keyboard.press('Enter');
    await expect(l.refuseDialog.getByLabel('法律依据')).toHaveValue(
      '《中华人民共和国行政许可法》第三十二条第一款第（一）项',
    );
    await page.screenshot({
      path: 'tests/e2e/artifacts/phrases-refusal-1366.png',
      animations: 'disabled',
    });
    await l.refuseDialog.getByLabel('应向哪个机关申请').fill('区卫生健康局');
    await l.confirmRefuse.click();
    await expect(l.status).toHaveText('不予受理');
  });

  await test.step('the manager clears the demo data in one confirmed step', async () => {
    await page.getByRole('button', { name: /退出登录/ }).click();
    await signInAt(page, terminal.url, account('manager'));
    await settingsPage(page).open();
    const card = page.getByTestId('demo-clear-card');
    await expect(card).toContainText('共 1 件');
    const clear = card.getByRole('button', { name: '清除演示数据' });
    await card.getByRole('textbox').fill('清除');
    await expect(clear).toBeDisabled();
    await card.getByRole('textbox').fill('清除演示数据');
    await page.screenshot({
      path: 'tests/e2e/artifacts/demo-clear-1366.png',
      animations: 'disabled',
    });
    await clear.click();
    await expect(
      page.getByText(/已清除 1 件演示办件，备份文件：demo-\d{8}T\d{9}Z\.sqlite/),
    ).toBeVisible();
    await expect(card.getByTestId('demo-last-cleared')).toContainText('陈静');
    await expect(card).toContainText('共 0 件');
    // the enrollment form is still there, for the center's code
    await expect(page.getByRole('button', { name: '注册本终端' })).toBeVisible();
  });
});
