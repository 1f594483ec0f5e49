import { expect, test, type Browser, type Page } from '@playwright/test';
import { statSync } from 'node:fs';
import { personApplicant } from '../support/applicants';
import { startWebTerminal, type DemoAccount, type WebTerminal } from '../support/web-terminal';
import { apiAs, printPage } from './pages/documents';
import { loginPage } from './pages/login';
import { intakePage } from './pages/intake';
import { decisionDesk, reviewQueue } from './pages/review';

// The chief representative's day at the window, with the clerk (and the reviewer) at their own
// browsers on the same terminal: accept → decide → seal with the PIN → print → certificate →
// deliver → rating; 一审一核, a denial, and a case the window must send to the department.

// Monday 2 March 2026, 09:00 in Beijing
const now = '2026-03-02T09:00:00+08:00';

let terminal: WebTerminal;
const account = (role: string): DemoAccount => terminal.accounts.find((a) => a.role === role)!;

test.beforeEach(async () => {
  terminal = await startWebTerminal(['--now', now]);
});
test.afterEach(async () => {
  await terminal.stop();
});

/** One person's browser, signed in at the terminal. */
async function signedIn(browser: Browser, role: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto(terminal.url);
  await loginPage(page).signIn(account(role).username, account(role).password);
  await expect(page.getByTestId('shell-user')).toContainText(account(role).name);
  return page;
}

test('the chief approves, seals with the PIN and prints; the clerk delivers, and no staff screen rates', async ({
  browser,
}) => {
  const clerk = await signedIn(browser, 'clerk');
  const chief = await signedIn(browser, 'chief');
  const api = await apiAs(terminal, account('clerk'));
  // the clerk takes in 食品经营许可 at the counter and accepts it
  const intake = intakePage(clerk);
  await intake.open();
  await intake.findItem('SJ-002', '食品经营许可');
  await intake.fillPerson(personApplicant(21));
  await intake.receive();
  await expect(intake.locators.status).toHaveText('已收件');
  await intake.markAllReceivedExcept(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'], []);
  await intake.accept();
  const caseId = /#\/intake\/([0-9a-f-]{36})/.exec(clerk.url())![1]!;
  const caseNumber = /SJ-\d{8}-SJ01-T1-\d{4}/.exec(
    (await intake.locators.caseHeader.textContent()) ?? '',
  )![0];
  const accepted = { caseId, caseNumber };

  const queue = reviewQueue(chief);
  await queue.open();
  await expect(queue.locators.row(accepted.caseNumber)).toContainText('待决定');
  await expect(queue.locators.row(accepted.caseNumber).getByTestId('countdown')).toBeVisible();
  await chief.screenshot({ path: 'tests/e2e/artifacts/review-queue.png' });
  await queue.openCase(accepted.caseNumber);

  const desk = decisionDesk(chief);
  await desk.approve({ validUntil: '2031-03-01', conditions: '仅限预包装食品销售' });
  await expect(desk.locators.status).toHaveText('已决定');
  // a wrong PIN leaves the decision unsealed, and says how many tries remain
  await desk.locators.action('盖章').click();
  await desk.locators.sealDialog.getByLabel('盖章密码（6位数字）').fill('000001');
  await desk.locators.sealDialog.getByRole('button', { name: '提交' }).click();
  await expect(desk.locators.sealDialog).toContainText('盖章密码不正确，还可再试4次');
  await desk.locators.sealDialog.getByRole('button', { name: '取消' }).click();
  await desk.stamp(account('chief').sealPin!);
  const decisionNumber = /SJ许准〔2026〕0302-SJ01-T1-\d{4}号/.exec(
    (await desk.locators.stampedNumber.textContent()) ?? '',
  )?.[0];
  expect(decisionNumber).toBeDefined();
  await desk.locators.sealDialog.getByRole('button', { name: '关闭', exact: true }).last().click();
  await expect(desk.locators.sealDialog).toBeHidden();
  await expect(desk.locators.decisionCard).toContainText(decisionNumber!);
  await chief.screenshot({ path: 'tests/e2e/artifacts/decision-page.png', fullPage: true });

  // the sealed decision on paper: the seal, the number, the code, the Chinese font
  await desk.printFromHistory('盖章');
  const print = printPage(chief);
  await print.ready();
  await expect(print.locators.sheet).toContainText('准予行政许可决定书');
  await expect(
    print.locators.sheet.locator('svg').filter({ hasText: '行政审批专用章' }),
  ).toBeVisible();
  const decisionPdf = await print.toPdf('approval-decision');
  expect(statSync(decisionPdf.png).size).toBeGreaterThan(20_000);
  expect(decisionPdf.fonts).toMatch(/NotoSansSC/i);
  const decisionText = decisionPdf.text.replace(/\s+/g, '');
  const sealedEvent = await stampEvent(api, accepted.caseId);
  expect(decisionText).toContain(String(sealedEvent.verificationCode));
  expect(decisionText).toContain(decisionNumber!);
  expect(decisionText).toContain('行政审批专用章');
  expect(decisionText).toContain('仅限预包装食品销售');
  await print.locators.backButton.click();

  await desk.issueCertificate('JY16101060000021');
  await expect(desk.locators.status).toHaveText('已制证');
  await desk.printFromHistory('制证');
  await print.ready();
  const certificate = await print.toPdf('certificate');
  expect(certificate.text.replace(/\s+/g, '')).toContain('JY16101060000021');
  expect(certificate.text.replace(/\s+/g, '')).toContain('食品经营许可证');
  await print.locators.backButton.click();

  // the clerk hands the decision and the certificate over at the window
  await clerk.evaluate((hash) => (location.hash = hash), `#/case/${accepted.caseId}`);
  const counter = decisionDesk(clerk);
  await counter.deliverAtWindow();
  await expect(counter.locators.status).toHaveText('已送达');
  await counter.printFromHistory('送达');
  const receiptPage = printPage(clerk);
  await receiptPage.ready();
  const receipt = await receiptPage.toPdf('delivery-receipt');
  const receiptText = receipt.text.replace(/\s+/g, '');
  expect(receiptText).toContain('送达回证');
  expect(receiptText).toContain(decisionNumber!);
  expect(receiptText).toContain('JY16101060000021');
  expect(receiptText).toContain('受送达人签名');
  await receiptPage.locators.backButton.click();

  // 好差评 is the applicant's (issue 17 part 2): no staff screen offers a rating
  await expect(counter.locators.action('评价')).toHaveCount(0);
  const history = await api.caseEvents(accepted.caseId);
  expect(history.map((e) => e.type)).toEqual([
    'received',
    'materialsChecked',
    'accepted',
    'decided',
    'stamped',
    'certificateIssued',
    'delivered',
  ]);
});

test('一审一核: the chief who reviewed cannot decide, the UI says why, and main refuses it too', async ({
  browser,
}) => {
  const chief = await signedIn(browser, 'chief');
  const reviewer = await signedIn(browser, 'reviewer');
  const api = await apiAs(terminal, account('clerk'));
  const accepted = await api.acceptedCase('SJ-004', personApplicant(22)); // 食品生产许可

  const chiefDesk = decisionDesk(chief);
  await chief.evaluate((hash) => (location.hash = hash), `#/case/${accepted.caseId}`);
  await chiefDesk.review('现场核查合格，材料齐全', '建议准予许可');
  await expect(chiefDesk.locators.status).toHaveText('审查中');

  const queue = reviewQueue(reviewer);
  await queue.open();
  await expect(queue.locators.row(accepted.caseNumber)).toContainText('待复核');
  await queue.openCase(accepted.caseNumber);
  await decisionDesk(reviewer).check('同意审查意见');

  await chief.reload();
  await loginPage(chief).signIn(account('chief').username, account('chief').password);
  await chief.evaluate((hash) => (location.hash = hash), `#/case/${accepted.caseId}`);
  await expect(chiefDesk.locators.reviewerDecides).toContainText('依一审一核规定不能作出决定');
  await expect(chiefDesk.locators.decideButton).toBeDisabled();
  await chief.screenshot({ path: 'tests/e2e/artifacts/two-person-blocked.png', fullPage: true });
  const chiefApi = await apiAs(terminal, account('chief'));
  await expect(
    chiefApi.record(accepted.caseId, 'decided', {
      outcome: 'approve',
      granted: '准予食品生产许可',
    }),
  ).rejects.toThrow(/review\.reviewerDecides/);
});

test('a denial needs its facts, reasons and basis, and prints the appeal rights', async ({
  browser,
}) => {
  const chief = await signedIn(browser, 'chief');
  const api = await apiAs(terminal, account('clerk'));
  const accepted = await api.acceptedCase('SJ-002', personApplicant(23));
  await chief.evaluate((hash) => (location.hash = hash), `#/case/${accepted.caseId}`);
  const desk = decisionDesk(chief);
  await desk.openDecision();
  await desk.deny({ facts: '', reasons: '', legalBasis: '' });
  // the form holds the empty denial back, and main would refuse it anyway
  await expect(desk.locators.decideDialog).toBeVisible();
  await expect(desk.locators.decideDialog.getByText('必填').first()).toBeVisible();
  const chiefApi = await apiAs(terminal, account('chief'));
  await expect(
    chiefApi.record(accepted.caseId, 'decided', {
      outcome: 'deny',
      facts: '经营场所与污染源距离不足',
      reasons: ' ',
      legalBasis: '《食品安全法》第三十三条',
      appealNotice: {
        reconsiderationDays: 60,
        litigationMonths: 6,
        text: '可以依法申请行政复议或者提起行政诉讼。',
      },
    }),
  ).rejects.toThrow(/payload\.reasons: 必填/);
  await expect(desk.locators.appealNotice).toContainText('60日内');

  await desk.deny({
    facts: '现场核查时经营场所与垃圾中转站距离不足25米',
    reasons: '经营场所不符合食品安全要求，不具备许可条件',
    legalBasis: '《中华人民共和国食品安全法》第三十三条第一款第（一）项',
  });
  await expect(desk.locators.status).toHaveText('已决定');
  await desk.stamp(account('chief').sealPin!);
  await desk.printDecision();
  const print = printPage(chief);
  await print.ready();
  const pdf = await print.toPdf('denial-decision');
  const text = pdf.text.replace(/\s+/g, '');
  expect(text).toContain('不予行政许可决定书');
  expect(text).toContain('垃圾中转站距离不足25米');
  // both rights, each with the body that hears it (行政复议法 2023 Art. 20)
  expect(text).toContain('60日内向示范区人民政府申请行政复议');
  expect(text).toContain('6个月内向示范区人民法院提起行政诉讼');
});

test('a window without 审批 sends the case to the department, and it counts as 报批件', async ({
  browser,
}) => {
  const chief = await signedIn(browser, 'chief');
  const api = await apiAs(terminal, account('clerk'));
  // 药品零售企业经营许可: the demo window holds 受理 and 送达 for it, not 审批
  const accepted = await api.acceptedCase('SJ-003', personApplicant(24));
  const queue = reviewQueue(chief);
  await queue.open();
  await expect(queue.locators.referred).toHaveAttribute('data-count', '0');
  await queue.openCase(accepted.caseNumber);
  const desk = decisionDesk(chief);
  await expect(desk.locators.authorityBanner).toContainText('须报部门审批');
  await expect(desk.locators.decideButton).toHaveCount(0);
  await desk.refer('市市场监督管理局', '药品流通监管科');
  await expect(desk.locators.status).toHaveText('报批中');
  await expect(desk.locators.referralBanner).toContainText('办理时限继续计算');

  await queue.open();
  await expect(queue.locators.referred).toHaveAttribute('data-count', '1');
  await expect(queue.locators.row(accepted.caseNumber)).toContainText('报批中');
  await chief.screenshot({ path: 'tests/e2e/artifacts/review-queue-referred.png' });

  // the department's decision comes back and is recorded with its number
  await queue.openCase(accepted.caseNumber);
  await desk.approve({ validUntil: '2031-03-01', departmentRef: '市市监药许〔2026〕17号' });
  await expect(desk.locators.status).toHaveText('已决定');
  await expect(desk.locators.decisionCard).toContainText('市市监药许〔2026〕17号');
});

/** The stamp event of a case and the code its printed decision carries. */
async function stampEvent(api: Awaited<ReturnType<typeof apiAs>>, caseId: string) {
  const stamp = (await api.caseEvents(caseId)).find((e) => e.type === 'stamped')!;
  return api.document(caseId, stamp.id);
}
