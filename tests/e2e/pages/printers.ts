import { expect, type Page } from '@playwright/test';

// The settings page's 打印机 card: a printer and copies per kind of document, a test page each.
export function printersCard(page: Page) {
  const card = page.getByTestId('printers-card');
  const locators = {
    card,
    webModeNote: card.getByText('网页模式不能直接打印'),
    printer: (kind: string) => card.getByLabel(`${kind} 打印机`),
    copies: (kind: string) => card.getByLabel(`${kind} 份数`),
    testPage: (kind: string) =>
      card.getByRole('row').filter({ hasText: kind }).getByRole('button', { name: '打印测试页' }),
    save: card.getByRole('button', { name: /保\s*存/ }),
  };
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('设置').click();
      await locators.card.waitFor();
    },
    /** Names the printer and copies of one kind and saves the card. */
    async choose(kind: string, printer: string, copies: number) {
      await locators.printer(kind).fill(printer);
      await locators.copies(kind).fill(String(copies));
      await locators.save.click();
      await expect(page.getByText('打印机设置已保存')).toBeVisible();
    },
  };
}
