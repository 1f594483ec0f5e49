import { expect, test, type Page } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import {
  receiveThroughApi,
  startWebTerminal,
  type DemoAccount,
  type WebTerminal,
} from '../support/web-terminal';
import { casePage, myCases } from './pages/cases';
import { apiAs } from './pages/documents';
import { loginPage } from './pages/login';

// Monday 2 March 2026: the 5 working days of the completeness clock end on Monday 9 March.
const monday = '2026-03-02T09:00:00+08:00';

let terminal: WebTerminal;
let clerk: DemoAccount;
let chief: DemoAccount;
// A terminal of its own per test: stories move the clock, and must not see each other's cases.
test.beforeEach(async () => {
  terminal = await startWebTerminal(['--now', monday, '--clock-control']);
  clerk = terminal.accounts.find((a) => a.role === 'clerk')!;
  chief = terminal.accounts.find((a) => a.role === 'chief')!;
});
test.afterEach(async () => {
  await terminal.stop();
});

async function signIn(page: Page, account: DemoAccount) {
  await page.goto(terminal.url);
  await loginPage(page).signIn(account.username, account.password);
}

test('my cases: live countdowns turn warning, yellow and red as the clock advances; filters and search', async ({
  page,
}) => {
  const api = await apiAs(terminal, clerk);
  const a = await receiveThroughApi(terminal, clerk); // 个体工商户设立登记, 王小明
  const b = await api.acceptedCase('SJ-002', personApplicant(3)); // 食品经营许可, promised 5 days
  const c = await api.receive('SJ-003', personApplicant(4)); // 药品零售企业经营许可

  await signIn(page, clerk);
  const list = myCases(page);
  await expect(list.locators.count).toHaveText('共 3 件');
  await expect(list.locators.countdown(a.caseNumber)).toHaveAttribute('data-level', 'normal');
  await expect(list.locators.row(a.caseNumber)).toContainText('剩 5 个工作日');
  await expect(list.locators.row(a.caseNumber)).toContainText('补正告知期限 2026-03-09');
  await expect(list.locators.row(b.caseNumber)).toContainText('承诺办结期限 2026-03-09');

  // the time left ticks every second without a reload
  const before = await list.locators.ticker(a.caseNumber).textContent();
  await expect(list.locators.ticker(a.caseNumber)).not.toHaveText(before ?? '', { timeout: 3000 });

  // Thursday: 2 working days left (Fri, Mon) → warning
  await terminal.setClock('2026-03-05T09:00:00+08:00');
  const e = await api.acceptedCase('SJ-002', personApplicant(5)); // promised → Thu 12 March
  await list.refocus();
  await expect(list.locators.count).toHaveText('共 4 件');
  await expect(list.locators.countdown(a.caseNumber)).toHaveAttribute('data-level', 'warning');
  await expect(list.locators.countdown(a.caseNumber)).toContainText('预警');
  await expect(list.locators.row(a.caseNumber)).toContainText('剩 2 个工作日');

  // Friday: 1 working day left → the yellow card
  await terminal.setClock('2026-03-06T09:00:00+08:00');
  await list.refocus();
  await expect(list.locators.countdown(a.caseNumber)).toHaveAttribute('data-level', 'yellow');
  await expect(list.locators.countdown(a.caseNumber)).toContainText('黄牌');
  await expect(list.locators.countdown(b.caseNumber)).toContainText('黄牌');
  await expect(list.locators.countdown(e.caseNumber)).toHaveAttribute('data-level', 'normal');
  // the earliest running deadline first; the fresh case last
  await expect(list.locators.rows.last()).toContainText(e.caseNumber);
  await page.screenshot({ path: 'tests/e2e/artifacts/my-cases.png', fullPage: true });

  // Tuesday 10 March: overdue → red; the unanswered application counts as accepted on receipt
  await terminal.setClock('2026-03-10T09:00:00+08:00');
  await list.refocus();
  await expect(list.locators.countdown(b.caseNumber)).toHaveAttribute('data-level', 'red');
  await expect(list.locators.countdown(b.caseNumber)).toContainText('红牌');
  await expect(list.locators.row(b.caseNumber)).toContainText('已超期');
  await expect(list.locators.row(a.caseNumber)).toContainText('视为受理 2026-03-02');
  await expect(list.locators.countdown(a.caseNumber)).toHaveAttribute('data-level', 'red');
  await expect(list.locators.countdown(e.caseNumber)).not.toHaveAttribute('data-level', 'red');
  // overdue at the top: the two red cases come first, the one still running after them
  await expect(list.locators.rows.nth(0)).toHaveAttribute('data-case-number', /.+/);
  const firstTwo = [
    await list.locators.rows.nth(0).getAttribute('data-case-number'),
    await list.locators.rows.nth(1).getAttribute('data-case-number'),
  ].sort();
  expect(firstTwo).toEqual([a.caseNumber, b.caseNumber].sort());
  await page.screenshot({ path: 'tests/e2e/artifacts/my-cases-overdue.png', fullPage: true });

  // search by case number, by name, by ID; filter by item
  await list.searchFor(b.caseNumber);
  await expect(list.locators.count).toHaveText('共 1 件');
  await expect(list.locators.rows).toHaveCount(1);
  await expect(list.locators.rows.first()).toContainText(b.caseNumber);
  await list.searchFor('王小明');
  await expect(list.locators.rows).toHaveCount(1);
  await expect(list.locators.rows.first()).toContainText(a.caseNumber);
  await list.searchFor(personApplicant(4).idNumber);
  await expect(list.locators.rows).toHaveCount(1);
  await expect(list.locators.rows.first()).toContainText(c.caseNumber);
  await list.clearSearch();
  await expect(list.locators.count).toHaveText('共 4 件');
  await list.filterItem('食品经营许可');
  await expect(list.locators.count).toHaveText('共 2 件');
  await expect(list.locators.row(a.caseNumber)).toHaveCount(0);
  await list.clearItem();
  await expect(list.locators.count).toHaveText('共 4 件');

  // a withdrawn case leaves the open list but stays under 全部
  await api.record(c.caseId, 'withdrawn', { reason: '申请人撤回' });
  await list.refocus();
  await expect(list.locators.count).toHaveText('共 3 件');
  await list.showStatus('全部');
  await expect(list.locators.count).toHaveText('共 4 件');
  await expect(list.locators.row(c.caseNumber)).toContainText('已撤回');
  await list.showStatus('在办');
  await expect(list.locators.count).toHaveText('共 3 件');
});

test('the case page: history with who and when, pause shows 计时暂停 in my cases, resume, print', async ({
  page,
}) => {
  await terminal.setClock('2026-03-11T10:30:00+08:00');
  const api = await apiAs(terminal, clerk);
  const d = await api.acceptedCase('SJ-003', personApplicant(6)); // promised 10 working days

  await signIn(page, clerk);
  const list = myCases(page);
  await list.openCase(d.caseNumber);
  const cp = casePage(page);
  await expect(cp.locators.caseNumber).toHaveText(d.caseNumber);
  await expect(cp.locators.status).toHaveText('已受理');
  await expect(cp.locators.events).toHaveCount(3);
  for (const label of ['收件', '材料核验', '受理']) {
    await expect(cp.locators.event(label).first()).toContainText('张敏（窗口工作人员）');
    await expect(cp.locators.event(label).first()).toContainText('2026-03-11 10:30');
  }
  await expect(cp.locators.clocks).toContainText('承诺办结期限');
  await expect(cp.locators.clocks).toContainText('法定办结期限');
  await expect(cp.locators.continueIntake).toHaveCount(0);
  // extension is the chief's act (Art. 42: the agency head approves): not offered to a clerk
  await expect(cp.locators.extendButton).toHaveCount(0);

  await terminal.setClock('2026-03-12T14:00:00+08:00');
  await cp.startPause({
    procedure: '检验',
    days: 7,
    noticeRef: '市监特告〔2026〕3号',
    filingRef: '中心备〔2026〕11号',
  });
  await expect(cp.locators.event('启动特别程序')).toContainText('检验，预计 7 个工作日');
  await expect(cp.locators.event('启动特别程序')).toContainText('2026-03-12 14:00');
  await expect(cp.locators.clocks).toContainText('计时暂停');
  await expect(cp.locators.pauseButton).toHaveCount(0);
  await expect(cp.locators.resumeButton).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/artifacts/case-page.png', fullPage: true });

  await cp.locators.back.click();
  await expect(list.locators.countdown(d.caseNumber)).toHaveAttribute('data-level', 'paused');
  await expect(list.locators.row(d.caseNumber)).toContainText('计时暂停');
  await expect(list.locators.row(d.caseNumber)).toContainText('检验');
  await expect(list.locators.row(d.caseNumber)).toContainText('自 2026-03-12 14:00');

  await list.openCase(d.caseNumber);
  await terminal.setClock('2026-03-16T09:00:00+08:00');
  await cp.resume();
  await expect(cp.locators.event('特别程序结束')).toContainText('2026-03-16 09:00');
  await expect(cp.locators.clocks).not.toContainText('计时暂停');
  await expect(cp.locators.pauseButton).toBeVisible();

  // the pause notice prints from its history entry
  await cp.printNoticeOf('启动特别程序');
  await expect(page.getByTestId('a4-document')).toContainText('特别程序告知书');
  await expect(page.getByTestId('a4-document')).toContainText('市监特告〔2026〕3号');
  await page
    .getByRole('toolbar')
    .getByRole('button', { name: /返\s*回/ })
    .click();
  await expect(cp.locators.caseNumber).toHaveText(d.caseNumber);
});

test("main's refusal is shown in its rule's words; the chief extends the limit", async ({
  page,
}) => {
  const api = await apiAs(terminal, clerk);
  const f = await api.acceptedCase('SJ-002', personApplicant(9));
  const r = await api.receive('SJ-001', personApplicant(10));

  await signIn(page, chief);
  await myCases(page).openCase(r.caseNumber);
  const cp = casePage(page);
  // still at intake: the link back to the intake screen, no pause or extension yet
  await expect(cp.locators.continueIntake).toBeVisible();
  await expect(cp.locators.pauseButton).toHaveCount(0);

  await page.goBack();
  await myCases(page).openCase(f.caseNumber);
  await expect(cp.locators.extendButton).toBeVisible();
  // a colleague pauses the case at another PC while this page is open
  await api.record(f.caseId, 'paused', {
    procedure: 'hearing',
    expectedWorkingDays: 5,
    applicantNoticeRef: '告〔2026〕1号',
    centerFilingRef: '备〔2026〕1号',
  });
  await cp.startPause({
    procedure: '听证',
    days: 5,
    noticeRef: '告〔2026〕2号',
    filingRef: '备〔2026〕2号',
  });
  await expect(cp.locators.pauseDialog.getByRole('alert')).toContainText('已有进行中的特别程序');
  // the rule travels with the refusal, never as text on the screen (issue 16 point 6)
  await expect(cp.locators.pauseDialog.getByRole('alert')).toHaveAttribute(
    'data-rule',
    'pause.alreadyPaused',
  );
  await expect(cp.locators.pauseDialog.getByRole('alert')).not.toContainText('pause.');
  await cp.locators.pauseDialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(cp.locators.resumeButton).toBeVisible();

  await cp.requestExtension({
    days: 3,
    approver: '刘局长',
    reason: '需要现场核查经营场所',
    noticeRef: '市监延告〔2026〕2号',
  });
  await expect(cp.locators.event('延期')).toContainText('延长 3 个工作日，刘局长 批准');
  await expect(cp.locators.event('延期')).toContainText('李建国（首席代表）');
  await expect(cp.locators.clocks).toContainText('13 个工作日');
  await expect(cp.locators.extendButton).toHaveCount(0);
});
