import { expect, type Page } from '@playwright/test';
import { apiPost, type DemoAccount, type WebTerminal } from '../../support/web-terminal';
import { loginPage } from './login';

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

/**
 * The terminal's demo manager joins it to the center on the settings page with `code`; the demo
 * accounts go with the enrollment, so the page ends back at the login form.
 */
export async function enrollThroughSettings(
  page: Page,
  terminal: WebTerminal,
  serverUrl: string,
  code: string,
) {
  const manager = terminal.accounts.find((a) => a.role === 'manager')!;
  await page.goto(terminal.url);
  await loginPage(page).signIn(manager.username, manager.password);
  const settings = settingsPage(page);
  await settings.open();
  await settings.enroll(serverUrl, code);
  await expect(page.getByText('注册成功：请使用中心下发的账号重新登录')).toBeVisible();
  await expect(loginPage(page).locators.submit).toBeVisible();
  await expect(syncIndicator(page).locators.status).toHaveCount(0);
}

/**
 * Signs in over the HTTP API once the first sync brought the center's staff. Few, spaced
 * attempts: five failed sign-ins lock the account for a minute.
 */
export async function signedIn(t: WebTerminal, who: DemoAccount): Promise<string> {
  let token = '';
  await expect(async () => {
    ({ token } = await apiPost<{ token: string }>(t, 'auth.login', {
      username: who.username,
      password: who.password,
    }));
  }).toPass({ intervals: [1000, 2000, 3000], timeout: 10_000 });
  return token;
}

export type SyncStatus = { pending: number; conflicts: number; lastError: string | null };
/** `sync.now` as the signed-in user behind `token`: pushes and pulls at once. */
export const syncNow = (t: WebTerminal, token: string) =>
  apiPost<SyncStatus>(t, 'sync.now', {}, token);

/**
 * PCs push and pull (a terminal's files go up after each round) until none has anything to send;
 * signed in afresh each time, so an idle token never meets the screen lock on a slow run.
 */
export async function syncAll(pcs: readonly [WebTerminal, DemoAccount][]) {
  for (let round = 0; round < 2; round++) {
    for (const [t, who] of pcs) {
      expect(await syncNow(t, await signedIn(t, who))).toMatchObject({
        pending: 0,
        lastError: null,
      });
    }
  }
}
