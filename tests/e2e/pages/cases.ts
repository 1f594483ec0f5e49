import { expect, type Locator, type Page } from '@playwright/test';

// Locators in one place, actions in another: the specs read as the clerk's day.
export function myCases(page: Page) {
  const locators = {
    count: page.getByTestId('case-count'),
    statusFilter: page.getByTestId('status-filter'),
    itemFilter: page.getByTestId('item-filter'),
    search: page.getByPlaceholder('办件编号、申请人名称、手机号或证件号码的任意部分'),
    rows: page.locator('[data-case-number]'),
    row: (caseNumber: string) => page.locator(`[data-case-number="${caseNumber}"]`),
    countdown: (caseNumber: string) =>
      page.locator(`[data-case-number="${caseNumber}"]`).getByTestId('countdown'),
    ticker: (caseNumber: string) =>
      page.locator(`[data-case-number="${caseNumber}"]`).getByTestId('countdown-ticker'),
    // part T of issue 16: the department's list, each row naming its receiving window
    scopeFilter: page.getByTestId('scope-filter'),
    windowTag: (caseNumber: string) =>
      page.locator(`[data-case-number="${caseNumber}"]`).getByTestId('case-window-tag'),
  };
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('我的办件').click();
    },
    /** What a clerk returning to the window does: the list reloads on focus. */
    async refocus() {
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    },
    async searchFor(text: string) {
      await locators.search.fill(text);
    },
    async clearSearch() {
      await locators.search.fill('');
    },
    async filterItem(label: string) {
      await choose(page, locators.itemFilter, label);
    },
    async clearItem() {
      await locators.itemFilter.hover();
      await locators.itemFilter.locator('.ant-select-clear').click();
    },
    async showStatus(label: '在办' | '全部') {
      await locators.statusFilter.getByText(label).click();
    },
    async openCase(caseNumber: string) {
      await locators.row(caseNumber).click();
    },
    // part T of issue 16
    async showScope(label: '本部门' | '本窗口') {
      await locators.scopeFilter.getByText(label).click();
    },
  };
}

export function casePage(page: Page) {
  const dialog = (title: string) => page.getByRole('dialog', { name: title });
  const locators = {
    caseNumber: page.getByTestId('case-number'),
    status: page.getByTestId('case-status'),
    clocks: page.getByTestId('case-clocks'),
    history: page.getByTestId('case-history'),
    events: page.getByTestId('history-event'),
    event: (label: string) => page.getByTestId('history-event').filter({ hasText: label }),
    pauseButton: page.getByRole('button', { name: '启动特别程序' }),
    resumeButton: page.getByRole('button', { name: '特别程序结束，恢复计时' }),
    extendButton: page.getByRole('button', { name: '延长办理期限' }),
    continueIntake: page.getByRole('button', { name: '继续收件' }),
    rejection: page.getByTestId('case-rejection'),
    pauseDialog: dialog('启动特别程序'),
    extendDialog: dialog('延期'),
    back: page.getByRole('button', { name: '返回我的办件' }),
  };
  const ok = (d: ReturnType<typeof dialog>) => d.getByRole('button', { name: /确\s*定/ }).click();
  return {
    locators,
    async startPause(p: { procedure: string; days: number; noticeRef: string; filingRef: string }) {
      await locators.pauseButton.click();
      const d = locators.pauseDialog;
      await choose(page, d.getByLabel('特别程序'), p.procedure);
      await d.getByLabel('预计所需工作日').fill(String(p.days));
      await d.getByLabel('告知申请人的书面通知文号').fill(p.noticeRef);
      await d.getByLabel('报中心备案文号').fill(p.filingRef);
      await ok(d);
    },
    async resume() {
      await locators.resumeButton.click();
      // The confirmation zooms in: for a few frames first it sits in place at full size but
      // transparent, then shrinks to nothing as the zoom starts. A click pressed in those frames
      // and released after them misses 确定 (the confirmation stays open, nothing is recorded).
      // A clerk clicks what they can see: wait until it is fully shown.
      const confirm = page.locator('.ant-popconfirm').filter({ visible: true });
      await expect(confirm).toHaveCSS('opacity', '1');
      await confirm.getByRole('button', { name: /确\s*定/ }).click();
    },
    async requestExtension(e: {
      days: number;
      approver: string;
      reason: string;
      noticeRef: string;
    }) {
      await locators.extendButton.click();
      const d = locators.extendDialog;
      await d.getByLabel(/延长工作日/).fill(String(e.days));
      await d.getByLabel('批准的机关负责人').fill(e.approver);
      await d.getByLabel('延期理由').fill(e.reason);
      await d.getByLabel('告知申请人的书面通知文号').fill(e.noticeRef);
      await ok(d);
    },
    async printNoticeOf(label: string) {
      await locators
        .event(label)
        .getByRole('button', { name: /打\s*印/ })
        .click();
    },
  };
}

/**
 * Picks an option of an antd Select and waits until it is shown as chosen. A click that lands
 * while the dropdown is still animating in is lost, so the whole pick is retried until it holds.
 */
export async function choose(page: Page, select: Locator, option: string) {
  const field = select.locator(
    "xpath=ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
  );
  await expect(async () => {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    await page
      .locator('.ant-select-dropdown:visible')
      .getByText(option, { exact: false })
      .first()
      .click({ timeout: 2000 });
    await expect(field).toContainText(option, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}
