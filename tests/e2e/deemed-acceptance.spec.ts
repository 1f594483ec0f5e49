import { expect, test } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { casePage, myCases } from './pages/cases';
import { apiAs } from './pages/documents';
import { signInAt } from './pages/login';
import { decisionDesk, reviewQueue } from './pages/review';

// Issue 16 part P, Art. 32(4): received Monday 2 March 2026 and left without a one-time notice,
// the case is accepted by law on the day of receipt once the five working days end (Monday 9
// March, 24:00). On the sixth working day it is on the chief's desk, decidable, with 2 March as
// its acceptance date, and the window is told to print the acceptance notice.
const monday = '2026-03-02T09:00:00+08:00';
const shots = 'tests/e2e/artifacts';

let terminal: WebTerminal;
test.beforeEach(async () => {
  terminal = await startWebTerminal(['--now', monday, '--clock-control']);
});
test.afterEach(() => terminal.stop());
test.use({ viewport: { width: 1366, height: 768 } });

test('a case nobody accepted reaches the chief’s desk on the sixth working day and is decided there', async ({
  page,
}) => {
  const chief = terminal.accounts.find((a) => a.role === 'chief')!;
  const api = await apiAs(terminal, chief);
  const c = await api.receive('SJ-002', personApplicant(31));
  await terminal.setClock('2026-03-10T09:00:00+08:00');

  await signInAt(page, terminal.url, chief);
  const queue = reviewQueue(page);
  await queue.open();
  const row = queue.locators.row(c.caseNumber);
  await expect(row).toHaveAttribute('data-step', 'decide');
  await expect(row).toContainText('已受理');
  await expect(row.getByTestId('queue-deemed')).toHaveText('视为受理 2026-03-02');
  await page.screenshot({ path: `${shots}/deemed-acceptance-desk-1366.png` });

  await queue.openCase(c.caseNumber);
  const cp = casePage(page);
  await expect(cp.locators.status).toHaveText('已受理');
  await expect(page.getByTestId('case-deemed')).toHaveText('视为受理');
  await expect(page.getByTestId('case-accepted-at')).toHaveText('2026-03-02（视为受理）');
  await expect(page.getByTestId('acceptance-notice-owed')).toContainText(
    '依法视为于 2026-03-02 受理',
  );
  await page.screenshot({ path: `${shots}/deemed-acceptance-case-1366.png` });

  const desk = decisionDesk(page);
  await desk.approve({ validUntil: '2031-03-01' });
  await expect(desk.locators.decideDialog).toBeHidden();
  await expect(cp.locators.status).toHaveText('已决定');
  // still owed: the window's list says so until the notice is issued
  await myCases(page).open();
  await expect(
    myCases(page).locators.row(c.caseNumber).getByTestId('case-notice-owed-tag'),
  ).toHaveText('待打印受理通知书');
  await page.screenshot({ path: `${shots}/deemed-acceptance-my-cases-1366.png` });

  await myCases(page).openCase(c.caseNumber);
  await page.getByTestId('issue-acceptance-notice').click();
  await page.getByTestId('confirm-accept').click();
  // the notice opens to print, in the law's words for an acceptance it made
  const sheet = page.getByTestId('a4-document');
  await expect(sheet).toContainText('受理通知书');
  await expect(sheet).toContainText('自收到申请材料之日起即为受理');
  const events = await api.caseEvents(c.caseId);
  expect(events.map((e) => e.type)).toEqual(['received', 'decided', 'accepted']);
  const notice = await api.document(c.caseId, events[2]!.id);
  expect(notice).toMatchObject({ kind: 'acceptance', deemedAcceptedOn: '2026-03-02' });
  // back on the case, the completeness clock ended on the law's day, not on the notice's
  await page.goto(`${terminal.url}/#/case/${c.caseId}`);
  const completeness = casePage(page).locators.clocks.locator('tr[data-row-key="completeness"]');
  await expect(completeness).toContainText('2026-03-02（视为受理）');
  await expect(completeness).not.toContainText(/已受理 \d/);
});
