import { expect, type Page } from '@playwright/test';

// The settings page's 定时日报 card: where and when this terminal writes the day's report.
export function scheduledReportCard(page: Page) {
  const card = page.getByTestId('schedule-card');
  const form = card.getByTestId('schedule-form');
  const locators = {
    card,
    enabled: form.getByLabel('定时写入'),
    folder: form.getByLabel('保存文件夹'),
    time: form.getByLabel('写入时间'),
    save: card.getByRole('button', { name: /保\s*存/ }),
    fieldError: form.locator('.ant-form-item-explain-error'),
    state: card.getByTestId('schedule-state'),
    lastWritten: card.getByTestId('schedule-last-written'),
    error: card.getByTestId('schedule-error'),
  };
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('设置').click();
      await locators.folder.waitFor();
    },
    /** Switches the schedule on with this folder and time, and saves. */
    async set(folder: string, time: string) {
      if ((await locators.enabled.getAttribute('aria-checked')) !== 'true')
        await locators.enabled.click();
      await locators.folder.fill(folder);
      await locators.time.fill(time);
      await locators.save.click();
    },
    async expectSaved() {
      await expect(page.getByText('定时日报设置已保存')).toBeVisible();
      await expect(locators.state).toHaveText('已开启');
      await expect(locators.fieldError).toHaveCount(0);
    },
  };
}
