import type { Page } from '@playwright/test';

// Locators in one place, actions in another: 中心管理 → 短信 (issue 17 part 4), and the public
// progress page behind a notice's QR.
export function smsTab(page: Page) {
  const outbox = page.getByTestId('sms-outbox');
  const locators = {
    outbox,
    /** the outbox's row of a case's message */
    row: (caseNumber: string) => outbox.locator('tr', { hasText: caseNumber }),
    refresh: page.getByRole('button', { name: /刷\s*新/ }),
    settings: page.getByTestId('sms-settings-form'),
  };
  return {
    locators,
    /** antd spaces a two-character button's label: 重 发 */
    resendButton: (caseNumber: string) =>
      locators.row(caseNumber).getByRole('button', { name: /重\s*发/ }),
    async resend(caseNumber: string) {
      await locators
        .row(caseNumber)
        .getByRole('button', { name: /重\s*发/ })
        .click();
    },
  };
}

export function progressPage(page: Page) {
  return {
    locators: {
      verdict: page.locator('h1'),
      progress: page.locator('main'),
      steps: page.locator('ol li'),
      done: page.locator('ol li.done'),
    },
    async open(centerUrl: string, code: string) {
      await page.goto(`${centerUrl}/verify/${code}`);
    },
  };
}
