import { expect, type Page } from '@playwright/test';

// The chief's and reviewer's screens: locators in one place, actions in another.

export function reviewQueue(page: Page) {
  const locators = {
    table: page.getByTestId('review-queue'),
    rows: page.getByTestId('queue-row'),
    row: (caseNumber: string) =>
      page.locator(`[data-testid="queue-row"][data-case-number="${caseNumber}"]`),
    referred: page.getByTestId('queue-referred'),
    pauseOverrun: (caseNumber: string) =>
      page
        .locator(`[data-testid="queue-row"][data-case-number="${caseNumber}"]`)
        .getByTestId('queue-pause-overrun'),
  };
  return {
    locators,
    /** Opens the desk, or brings it up to date as a returning user does (it reloads on focus). */
    async open() {
      await page.getByRole('menu').getByText('审批决定').click();
      await locators.table.waitFor();
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    },
    async openCase(caseNumber: string) {
      await locators.row(caseNumber).getByText(caseNumber).click();
    },
  };
}

/** Antd's radio inputs are hidden: the label is what a user clicks. */
function option(page: Page, dialogTestId: string, text: string) {
  return page
    .getByTestId(dialogTestId)
    .getByRole('dialog')
    .locator('label')
    .filter({ hasText: new RegExp(`^${text}$`) });
}

export function decisionDesk(page: Page) {
  // antd puts the test id on the modal's zero-size root; the dialog inside it is what shows
  const dialog = (testId: string) => page.getByTestId(testId).getByRole('dialog');
  const submit = (testId: string) => dialog(testId).getByRole('button', { name: '提交' });
  const locators = {
    status: page.getByTestId('case-status'),
    decideButton: page.getByTestId('decide-button'),
    reviewerDecides: page.getByTestId('reviewer-decides'),
    authorityBanner: page.getByTestId('authority-banner'),
    referralBanner: page.getByTestId('referral-banner'),
    rectificationBanner: page.getByTestId('rectification-banner'),
    decisionCard: page.getByTestId('decision-card'),
    decisionNumber: page.getByTestId('decision-number'),
    rejection: (testId: string) => dialog(testId).getByTestId('case-rejection'),
    decideDialog: dialog('decide-dialog'),
    sealDialog: dialog('seal-dialog'),
    stampedNumber: page.getByTestId('stamped-number'),
    appealNotice: page.getByTestId('appeal-notice'),
    action: (name: string) => page.getByRole('button', { name, exact: true }),
  };
  return {
    locators,
    async review(opinion: string, recommendation: '建议准予许可' | '建议不予许可') {
      await locators.action('审查').click();
      await dialog('review-dialog').getByLabel('审查意见').fill(opinion);
      await option(page, 'review-dialog', recommendation).click();
      await submit('review-dialog').click();
      await expect(dialog('review-dialog')).toBeHidden();
    },
    async check(opinion: string) {
      await locators.action('复核').click();
      await dialog('check-dialog').getByLabel('复核意见').fill(opinion);
      await option(page, 'check-dialog', '同意').click();
      await submit('check-dialog').click();
      await expect(dialog('check-dialog')).toBeHidden();
    },
    async openDecision() {
      await locators.decideButton.click();
      await expect(locators.decideDialog).toBeVisible();
    },
    async approve(d: { validUntil: string; conditions?: string; departmentRef?: string }) {
      await this.openDecision();
      await option(page, 'decide-dialog', '准予许可').click();
      await locators.decideDialog.getByLabel('有效期至').fill(d.validUntil);
      if (d.conditions) await locators.decideDialog.getByLabel('许可条件').fill(d.conditions);
      if (d.departmentRef) {
        await locators.decideDialog.getByLabel('部门批复文号').fill(d.departmentRef);
      }
      await submit('decide-dialog').click();
    },
    async deny(d: { facts: string; reasons: string; legalBasis: string }) {
      await option(page, 'decide-dialog', '不予许可').click();
      await locators.decideDialog.getByLabel('事实').fill(d.facts);
      await locators.decideDialog.getByLabel('理由').fill(d.reasons);
      await locators.decideDialog.getByLabel('法律依据').fill(d.legalBasis);
      await submit('decide-dialog').click();
    },
    async stamp(pin: string) {
      await locators.action('盖章').click();
      await locators.sealDialog.getByLabel('盖章密码（6位数字）').fill(pin);
      await locators.sealDialog.getByRole('button', { name: '提交' }).click();
      await expect(locators.stampedNumber).toBeVisible();
    },
    async printDecision() {
      await locators.sealDialog.getByRole('button', { name: '打印决定书' }).click();
    },
    async refer(department: string, holder: string) {
      await locators.action('报部门审批').click();
      await dialog('refer-dialog').getByLabel('审批部门').fill(department);
      await dialog('refer-dialog').getByLabel('经办科室/人').fill(holder);
      await submit('refer-dialog').click();
      await expect(dialog('refer-dialog')).toBeHidden();
    },
    async issueCertificate(number: string) {
      await locators.action('制证').click();
      await dialog('certificate-dialog')
        .getByLabel(/^证照编号/)
        .fill(number);
      await submit('certificate-dialog').click();
      await expect(dialog('certificate-dialog')).toBeHidden();
    },
    async deliverAtWindow() {
      await locators.action('送达').click();
      await option(page, 'deliver-dialog', '当面送达').click();
      await submit('deliver-dialog').click();
      await expect(dialog('deliver-dialog')).toBeHidden();
    },
    /** The print button beside the history entry of `eventLabel`. */
    async printFromHistory(eventLabel: string) {
      await page
        .getByTestId('history-event')
        .filter({ hasText: eventLabel })
        .getByRole('button', { name: /打\s*印/ })
        .click();
    },
  };
}
