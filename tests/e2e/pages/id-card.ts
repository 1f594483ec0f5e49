import { expect, type Page } from '@playwright/test';

// Issue 18 part 5: the ID card reader — its panel beside the intake form, and its card in 设置.
export function idCardReader(page: Page) {
  const settings = page.getByTestId('id-card-reader-card');
  const locators = {
    readButton: page.getByTestId('read-id-card'),
    panel: page.getByTestId('id-card-panel'),
    photo: page.getByRole('img', { name: '身份证照片' }),
    filled: page.getByTestId('id-card-filled'),
    expired: page.getByTestId('id-card-expired'),
    error: page.getByTestId('id-card-error'),
    settings,
    host: settings.getByTestId('id-card-host'),
    port: settings.getByTestId('id-card-port'),
    save: settings.getByRole('button', { name: /保\s*存/ }),
    fieldError: settings.locator('.ant-form-item-explain-error'),
    current: settings.getByTestId('id-card-current'),
  };
  return {
    locators,
    async openSettings() {
      await page.getByRole('menu').getByText('设置').click();
      await expect(locators.port).toHaveValue('24010');
    },
    async setEndpoint(host: string, port: number) {
      await locators.host.fill(host);
      await locators.port.fill(String(port));
      await locators.save.click();
    },
  };
}
