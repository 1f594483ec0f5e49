import type { Page } from '@playwright/test';
import { loginPage } from './login';

// Locators in one place, actions in another: the center's own browser console (part U, issue 16).
export function centerConsole(page: Page, url: string) {
  const locators = {
    place: page.getByTestId('console-place'),
    user: page.getByTestId('shell-user'),
    nav: page.getByRole('menu'),
    logout: page.getByRole('button', { name: /退出登录/ }),
    adminPage: page.getByTestId('admin-page'),
    supervisionTabs: page.getByTestId('supervision-tabs'),
    // a terminal's second sign-in at its center: never in the console
    centerSignIn: page.getByTestId('center-sign-in'),
  };
  return {
    locators,
    /** the console at `${center}/console/`, its sign-in form first */
    async signIn(account: { username: string; password: string }) {
      await page.goto(`${url}/console/`);
      await loginPage(page).signIn(account.username, account.password);
    },
    async open(menu: string) {
      await locators.nav.getByText(menu, { exact: true }).click();
    },
    async signOut() {
      await locators.logout.click();
      await loginPage(page).locators.submit.waitFor();
    },
    /** wider than the window: something would need a horizontal scroll bar */
    scrollsSideways: () =>
      page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
  };
}
