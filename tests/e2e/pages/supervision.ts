import type { Page } from '@playwright/test';

// Locators in one place, actions in another: the supervisor's round of the center's alerts.

/** 电子监察: the center's alerts, read and handled through the terminal. */
export function supervisionPage(page: Page) {
  const drawer = page.getByTestId('alert-drawer');
  const locators = {
    page: page.getByTestId('supervision-page'),
    centerSignIn: page.getByTestId('center-sign-in'),
    centerPassword: page.getByTestId('center-sign-in').getByLabel('密码'),
    centerSubmit: page.getByTestId('center-sign-in').getByRole('button', { name: '登录中心' }),
    rows: page.getByTestId('alert-row'),
    drawer,
    message: drawer.getByTestId('alert-message'),
    status: drawer.getByTestId('alert-status'),
    evidence: drawer.getByTestId('alert-evidence'),
    history: drawer.getByTestId('alert-history'),
    historyEntries: drawer.getByTestId('alert-history-entry'),
    comment: drawer.getByLabel('处理意见'),
    acknowledge: drawer.getByRole('button', { name: /确\s*认/ }),
    escalate: drawer.getByRole('button', { name: /上\s*报/ }),
    filter: (label: string) => page.getByTestId('alert-filter').getByText(label, { exact: true }),
  };
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('电子监察').click();
    },
    /** the supervisor's own password again, for the center */
    async signInAtCenter(password: string) {
      await locators.centerPassword.fill(password);
      await locators.centerSubmit.click();
    },
    /** the alert of `rule` on the case numbered `caseNumber` */
    row: (rule: string, caseNumber: string) =>
      page.locator(
        `[data-testid="alert-row"][data-rule="${rule}"][data-case-number="${caseNumber}"]`,
      ),
    async act(action: 'acknowledge' | 'escalate', comment: string) {
      await locators.comment.fill(comment);
      await locators[action].click();
    },
  };
}
