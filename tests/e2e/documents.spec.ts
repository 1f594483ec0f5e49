import { expect, test } from '@playwright/test';
import { statSync } from 'node:fs';
import { personApplicant } from '../support/applicants';
import { startWebTerminal, type DemoAccount, type WebTerminal } from '../support/web-terminal';
import { apiAs, printPage } from './pages/documents';
import { loginPage } from './pages/login';

// Thursday before the 2026 Spring Festival: Feb 14 (Sat) is a make-up working day, Feb 15–23 off.
const now = '2026-02-12T10:00:00+08:00';

let terminal: WebTerminal;
let clerk: DemoAccount;
test.beforeEach(async () => {
  terminal = await startWebTerminal(['--now', now, '--clock-control']);
  clerk = terminal.accounts.find((a) => a.role === 'clerk')!;
});
test.afterEach(async () => {
  await terminal.stop();
});

test('the acceptance notice prints on A4 with the promised date across the holiday', async ({
  page,
}) => {
  const api = await apiAs(terminal, clerk);
  // 食品经营许可: promised 5 working days → Feb 13, Feb 14 (make-up), Feb 24, 25, 26
  const accepted = await api.acceptedCase('SJ-002', personApplicant(7));
  const doc = await api.document(accepted.caseId, accepted.eventId);
  expect(doc.promisedDate).toBe('2026-02-26');

  await page.goto(terminal.url);
  await loginPage(page).signIn(clerk.username, clerk.password);
  const print = printPage(page);
  await print.open(accepted.caseId, accepted.eventId);
  // the notice alone: no shell header or menu around it
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(print.locators.sheet).toContainText('受理通知书');
  await expect(print.locators.printButton).toBeVisible();

  const out = await print.toPdf('acceptance-notice');
  expect(statSync(out.png).size).toBeGreaterThan(20_000);
  // the CJK font travels inside the PDF, so any PC shows the Chinese
  expect(out.fonts).toMatch(/NotoSansSC/i);
  expect(out.fonts).toMatch(/\byes\b/);
  const text = out.text.replace(/\s+/g, '');
  expect(text).toContain('受理通知书');
  expect(text).toContain(accepted.caseNumber);
  expect(text).toContain(String(doc.verificationCode));
  expect(text).toContain('2026年2月26日');
  expect(text).toContain('示范区政务服务中心');
  // the department prints its 受理专用章 on the notice (Art. 32; issue 14)
  expect(text).toContain('受理专用章');
  expect(text).toContain(personApplicant(7).name);
  // the toolbar never reaches the paper
  expect(text).not.toContain('打印时请选择');
});

test('the one-time notice lists exactly the two materials and prints on A4', async ({ page }) => {
  const api = await apiAs(terminal, clerk);
  const notice = await api.noticeCase(
    'SJ-002',
    personApplicant(8),
    { missing: 'm2', defective: 'm3', defect: '复印件不清晰，无法辨认' },
    '2026-02-27',
  );
  const doc = await api.document(notice.caseId, notice.eventId);
  const names = notice.item.materials.map((m) => (m as unknown as { name: string }).name);

  await page.goto(terminal.url);
  await loginPage(page).signIn(clerk.username, clerk.password);
  const print = printPage(page);
  await print.open(notice.caseId, notice.eventId);
  await expect(print.locators.sheet).toContainText('补正材料通知书');
  const rows = print.locators.sheet.locator('table').first().locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(names[1]!);
  await expect(rows.nth(1)).toContainText('复印件不清晰');

  const out = await print.toPdf('one-time-notice');
  expect(statSync(out.png).size).toBeGreaterThan(20_000);
  const text = out.text.replace(/\s+/g, '');
  expect(text).toContain('一次性告知书');
  expect(text).toContain(notice.caseNumber);
  expect(text).toContain(String(doc.verificationCode));
  expect(text).toContain('2026年2月27日');
  // long names wrap inside their table cell: compare their first characters
  const head = (name: string) => name.slice(0, 10);
  expect(text).toContain(head(names[1]!));
  expect(text).toContain(head(names[2]!));
  for (const other of [names[0]!, ...names.slice(3)]) expect(text).not.toContain(head(other));
  expect(text).toContain('申请人（或代理人）签收');

  // The notice is frozen: after the supplements, a second notice may only repeat its items. The
  // intake screen offers no way to ask for anything new, and main refuses it outright.
  await api.record(notice.caseId, 'supplementReceived', { materialIds: ['m2', 'm3'] });
  await expect(
    api.record(notice.caseId, 'noticeIssued', {
      items: [{ materialId: 'm4', problem: 'missing', detail: '新增要求' }],
    }),
  ).rejects.toThrow(/notice\.newItems/);
});

test("the applicant's guide prints the item's seven public facts with its code", async ({
  page,
}) => {
  await page.goto(terminal.url);
  await loginPage(page).signIn(clerk.username, clerk.password);
  await page.evaluate(() => (location.hash = '#/guide/SJ-001'));
  const sheet = printPage(page).locators.sheet;
  await expect(sheet).toContainText('办事指南');
  await expect(sheet).toContainText('事项编码：SJ-001');
  for (const section of [
    '设定依据',
    '申请条件',
    '申请材料',
    '办理流程',
    '办理时限',
    '收费标准',
    '收费依据',
    '咨询方式',
  ])
    await expect(sheet).toContainText(section);
  await expect(sheet).toContainText('029-86010101');
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const out = await printPage(page).toPdf('service-guide');
  const text = out.text.replace(/\s+/g, '');
  expect(text).toContain('个体工商户设立登记');
  // the shell's header and menu stay off the paper
  expect(text).not.toContain('我的办件');
  expect(text).not.toContain('退出登录');
});
