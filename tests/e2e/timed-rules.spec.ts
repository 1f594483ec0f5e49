import { expect, test, type Page } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import { startWebTerminal, type DemoAccount, type WebTerminal } from '../support/web-terminal';
import { casePage, myCases } from './pages/cases';
import { apiAs } from './pages/documents';
import { intakePage } from './pages/intake';
import { signInAt } from './pages/login';
import { reviewQueue } from './pages/review';

// Issue 13 point 5, what the chief sees: the timed rules refuse on the business clock (the web
// terminal's --clock-control moves it), and a special procedure past its notice is flagged.
// Monday 2 March 2026: completeness ends Monday 9 March; SJ-002's statutory 10 working days,
// from an acceptance that morning, end Monday 16 March.
const monday = '2026-03-02T09:00:00+08:00';
const shots = 'tests/e2e/artifacts';

let terminal: WebTerminal;
let chief: DemoAccount;
// a terminal of its own per story: each moves the business clock
test.beforeEach(async () => {
  terminal = await startWebTerminal(['--now', monday, '--clock-control']);
  chief = terminal.accounts.find((a) => a.role === 'chief')!;
});
test.afterEach(() => terminal.stop());

const signIn = (page: Page) => signInAt(page, terminal.url, chief);

test('an extension after the statutory limit is refused with its rule; the case stays red', async ({
  page,
}) => {
  const api = await apiAs(terminal, chief);
  const c = await api.acceptedCase('SJ-002', personApplicant(21));
  await terminal.setClock('2026-03-17T09:00:00+08:00');

  await signIn(page);
  await myCases(page).openCase(c.caseNumber);
  const cp = casePage(page);
  await expect(cp.locators.clocks).toContainText('法定办结期限');
  await cp.requestExtension({
    days: 5,
    approver: '刘局长',
    reason: '需要现场核查经营场所',
    noticeRef: '市监延告〔2026〕5号',
  });
  const refusal = cp.locators.extendDialog.getByRole('alert');
  await expect(refusal).toContainText('法定办结期限已届满，不能再延期');
  await expect(refusal).toContainText('2026-03-16 届满');
  // the rule is named for a program (data-rule), never shown as an id (issue 16)
  await expect(refusal).toHaveAttribute('data-rule', 'extension.afterExpiry');
  await expect(refusal).not.toContainText('extension.afterExpiry');
  // the viewport: a modal's mask covers the window, not a full-page capture
  await page.screenshot({ path: `${shots}/timed-extension-refused.png` });
  await cp.locators.extendDialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(cp.locators.event('延期')).toHaveCount(0);
  await expect(cp.locators.clocks).toContainText('已超期');
});

test('a one-time notice confirmed after the 5 working days ran out is refused: deemed accepted', async ({
  page,
}) => {
  const api = await apiAs(terminal, chief);
  const item = await api.item('SJ-002');
  const c = await api.receive('SJ-002', personApplicant(22));
  const [missing, ...rest] = item.materials.filter((m) => m.required);
  await api.record(c.caseId, 'materialsChecked', {
    materials: [
      { materialId: missing!.id, status: 'missing' },
      ...rest.map((m) => ({ materialId: m.id, status: 'received' })),
    ],
  });
  // the last afternoon of the 5 working days: the notice is prepared in time …
  await terminal.setClock('2026-03-09T17:00:00+08:00');
  await signIn(page);
  await myCases(page).openCase(c.caseNumber);
  await casePage(page).locators.continueIntake.click();
  const intake = intakePage(page);
  await intake.issueNoticeFor();
  // … and confirmed the next morning: the law accepted the application on receipt overnight
  await terminal.setClock('2026-03-10T09:00:00+08:00');
  await intake.locators.confirmNotice.click();
  // the dialog closes on main's refusal and the page shows the case as time left it
  await expect(intake.locators.apiError).toContainText('依法视为受理');
  await expect(intake.locators.apiError).toContainText('视为于 2026-03-02 受理');
  await expect(intake.locators.apiError).toHaveAttribute('data-rule', 'intake.deemedAccepted');
  await expect(intake.locators.apiError).not.toContainText('intake.deemedAccepted');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('依法自收件之日起视为受理')).toBeVisible();
  await expect(intake.locators.issueNotice).toHaveCount(0);
  await page.screenshot({ path: `${shots}/timed-late-notice-refused.png`, fullPage: true });
  const events = await api.caseEvents(c.caseId);
  expect(events.map((e) => e.type)).toEqual(['received', 'materialsChecked']);
});

test('a special procedure past its announced working days warns the chief; resuming still works', async ({
  page,
}) => {
  const api = await apiAs(terminal, chief);
  const c = await api.acceptedCase('SJ-002', personApplicant(23));
  await terminal.setClock('2026-03-03T10:00:00+08:00');
  await api.record(c.caseId, 'paused', {
    procedure: 'inspection',
    expectedWorkingDays: 3,
    applicantNoticeRef: '市监特告〔2026〕7号',
    centerFilingRef: '中心备〔2026〕21号',
  });

  // Friday 6 March, the last announced day: no warning yet
  await terminal.setClock('2026-03-06T16:00:00+08:00');
  await signIn(page);
  await myCases(page).openCase(c.caseNumber);
  const cp = casePage(page);
  await expect(cp.locators.clocks).toContainText('计时暂停');
  await expect(page.getByTestId('pause-overrun')).toHaveCount(0);

  // Monday 9 March: still paused, past the 3 working days the applicant was told
  await terminal.setClock('2026-03-09T09:00:00+08:00');
  await cp.locators.back.click();
  await myCases(page).openCase(c.caseNumber);
  const warning = page.getByTestId('pause-overrun');
  await expect(warning).toContainText(
    '特别程序已超过告知的 3 个工作日：请向申请人出具新的书面告知，并报中心备案',
  );
  await expect(warning).toContainText('检验自 2026-03-03 10:00 起');
  await expect(warning).toContainText('市监特告〔2026〕7号');
  await expect(warning).toContainText('2026-03-06');
  await page.screenshot({ path: `${shots}/timed-pause-overrun.png`, fullPage: true });

  // the decision desk flags the case too, so the chief meets it without opening every case
  const desk = reviewQueue(page);
  await desk.open();
  await expect(desk.locators.pauseOverrun(c.caseNumber)).toHaveText('特别程序超期：须重新告知');
  await page.screenshot({ path: `${shots}/timed-pause-overrun-desk.png`, fullPage: true });
  await desk.openCase(c.caseNumber);

  await cp.resume();
  await expect(cp.locators.event('特别程序结束')).toContainText('2026-03-09 09:00');
  await expect(warning).toHaveCount(0);
});
