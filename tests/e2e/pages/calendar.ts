import type { Page } from '@playwright/test';

// Locators in one place, actions in another: next year's holiday table, entered by the manager in
// 中心管理, and the changed deadlines it leaves at the center and at the window.
export function officialYearsTab(page: Page) {
  const form = page.getByTestId('official-year-form');
  const locators = {
    form,
    years: page.getByTestId('official-years'),
    /** the days a table would change against the one in force, shown before saving */
    replaced: page.getByTestId('official-year-replaced'),
    centerChanges: page.getByTestId('center-calendar-changes'),
    fieldError: (label: string) =>
      form.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-form-item-explain'),
  };
  return {
    locators,
    async enter(t: { year: number; holidays: string; workdays: string }) {
      await form.getByLabel('年份', { exact: true }).fill(String(t.year));
      await form.getByLabel('放假日').fill(t.holidays);
      await form.getByLabel('调休上班日').fill(t.workdays);
      await form.getByRole('button', { name: '保存节假日安排' }).click();
    },
  };
}

export function windowCalendarChanges(page: Page) {
  const panel = page.getByTestId('calendar-changes-panel');
  const locators = {
    panel,
    row: (caseNumber: string) => panel.getByRole('row').filter({ hasText: caseNumber }),
  };
  return {
    locators,
    async issueNotice(caseNumber: string) {
      await locators.row(caseNumber).getByRole('button', { name: '出具期限变更告知书' }).click();
    },
  };
}
