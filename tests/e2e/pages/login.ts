import type { Page } from '@playwright/test';

// Locators in one place, actions in another: specs read as the clerk's story.
export function loginPage(page: Page) {
  const locators = {
    username: page.getByLabel('用户名'),
    password: page.getByLabel('密码'),
    submit: page.getByRole('button', { name: /登\s*录/ }),
    error: page.getByRole('alert'),
  };
  return {
    locators,
    async signIn(username: string, password: string) {
      await locators.username.fill(username);
      await locators.password.fill(password);
      await locators.submit.click();
    },
  };
}

export function shell(page: Page) {
  return {
    place: page.getByTestId('shell-place'),
    user: page.getByTestId('shell-user'),
    syncStatus: page.getByTestId('sync-status'),
    nav: page.getByRole('menu'),
    logout: page.getByRole('button', { name: /退出登录/ }),
  };
}
