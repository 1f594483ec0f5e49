import { expect, type Page, type Response } from '@playwright/test';
import { clockLabels, ruleMessages } from '../../../shared/case';
import { zhCN } from '../../../renderer/i18n/zh-CN';

// What every screen of the terminal must be at 1366×768 (issue 16 points 5-6): no horizontal
// scrolling, no internal id in the visible text, and in English no Chinese but the data's own.

/**
 * The ids that must never reach the screen, built from the shared code: every rule id, every
 * clock alert id (clock.<kind>.<level>, server/supervision/rules.ts), and the renderer's own
 * message keys (a key shown is a missing translation: "clock.promised").
 */
export const internalIds: ReadonlySet<string> = new Set([
  ...Object.keys(ruleMessages),
  ...Object.keys(clockLabels).flatMap((k) =>
    ['warning', 'yellow', 'red'].map((level) => `clock.${k}.${level}`),
  ),
  ...['warning', 'red'].map((level) => `complaint.${level}`),
  ...Object.keys(zhCN),
]);

const idPattern = /\b[a-z]+\.[a-z][A-Za-z.]+\b/g;
const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const hanRun = /\p{Script=Han}+/gu;

/**
 * The Chinese an English screen may show: data, never the program's own words. Data is what the
 * page received from main or the center — every string value in the JSON of its API responses
 * (names of applicants, staff, departments, windows and items, the catalog's texts, what people
 * typed) — except the values under keys that carry the program's own sentences (`message`: an
 * alert's or a refusal's words; `label`: a clock's name), which the renderer must translate.
 * A run of Han characters on the screen is data when it is a Han run of such a value (or the
 * first character of one: the avatar shows a name's first character); plus the language switch's
 * "中文", which names the other language in its own script.
 */
export class DataWords {
  private runs = new Set<string>(['中文']);
  private reading: Promise<void>[] = [];

  /** Collects the data of every API response of `page` from now on. */
  watch(page: Page) {
    page.on('response', (r) => this.reading.push(this.take(r)));
  }

  /** Every response seen so far has been read: the screen shows nothing newer than that. */
  async flush() {
    await Promise.all(this.reading);
  }

  private async take(r: Response) {
    if (!r.url().includes('/api/')) return;
    try {
      this.add(await r.json());
    } catch {
      // not JSON (a static file, an aborted request): nothing to collect
    }
  }

  add(value: unknown, key = '') {
    if (key === 'message' || key === 'label') return;
    if (typeof value === 'string') {
      for (const run of value.match(hanRun) ?? []) {
        this.runs.add(run);
        this.runs.add(run.slice(0, 1));
      }
    } else if (Array.isArray(value)) for (const v of value) this.add(v);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) this.add(v, k);
  }

  /** The Han runs of `text` that are no data. */
  foreign(text: string): string[] {
    return [...new Set(text.match(hanRun) ?? [])].filter((run) => !this.runs.has(run));
  }
}

export type ScreenFault = { kind: string; detail: string };

/**
 * What is wrong with the screen as it stands: the page scrolls sideways; an element that lets
 * its content overflow sticks out past the right edge (unless a clipping or scrolling ancestor
 * holds it, as a table scrolling inside itself does); the visible text shows an internal id or
 * a UUID; in English, a run of Chinese that is no data.
 */
export async function screenFaults(
  page: Page,
  locale: 'zh-CN' | 'en',
  data: DataWords,
): Promise<ScreenFault[]> {
  const found = await page.evaluate(() => {
    const faults: { kind: string; detail: string }[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth)
      faults.push({
        kind: 'horizontal scroll',
        detail: `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`,
      });
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 1)
          return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.left >= width || r.right <= width + 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      if (clipped(el)) continue;
      faults.push({
        kind: 'sticks out',
        detail: `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} right=${Math.round(r.right)} "${(el.textContent ?? '').slice(0, 40)}"`,
      });
    }
    return { faults, text: document.body.innerText };
  });
  await data.flush();
  const faults: ScreenFault[] = found.faults.slice(0, 5);
  for (const id of found.text.match(idPattern) ?? [])
    if (internalIds.has(id)) faults.push({ kind: 'internal id', detail: id });
  for (const uuid of found.text.match(uuidPattern) ?? [])
    faults.push({ kind: 'UUID', detail: uuid });
  if (locale === 'en')
    for (const run of data.foreign(found.text)) faults.push({ kind: 'Chinese', detail: run });
  return faults;
}

/** Waits until nothing on the page is loading: no spinner, no skeleton. */
export async function settled(page: Page) {
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0, {
    timeout: 20_000,
  });
}
