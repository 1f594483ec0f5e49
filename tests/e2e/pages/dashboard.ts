import type { Page } from '@playwright/test';

// Locators in one place, actions in another: the center manager's look across the hall.

/** 今日概览: every department's card, the thirty days' trend, the red and yellow cases. */
export function dashboardPage(page: Page) {
  const centerSignIn = page.getByTestId('center-sign-in');
  const locators = {
    page: page.getByTestId('dashboard'),
    title: page.getByTestId('dashboard-title'),
    asOf: page.getByTestId('dashboard-as-of'),
    date: page.getByTestId('dashboard-date'),
    centerSignIn,
    centerPassword: centerSignIn.getByLabel('密码'),
    centerSubmit: centerSignIn.getByRole('button', { name: '登录中心' }),
    trend: page.getByTestId('dashboard-trend'),
    /** the chart's bars: echarts draws them as SVG paths inside the trend */
    trendSvg: page.getByTestId('dashboard-trend').locator('svg'),
    attentionRows: page.getByTestId('attention-row'),
  };
  const card = (departmentCode: string) =>
    page.locator(`[data-testid="department-card"][data-department="${departmentCode}"]`);
  return {
    locators,
    card,
    /** one number of a department's card: received, accepted, completed, red, yellow, badRatings */
    count: (departmentCode: string, key: string) =>
      card(departmentCode).getByTestId(`card-${key}`).locator('.db-count-value'),
    async open() {
      await page.getByRole('menu').getByText('今日概览').click();
    },
    async signInAtCenter(password: string) {
      await locators.centerPassword.fill(password);
      await locators.centerSubmit.click();
    },
  };
}
