import type { Page } from '@playwright/test';

// Locators in one place, actions in another: specs read as the clerk's story.
const words = {
  'zh-CN': { username: '用户名', password: '密码', submit: /登\s*录/ },
  en: { username: 'Username', password: 'Password', submit: /Sign in/ },
};

export function loginPage(page: Page, locale: keyof typeof words = 'zh-CN') {
  const w = words[locale];
  const locators = {
    username: page.getByLabel(w.username),
    password: page.getByLabel(w.password),
    submit: page.getByRole('button', { name: w.submit }),
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

/** Opens the terminal at `url` and signs `account` in: the first step of most stories. */
export async function signInAt(
  page: Page,
  url: string,
  account: { username: string; password: string },
) {
  await page.goto(url);
  await loginPage(page).signIn(account.username, account.password);
}
