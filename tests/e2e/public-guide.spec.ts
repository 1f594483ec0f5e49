import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import type { ServiceItem } from '../../shared/catalog';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { hallAccount, startHallCenter, type HallCenter } from '../support/hall-center';
import { readPdf, renderPdfPage } from '../support/pdf';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { guideMaterials, guidePage } from './pages/guide';
import { intakePage } from './pages/intake';
import { loginPage } from './pages/login';
import { enrollThroughSettings, signedIn, syncNow } from './pages/sync';

// Issue 17 part 3 (Done-when): an applicant's phone finds 食品经营许可 at the center's public
// 办事指南 by typing `spjy`, opens its guide, and reads the very limits and materials the window's
// intake guide shows for the same catalog — after the manager changed the item, so that both
// sides must have the center's newest version, not the shipped one. The guide prints on one A4.

const now = '2026-03-02T09:00:00+08:00';
const clerk = { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' } as const;
const shots = 'tests/e2e/artifacts';

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;

test.beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  hall = await startHallCenter(now, [clerk]);
});

test.afterAll(async () => {
  await terminal?.stop();
  await hall?.stop();
});

test('a phone finds 食品经营许可 by spjy and reads the same guide as the window', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const h = hall!;
  const admin = await centerAdmin(h.center.url, adminAccount(h.dataDir));

  const version =
    await test.step('the manager shortens SJ-002’s promise and notes a material', async () => {
      const items = await admin.call<ServiceItem[]>('GET', '/api/items');
      const item = items.find((i) => i.code === 'SJ-002')!;
      const [first, ...rest] = item.materials;
      await admin.call('PUT', '/api/items/SJ-002', {
        ...item,
        promisedDays: 4,
        materials: [{ ...first!, note: '可在窗口免费领取' }, ...rest],
      });
      return (await admin.call<{ catalog: number }>('GET', '/api/reference/versions')).catalog;
    });

  const window =
    await test.step('a PC enrolled at SJ01 pulls that catalog; the clerk picks the item', async () => {
      terminal = await startWebTerminal(['--now', now]);
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const pc = await context.newPage();
      await enrollThroughSettings(pc, terminal, h.center.url, await h.enrollmentCode());
      const token = await signedIn(terminal, hallAccount(clerk));
      expect(await syncNow(terminal, token)).toMatchObject({ pending: 0, lastError: null });
      await loginPage(pc).signIn(clerk.username, hallAccount(clerk).password);
      const intake = intakePage(pc);
      await intake.open();
      await intake.findItem('spjy', '食品经营许可');
      await expect(intake.locators.guide.getByTestId('guide-limit')).toContainText(
        '承诺4个工作日内办结',
      );
      await pc.screenshot({ path: `${shots}/public-guide-window.png` });
      const shown = {
        limit: await intake.locators.guide.getByTestId('guide-limit').innerText(),
        materials: await guideMaterials(intake.locators.guide),
      };
      await context.close();
      return shown;
    });

  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await phone.newPage();
  const guide = guidePage(page, h.center.url);

  await test.step('the phone opens the guide: every department, life events, no sideways scroll', async () => {
    await guide.open();
    await expect(guide.locators.heading).toHaveText('办事指南');
    await expect(page.getByRole('heading', { level: 3, name: '开餐馆' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: '市场监督管理局' })).toBeVisible();
    expect(await guide.catalogVersion()).toBe(version);
    expect(await guide.scrollsSideways()).toBe(false);
    await page.screenshot({ path: `${shots}/public-guide-list.png` });
  });

  await test.step('spjy finds 食品经营许可, first and alone', async () => {
    await guide.search('spjy');
    await expect(guide.locators.entries).toHaveCount(1);
    await expect(guide.locators.entries.first()).toContainText('食品经营许可');
    expect(await guide.scrollsSideways()).toBe(false);
    await page.screenshot({ path: `${shots}/public-guide-search.png` });
  });

  await test.step('its guide states the window’s limit and materials, from the same catalog version', async () => {
    await guide.openEntry('食品经营许可');
    expect(await guide.catalogVersion()).toBe(version);
    await expect(guide.locators.limit).toHaveText(window.limit);
    expect(await guideMaterials(page)).toEqual(window.materials);
    expect(window.materials.length).toBeGreaterThan(2);
    await expect(guide.locators.materials).toContainText('可在窗口免费领取');
    for (const title of [
      '设定依据',
      '申请条件',
      '办理流程',
      '收费标准',
      '收费依据',
      '有效期限',
      '咨询方式',
    ]) {
      await expect(guide.locators.section(title)).toBeVisible();
    }
    expect(await guide.scrollsSideways()).toBe(false);
    await page.screenshot({ path: `${shots}/public-guide-item.png` });
    await page.screenshot({ path: `${shots}/public-guide-item-full.png`, fullPage: true });
  });

  await test.step('an unknown code is a Chinese 404 page', async () => {
    const answer = await page.goto(`${h.center.url}/guide/SJ-999`);
    expect(answer?.status()).toBe(404);
    await expect(guide.locators.heading).toHaveText('未找到该事项');
    await page.screenshot({ path: `${shots}/public-guide-404.png` });
  });

  await test.step('the item’s guide prints on one A4 sheet', async () => {
    await guide.open('SJ-002');
    const pdf = test.info().outputPath('guide-SJ-002.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const reading = readPdf(pdf);
    expect(reading.pages).toBe(1);
    expect(reading.text).toContain('食品经营许可');
    expect(reading.text).toContain(`事项目录第${version}版`);
    // the characters are drawn in a font the PDF carries, not left to the reader's machine
    expect(reading.fontList.length).toBeGreaterThan(0);
    expect(reading.fontList.every((f) => f.embedded)).toBe(true);
    renderPdfPage(pdf, `${shots}/public-guide-a4.png`, 80);
  });
  await phone.close();
});
