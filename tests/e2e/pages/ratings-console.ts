import { expect, type Page } from '@playwright/test';

// Locators in one place, actions in another: 好差评 at the center's console (issue 17 part 2).
export function ratingsConsole(page: Page) {
  const table = page.getByTestId('ratings-table');
  const dialog = page.getByRole('dialog');
  const paper = page.getByTestId('paper-rating-form');
  const locators = {
    page: page.getByTestId('ratings-page'),
    tab: (name: string) => page.getByRole('tab', { name }),
    from: page.locator('#ratings-from'),
    to: page.locator('#ratings-to'),
    table,
    /** the row of a rating, by what it shows (its ticket, its form number) */
    row: (text: string) => table.locator('tr', { hasText: text }),
    /** the value of one of the figures on top: total, bad-rate, paper, appealed-away … */
    figure: (name: string) =>
      page.getByTestId(`rating-figure-${name}`).locator('.ant-statistic-content'),
    levels: page.getByTestId('rating-figure-total'),
    pairingCode: page.getByTestId('pairing-code'),
    pairingCard: page.getByTestId('pairing-code-card'),
    dialog,
    paper,
    /** the center's refusal, under the field it names */
    paperError: paper.locator('.ant-form-item-explain-error'),
    message: (text: string) => page.locator('.ant-message-notice', { hasText: text }),
    settings: page.getByTestId('rating-settings-form'),
    pushStatus: page.getByTestId('rating-push-status'),
  };
  const save = () => dialog.getByRole('button', { name: /保\s*存/ }).click();
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('好差评', { exact: true }).click();
      await expect(locators.page).toBeVisible();
    },
    async period(from: string, to: string) {
      await locators.from.fill(from);
      await locators.to.fill(to);
    },
    /** 评价器配对: the code issued for the window, as the manager reads it off the screen */
    async issuePairingCode(windowCode: string): Promise<string> {
      await locators.tab('评价器配对').click();
      await page
        .getByTestId('pairing-windows')
        .locator('tr', { hasText: windowCode })
        .getByRole('button', { name: '签发配对码' })
        .click();
      await expect(locators.pairingCard).toBeVisible();
      return (await locators.pairingCode.innerText()).trim();
    },
    async recordFollowUp(
      rowText: string,
      f: { by: string; at: string; method: string; result: string; rectification: string },
    ) {
      await locators.row(rowText).getByRole('button', { name: '记录回访' }).click();
      await dialog.getByLabel('回访人').fill(f.by);
      await dialog.getByLabel('回访时间').fill(f.at);
      await dialog.getByRole('radio', { name: f.method }).check();
      await dialog.getByLabel('回访结果').fill(f.result);
      await dialog.getByLabel('整改措施（可不填）').fill(f.rectification);
      await save();
      await expect(dialog).toBeHidden();
    },
    async decideAppeal(rowText: string, upheld: boolean, note: string) {
      await locators.row(rowText).getByRole('button', { name: '裁定申诉' }).click();
      await dialog
        .getByRole('radio', { name: upheld ? '申诉成立（不计入统计）' : '申诉驳回（仍计入）' })
        .check();
      await dialog.getByLabel('裁定理由').fill(note);
      await save();
      await expect(dialog).toBeHidden();
    },
    async keyInPaperForm(f: { formNumber: string; caseNumber: string; level: string }) {
      await paper.getByLabel('评价表编号').fill(f.formNumber);
      await paper.getByLabel('办件编号').fill(f.caseNumber);
      await paper.getByRole('radio', { name: f.level, exact: true }).check();
      await paper.getByRole('button', { name: /录\s*入/ }).click();
    },
  };
}
