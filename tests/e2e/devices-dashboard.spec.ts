import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { diagnosticsBundleSchema } from '../../shared/api/diagnostics';
import { personApplicant } from '../support/applicants';
import { adminAccount } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { hallAccount, startHallCenter, type HallCenter } from '../support/hall-center';
import { placeRelease } from '../support/releases';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { adminPage } from './pages/admin';
import { apiAs } from './pages/documents';
import { loginPage } from './pages/login';
import { enrollThroughSettings, signedIn, syncNow } from './pages/sync';

// Issue 15 point 5 (part H): the center's dashboard of PCs and the diagnostics bundle. Three
// web-mode terminals enroll at SJ01 of a real center process; each syncs, so each has told the
// center its version, queue and clock. The manager exports one PC's diagnostics bundle (it must
// hold nothing of the applicants received here) and reads the 终端 tab of 中心管理; then stages a
// release placed in the center's updates/ folder on the 版本发布 tab, and withdraws it.

const now = '2026-03-10T09:30:00+08:00';
const staff = {
  clerk: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' },
  manager: { username: 'manager-c', name: '孙立华', role: 'manager' },
} as const;
const shots = 'tests/e2e/artifacts';

let hall: HallCenter | undefined;
const terminals: WebTerminal[] = [];
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  hall = await startHallCenter(now, Object.values(staff));
});

test.afterAll(async () => {
  for (const c of contexts) await c.close();
  for (const t of terminals) await t.stop();
  await hall?.stop();
});

test('three PCs at SJ01: the diagnostics bundle holds no applicant, the dashboard shows each PC, the manager stages and withdraws a release', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const newPage = async (width = 1440, height = 900): Promise<Page> => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width, height },
      acceptDownloads: true,
    });
    contexts.push(context);
    return context.newPage();
  };

  const pages: Page[] = [];
  await test.step('three PCs are enrolled at SJ01', async () => {
    for (let i = 0; i < 3; i += 1) {
      const t = await startWebTerminal(['--now', now]);
      terminals.push(t);
      const page = await newPage();
      pages.push(page);
      await enrollThroughSettings(page, t, hall!.center.url, await hall!.enrollmentCode());
    }
  });

  const applicants = [personApplicant(17), personApplicant(28)];
  await test.step('the clerk receives two cases on the first PC; every PC syncs', async () => {
    const first = terminals[0]!;
    const api = await apiAs(first, hallAccount(staff.clerk));
    for (const a of applicants) await api.acceptedCase('SJ-003', a);
    for (const t of terminals) {
      const clerk = await signedIn(t, hallAccount(staff.clerk));
      expect(await syncNow(t, clerk)).toMatchObject({ pending: 0, lastError: null });
    }
  });

  const page = pages[0]!;
  await test.step('the manager exports the first PC’s diagnostics bundle: no applicant in it', async () => {
    await page.goto(terminals[0]!.url);
    await loginPage(page).signIn(staff.manager.username, hallAccount(staff.manager).password);
    await page.getByRole('menu').getByText('设置').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出诊断包' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^诊断包-市场监管一号窗-T\d+-20260310-\d{4}\.json$/,
    );
    const text = readFileSync(await download.path(), 'utf8');
    const bundle = diagnosticsBundleSchema.parse(JSON.parse(text));
    expect(bundle.device).toMatchObject({ enrolled: true, windowName: '市场监管一号窗' });
    expect(bundle.sync).toMatchObject({ pending: 0 });
    expect(bundle.database.integrity).toBe('ok');
    for (const a of applicants) {
      expect(text).not.toContain(a.name);
      expect(text).not.toContain(a.idNumber);
      expect(text).not.toContain(a.mobile);
    }
  });

  const ui = adminPage(page);
  await test.step('the 终端 tab lists each PC with its version, last seen, queue and clock', async () => {
    await ui.open();
    await ui.signIn(hallAccount(staff.manager).password);
    await expect(ui.locators.page).toBeVisible();
    await ui.openTab('终端');
    const rows = page.getByRole('row').filter({ hasText: '市场监管一号窗' });
    await expect(rows).toHaveCount(3);
    for (let i = 0; i < 3; i += 1) {
      const row = rows.nth(i);
      await expect(row).toContainText('2026-03-10 09:30'); // last seen, as the UI writes times
      await expect(row).toContainText(/-?\d+ 秒/);
      await expect(row).toContainText('在用');
      await expect(row).not.toContainText(/\d{4}-\d\d-\d\dT/); // no ISO timestamp shown
    }
    for (const [width, height] of [
      [1440, 900],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${shots}/devices-dashboard-${width}.png`, fullPage: true });
    }
  });

  await test.step('版本发布: publish 1.1.0 to 10 % and SJ01, refused at the field first, then withdraw', async () => {
    placeRelease(hall!.dataDir, '1.0.0');
    placeRelease(hall!.dataDir, '1.1.0');
    await page.setViewportSize({ width: 1440, height: 900 });
    await ui.openTab('版本发布');
    const row = (version: string) => page.getByRole('row').filter({ hasText: version });
    await expect(row('1.1.0')).toContainText('未发布');
    await expect(row('1.0.0')).toContainText('latest.yml');
    await row('1.1.0')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    const form = page.getByTestId('release-form');
    const fieldError = (label: string) =>
      form.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-form-item-explain');
    await form.getByLabel('分批比例').fill('150');
    await form.getByRole('button', { name: /发\s*布/ }).click();
    await expect(fieldError('分批比例')).toContainText('比例须为 0–100 的整数');
    await form.getByLabel('分批比例').fill('10');
    // a protocol the center does not speak: the center's refusal lands at the field
    await form.getByLabel('协议').fill('7');
    await form.getByRole('button', { name: /发\s*布/ }).click();
    await expect(fieldError('协议')).toContainText('中心不接受协议 7');
    await form.getByLabel('协议').fill('1');
    await form.getByLabel('指定窗口').click();
    // antd's role=option is a hidden stub for screen readers: click the item the manager sees
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: 'SJ01 市场监管一号窗' })
      .click();
    await form.getByLabel('指定窗口').press('Escape');
    await form.getByRole('button', { name: /发\s*布/ }).click();
    await expect(form).toBeHidden();
    await expect(row('1.1.0')).toContainText('提供中');
    await expect(row('1.1.0')).toContainText('10%');
    await expect(row('1.1.0')).toContainText('SJ01 市场监管一号窗');
    await expect(row('1.1.0')).toContainText(`由 ${staff.manager.username} 发布`);
    await expect(row('1.1.0')).not.toContainText(/\d{4}-\d\d-\d\dT/);
    const admin = await centerAdmin(hall!.center.url, adminAccount(hall!.dataDir));
    const listed = await admin.call<{ version: string; published: unknown }[]>(
      'GET',
      '/api/releases',
    );
    expect(listed.find((r) => r.version === '1.1.0')?.published).toMatchObject({
      protocol: 1,
      percent: 10,
      windowIds: [hall!.windowId],
      withdrawnAt: null,
      offered: true,
    });
    for (const [width, height] of [
      [1440, 900],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${shots}/releases-${width}.png`, fullPage: true });
    }
    await row('1.1.0')
      .getByRole('button', { name: /撤\s*回/ })
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /撤\s*回/ })
      .click();
    await expect(row('1.1.0')).toContainText('已撤回 2026-03-10 09:30');
    const after = await admin.call<
      { version: string; published: { offered: boolean; withdrawnAt: string | null } }[]
    >('GET', '/api/releases');
    expect(after.find((r) => r.version === '1.1.0')?.published?.withdrawnAt).not.toBeNull();
  });
});
