import type { Page } from '@playwright/test';

// Locators in one place, actions in another: the two-terminal story reads as the hall's day.

/** The header's sync indicator, on every page of the shell. */
export function syncIndicator(page: Page) {
  const locators = {
    status: page.getByTestId('sync-status'),
    pending: page.getByTestId('sync-pending'),
    conflicts: page.getByTestId('sync-conflicts'),
    lastSync: page.getByTestId('sync-last'),
    syncNow: page.getByRole('button', { name: '立即同步' }),
  };
  return {
    locators,
    async syncNow() {
      await locators.syncNow.click();
    },
  };
}

/** The manager's settings page: enroll this terminal with the center. */
export function settingsPage(page: Page) {
  const form = page.getByTestId('enroll-form');
  const locators = {
    serverUrl: form.getByLabel('中心地址'),
    code: form.getByLabel('注册码'),
    submit: page.getByRole('button', { name: '注册本终端' }),
    error: page.getByTestId('enroll-error'),
    enrolled: page.getByTestId('settings-enrolled'),
  };
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('设置').click();
    },
    async enroll(serverUrl: string, code: string) {
      await locators.serverUrl.fill(serverUrl);
      await locators.code.fill(code);
      await locators.submit.click();
    },
  };
}

/** What the window sees of a conflict: the banner on the case, the tag in My cases. */
export function conflicts(page: Page) {
  return {
    banner: page.getByTestId('case-conflict'),
    /** the department's conflicts, reached from the header's 冲突 N */
    async openList() {
      await page.getByTestId('sync-conflicts').click();
      await page.getByTestId('conflicts-page').waitFor();
    },
    row: (caseNumber: string) =>
      page.getByTestId('conflicts-page').locator('tr', { hasText: caseNumber }),
    tag: (caseNumber: string) =>
      page.locator(`[data-case-number="${caseNumber}"]`).getByTestId('case-conflict-tag'),
  };
}
