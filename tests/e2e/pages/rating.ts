import { expect, type Page } from '@playwright/test';

// Issue 17 part 2: the window's rating device (评价器) at /hall/?rate=SJ01, as the applicant uses it.
export function ratingDevicePage(page: Page) {
  const locators = {
    pairingCode: page.getByLabel('配对码'),
    pair: page.getByRole('button', { name: '配对' }),
    welcome: page.getByRole('heading', { name: '欢迎您' }),
    question: page.getByRole('heading', { name: '请您对本次服务进行评价' }),
    level: (label: string) => page.getByRole('button', { name: label, exact: true }),
    reason: (label: string) => page.getByRole('checkbox', { name: label }),
    comment: page.getByLabel('意见或建议（可不填）'),
    submit: page.getByRole('button', { name: '提交评价' }),
    thanks: page.getByRole('heading', { name: '感谢您的评价！' }),
  };
  return {
    locators,
    async open(centerUrl: string, windowCode: string) {
      await page.goto(`${centerUrl}/hall/?rate=${windowCode}`);
    },
    async pair(code: string) {
      await locators.pairingCode.fill(code);
      await locators.pair.click();
      await expect(locators.welcome).toBeVisible();
    },
    /** a bad level with its reasons and a comment, as the applicant taps them */
    async rateBad(level: string, reasons: readonly string[], comment: string) {
      await locators.level(level).click();
      for (const r of reasons) await locators.reason(r).check();
      await locators.comment.fill(comment);
      await locators.submit.click();
      await expect(locators.thanks).toBeVisible();
    },
  };
}

/** The phone page a notice's QR leads to, via /verify: scriptless, a form to itself. */
export function phoneRatingPage(page: Page) {
  const locators = {
    link: page.getByRole('link', { name: '评价本次服务' }),
    title: page.getByRole('heading', { name: '评价本次服务' }),
    caseNumber: page.getByLabel('办件编号'),
    level: (label: string) => page.getByRole('radio', { name: label, exact: true }),
    submit: page.getByRole('button', { name: '提交评价' }),
    error: page.getByRole('alert'),
    thanks: page.getByRole('heading', { name: '感谢您的评价！' }),
  };
  return {
    locators,
    async send(caseNumber: string, level: string) {
      await locators.caseNumber.fill(caseNumber);
      await locators.level(level).check();
      await locators.submit.click();
    },
  };
}

/** 本窗口评价 on the window's terminal: its ratings from the center, and 申诉. */
export function windowRatingsPage(page: Page) {
  const locators = {
    page: page.getByTestId('window-ratings'),
    rows: page.getByTestId('window-rating'),
    row: (level: number) => page.locator(`[data-testid="window-rating"][data-level="${level}"]`),
    state: page.getByTestId('rating-state'),
    appeal: page.getByTestId('appeal-open'),
    reason: page.getByLabel('申诉理由'),
    send: page.getByRole('button', { name: '提交申诉' }),
    error: page.getByTestId('window-ratings-error'),
  };
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('本窗口评价').click();
      await locators.page.waitFor();
    },
  };
}
