import { expect, type Page } from '@playwright/test';

// The lock screen of a public counter (issue 16 point 8), and its card in 终端设置.
export function lockScreen(page: Page) {
  const screen = page.getByTestId('lock-screen');
  const locators = {
    screen,
    user: screen.getByTestId('lock-user'),
    password: screen.getByLabel('密码'),
    unlock: screen.getByRole('button', { name: /解\s*锁/ }),
    error: screen.getByTestId('lock-error'),
    switchUser: screen.getByRole('button', { name: '换其他人员登录' }),
    switchWarning: screen.getByTestId('lock-switch-warning'),
    confirmSwitch: screen.getByRole('button', { name: '结束登录并换人' }),
  };
  return {
    locators,
    async unlockWith(password: string) {
      await locators.password.fill(password);
      await locators.unlock.click();
    },
    /** Everything the page holds in its document, form values included. */
    async documentText(): Promise<string> {
      return page.evaluate(() => {
        const values = Array.from(document.querySelectorAll('input, textarea')).map(
          (el) => (el as HTMLInputElement).value,
        );
        return `${document.documentElement.outerHTML}\n${values.join('\n')}`;
      });
    },
  };
}

export function screenLockCard(page: Page) {
  const card = page.getByTestId('screen-lock-card');
  const locators = {
    card,
    minutes: card.getByLabel('无操作多久后锁屏（分钟）'),
    save: card.getByRole('button', { name: /保\s*存/ }),
    current: card.getByTestId('screen-lock-current'),
  };
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('设置').click();
      await expect(locators.minutes).toBeVisible();
    },
  };
}
