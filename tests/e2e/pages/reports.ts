import { expect, type Download, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const artifacts = 'tests/e2e/artifacts';

// 办件统计 as the center manager reads it: the tiles, the drill list, the exports, the A4 print.
export function reportPage(page: Page) {
  const locators = {
    page: page.getByTestId('report-page'),
    title: page.getByTestId('report-title'),
    center: page.getByTestId('report-center'),
    period: page.getByTestId('report-period'),
    asOf: page.getByTestId('report-asof'),
    from: page.getByLabel('开始日期'),
    to: page.getByLabel('结束日期'),
    refresh: page.getByRole('button', { name: /刷\s*新/ }),
    /** the count behind `metric-<name>`: received, accepted, red … */
    metric: (name: string) => page.getByTestId(`metric-${name}`),
    windowRow: (code: string) => page.locator(`[data-window-code="${code}"]`),
    drillList: page.getByTestId('drill-list'),
    drillRows: page.getByTestId('drill-row'),
    drillRow: (caseNumber: string) =>
      page.locator(`[data-testid="drill-row"][data-case-number="${caseNumber}"]`),
    exportXlsx: page.getByRole('button', { name: '导出 Excel' }),
    exportCsv: page.getByRole('button', { name: '导出 CSV' }),
    print: page.getByRole('button', { name: '打印 / PDF' }),
    printSheet: page.getByTestId('a4-document'),
    /** 公众投诉: received, closed, closedOnTime, overdueOpen, substantiated */
    complaints: (name: string) => page.getByTestId(`complaints-${name}`),
    complaintsFetched: page.getByTestId('complaints-fetched'),
  };
  /** Clicks `button` and saves what it downloads under the artifacts folder. */
  async function saveDownload(
    button: ReturnType<Page['getByRole']>,
  ): Promise<{ download: Download; path: string }> {
    mkdirSync(artifacts, { recursive: true });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = `${artifacts}/${download.suggestedFilename()}`;
    await download.saveAs(path);
    return { download, path };
  }
  return {
    locators,
    async open() {
      await page.getByRole('menu').getByText('办结报表').click();
      await locators.metric('received').waitFor();
    },
    /** The number a tile shows, as a number. */
    async count(name: string): Promise<number> {
      return Number(await locators.metric(name).textContent());
    },
    async expectCounts(counts: Record<string, number>) {
      for (const [name, n] of Object.entries(counts))
        await expect(locators.metric(name), `metric ${name}`).toHaveText(String(n));
    },
    async drill(name: string) {
      await locators.metric(name).click();
      await locators.drillList.waitFor();
    },
    /** 全部窗口 or one window by its name, from the filter's dropdown */
    async chooseWindow(name: string) {
      await page.getByLabel('窗口', { exact: true }).click();
      await page.locator('.ant-select-dropdown:visible').getByText(name).first().click();
      await expect(locators.title).toContainText(name);
    },
    exportXlsx: () => saveDownload(locators.exportXlsx),
    exportCsv: () => saveDownload(locators.exportCsv),
    /** The A4 report in the print view, with its embedded font loaded: ready for paper. */
    async openPrint() {
      await locators.print.click();
      await locators.printSheet.waitFor();
      await expect(page.getByTestId('report-print-windows')).toBeVisible();
      // every slice of the embedded font the report's text needs has arrived (as 打印 waits for)
      await page.locator('.a4-desk[data-ready="true"]').waitFor();
    },
  };
}
