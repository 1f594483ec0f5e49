import { expect, type Locator, type Page } from '@playwright/test';

// The center's public 办事指南 (/guide/) as an applicant's phone sees it, and the one reading of a
// guide's limit and materials that the spec also applies to the window's intake guide: the two
// are compared text for text.

export type GuideMaterial = { name: string; terms: string };

/** Each material of a guide (the phone page's or the window's) as its name and its terms. */
export async function guideMaterials(scope: Page | Locator): Promise<GuideMaterial[]> {
  const rows = scope.getByTestId('guide-material');
  const out: GuideMaterial[] = [];
  for (const row of await rows.all()) {
    out.push({
      name: (await row.locator('[data-part="name"]').innerText()).trim(),
      terms: (await row.locator('[data-part="terms"]').innerText()).trim(),
    });
  }
  return out;
}

export function guidePage(page: Page, centerUrl: string) {
  const locators = {
    heading: page.getByRole('heading', { level: 1 }),
    search: page.getByRole('searchbox', { name: '搜索事项' }),
    searchButton: page.getByRole('button', { name: '搜索' }),
    resultsHeading: page.getByRole('heading', { level: 2 }).filter({ hasText: '搜索' }),
    entries: page.getByTestId('guide-entry'),
    entry: (name: string) => page.getByTestId('guide-entry').filter({ hasText: name }),
    section: (title: string) =>
      page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: title }) }),
    limit: page.getByTestId('guide-limit'),
    materials: page.getByTestId('guide-materials'),
    version: page.getByTestId('catalog-version'),
  };
  return {
    locators,
    async open(path = '') {
      await page.goto(`${centerUrl}/guide/${path}`);
      // the shipped Chinese font's slices for what the page shows, before anything is looked at
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    },
    async search(typed: string) {
      await locators.search.fill(typed);
      await locators.searchButton.click();
      await expect(locators.resultsHeading).toContainText(`搜索“${typed}”`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    },
    async openEntry(name: string) {
      await locators.entry(name).first().click();
      await expect(locators.heading).toHaveText(name);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    },
    /** The catalog version the page says it was made from. */
    async catalogVersion(): Promise<number> {
      const text = await locators.version.innerText();
      return Number(/事项目录第(\d+)版/.exec(text)?.[1]);
    },
    scrollsSideways: () =>
      page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
  };
}
