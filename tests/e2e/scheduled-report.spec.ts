import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personApplicant } from '../support/applicants';
import { startWebTerminal, type DemoAccount, type WebTerminal } from '../support/web-terminal';
import { readWorkbook, reportSheetNames, summaryCell } from '../support/workbook';
import { apiAs } from './pages/documents';
import { loginPage } from './pages/login';
import { scheduledReportCard } from './pages/settings';

// Monday 2 March 2026: in the morning the center manager asks this terminal to put the day's
// report into the office's folder at 17:30; at 17:30 the files are there.
const today = '2026-03-02';
const xlsx = `办件日报-市场监督管理局-${today}.xlsx`;
const csv = `办件日报-市场监督管理局-${today}.csv`;

let terminal: WebTerminal;
let folder: string;
const account = (role: string): DemoAccount => terminal.accounts.find((a) => a.role === role)!;

test.beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'onewindow-e2e-daily-'));
  // the terminal looks every half second (30 s in use), so the story need not wait
  terminal = await startWebTerminal([
    '--now',
    `${today}T09:00:00+08:00`,
    '--clock-control',
    '--report-check-seconds',
    '0.5',
  ]);
});
test.afterEach(async () => {
  await terminal.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('the manager schedules the daily report into a folder, and at the set time the files are there', async ({
  page,
}) => {
  const clerk = await apiAs(terminal, account('clerk'));
  await clerk.acceptedCase('SJ-002', personApplicant(41));
  await clerk.acceptedCase('SJ-002', personApplicant(42));

  await page.goto(terminal.url);
  await loginPage(page).signIn(account('manager').username, account('manager').password);
  const card = scheduledReportCard(page);
  await card.open();
  await expect(card.locators.state).toHaveText('未开启');

  // a path relative to nowhere in particular is refused by the terminal, in words
  await card.set('日报', '17:30');
  await expect(card.locators.fieldError).toContainText('绝对路径');

  await card.set(folder, '17:30');
  await card.expectSaved();
  await terminal.setClock(`${today}T17:29:00+08:00`);
  await page.waitForTimeout(1500);
  expect(readdirSync(folder)).toEqual([]);

  await terminal.setClock(`${today}T17:30:00+08:00`);
  await expect.poll(() => readdirSync(folder).sort(), { timeout: 10_000 }).toEqual([csv, xlsx]);

  const book = await readWorkbook(join(folder, xlsx));
  expect(book.worksheets.map((w) => w.name)).toEqual(reportSheetNames);
  const row = (label: string) => summaryCell(book, label).value;
  expect(row('部门')).toBe('市场监督管理局');
  expect(row('统计时点')).toBe(`${today} 17:30`);
  expect(row('收件')).toBe(2);
  const text = readFileSync(join(folder, csv));
  expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(text.toString('utf8')).toContain('收件受理,受理,2');

  // the card sees the day's write on its next look
  await expect(card.locators.lastWritten).toContainText(`${today} 17:30`, { timeout: 15_000 });
  await expect(card.locators.lastWritten).toContainText(xlsx);
  await expect(card.locators.error).toHaveCount(0);
  await card.locators.card.screenshot({ path: 'tests/e2e/artifacts/scheduled-report-card.png' });

  // Tuesday: the folder is gone (a network drive unplugged); the card says so, the next day's
  // check tries again
  rmSync(folder, { recursive: true, force: true });
  await terminal.setClock('2026-03-03T17:30:00+08:00');
  await expect(card.locators.error).toContainText(`文件夹不存在：${folder}`, { timeout: 15_000 });
  await card.locators.card.screenshot({
    path: 'tests/e2e/artifacts/scheduled-report-card-error.png',
  });
});
