import { expect, test, type BrowserContext } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import { startHall, staffAccount, type Hall } from '../support/hall-pcs';
import { bigScreen, kioskPage, queueBar, recordSpeech } from './pages/hall';
import { intakePage } from './pages/intake';
import { loginPage } from './pages/login';
import { centerConsole } from './pages/console';
import { dashboardPage } from './pages/dashboard';
import { adminAccount } from '../support/center';
import { signedIn, syncNow } from './pages/sync';
import { shanghaiDate, shanghaiIso } from '../../shared/calendar';
import type { QueueStats } from '../../shared/center-api';

// Issue 17, part 1 (Done-when): the applicant's visit through the hall's queue. A ticket from the
// kiosk shows on the big screen, the window calls it and the hall hears "请A001号到3号窗口办理",
// the clerk receives the case for it and finishes; a no-show is skipped only after a recall; a
// transfer lands in the other window's queue and is called there first.

const staff = {
  clerk1: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk', window: 'SJ01' },
  clerk2: { username: 'clerk-sj02', name: '陈雨桐', role: 'clerk', window: 'SJ02' },
} as const;

test.use({ actionTimeout: 20_000 });

let hall: Hall | undefined;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  hall = await startHall(
    [
      { code: 'SJ01', name: '市场监管一号窗', departmentCode: 'SJ' },
      { code: 'SJ02', name: '市场监管二号窗', departmentCode: 'SJ' },
    ],
    Object.values(staff),
  );
  const admin = await hall.admin();
  // the number painted over SJ01's counter, which the hall hears
  await admin.call('PUT', '/api/queue/windows/SJ01/counter', { counter: 3 });
});

test.afterAll(async () => {
  for (const c of contexts) await c.close();
  await hall?.stop();
});

test('a ticket from the kiosk is called, heard, received, finished; a no-show skipped; a transfer called at the other window', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const h = hall!;
  const screens = async (viewport: { width: number; height: number }) => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport,
    });
    contexts.push(context);
    return context.newPage();
  };

  const kioskTab = await screens({ width: 1080, height: 1600 });
  const kiosk = kioskPage(kioskTab);
  const numbers = await test.step('three applicants take tickets at the kiosk', async () => {
    await kiosk.open(h.center.url);
    await expect(kiosk.locators.line('市场监督管理局')).toContainText('等候 0 人');
    const first = await kiosk.take('市场监督管理局');
    await expect(kiosk.locators.ahead).toHaveText('0');
    await expect(kiosk.locators.qr).toBeVisible();
    await kioskTab.screenshot({ path: 'tests/e2e/artifacts/queue-kiosk-ticket.png' });
    await kioskTab.emulateMedia({ media: 'print' });
    await kioskTab.screenshot({ path: 'tests/e2e/artifacts/queue-kiosk-print.png' });
    await kioskTab.emulateMedia({ media: 'screen' });
    await kiosk.finish();
    const second = await kiosk.take('市场监督管理局');
    await expect(kiosk.locators.ahead).toHaveText('1');
    await kiosk.finish();
    const third = await kiosk.take('市场监督管理局');
    await expect(kiosk.locators.ahead).toHaveText('2');
    await kiosk.finish();
    await expect(kiosk.locators.line('市场监督管理局')).toContainText('等候 3 人');
    await kioskTab.screenshot({ path: 'tests/e2e/artifacts/queue-kiosk.png' });
    return [first, second, third];
  });
  expect(numbers).toEqual(['A001', 'A002', 'A003']);

  const screenTab = await screens({ width: 1920, height: 1080 });
  const speech = await recordSpeech(screenTab);
  const screen = bigScreen(screenTab);
  await test.step('the big screen is switched on, its voice too', async () => {
    await screen.open(h.center.url);
    await expect(screen.locators.window('SJ01')).toContainText('空闲');
    await screen.locators.voice.click();
    await expect(screen.locators.voice).toBeHidden();
  });

  const pc1 = await h.pcAt(browser, 'SJ01');
  const bar1 = queueBar(pc1.page);
  const intake = intakePage(pc1.page);
  await test.step('the clerk at SJ01 calls the next ticket', async () => {
    await loginPage(pc1.page).signIn(staff.clerk1.username, staffAccount(staff.clerk1).password);
    await intake.open();
    await expect(bar1.locators.waiting).toContainText('等候 3 人');
    await bar1.press('叫号');
    await expect(bar1.locators.current).toHaveText('A001');
    await expect(bar1.locators.intakeTicket).toContainText('A001');
  });

  await test.step('the big screen shows it and says it aloud, in Chinese', async () => {
    await expect(screen.locators.now).toHaveText('A001');
    await expect(screen.locators.window('SJ01')).toContainText('A001');
    await expect.poll(speech.said).toContainEqual({ text: '请A001号到3号窗口办理', lang: 'zh-CN' });
    await screenTab.screenshot({ path: 'tests/e2e/artifacts/queue-screen.png' });
  });

  await test.step("the window's own display says the same", async () => {
    const display = await screens({ width: 800, height: 300 });
    await display.goto(`${h.center.url}/hall/?window=SJ01`);
    await expect(display.getByTestId('display-text')).toHaveText('请A001号到3号窗口办理');
    await display.screenshot({ path: 'tests/e2e/artifacts/queue-window-display.png' });
  });

  const caseNumber =
    await test.step('the clerk receives the case for A001 and finishes', async () => {
      await intake.findItem('spjy', '食品经营许可');
      await intake.fillPerson(personApplicant(71));
      await pc1.page.screenshot({ path: 'tests/e2e/artifacts/queue-intake.png' });
      await intake.locators.receive.click();
      await expect(intake.locators.caseHeader).toBeVisible();
      const header = (await intake.locators.caseHeader.textContent()) ?? '';
      const number = /SJ-\d{8}-SJ01-T\d+-\d{4}/.exec(header)?.[0] ?? '';
      expect(number).not.toBe('');
      await bar1.press('办结');
      await expect(bar1.locators.current).toHaveCount(0);
      return number;
    });

  await test.step('once the PC has synced, the wait is counted under the case’s item', async () => {
    const token = await signedIn(pc1.terminal, staffAccount(staff.clerk1));
    expect(await syncNow(pc1.terminal, token)).toMatchObject({ pending: 0, lastError: null });
    const today = shanghaiDate(shanghaiIso(new Date()));
    const stats = await (
      await h.admin()
    ).call<QueueStats>('GET', `/api/reports/queue?from=${today}&to=${today}`);
    expect(stats.items).toEqual([
      expect.objectContaining({ name: '食品经营许可', taken: 1, served: 1 }),
    ]);
    expect(stats.total).toMatchObject({ taken: 3, served: 1 });
    expect(caseNumber).toMatch(/^SJ-/);
  });

  await test.step('A002 does not come: recalled once, then skipped', async () => {
    await bar1.press('叫号');
    await expect(bar1.locators.current).toHaveText('A002');
    await expect(bar1.locators.button('过号')).toBeDisabled();
    await bar1.press('重呼');
    await expect
      .poll(async () => (await speech.said()).filter((s) => s.text.includes('A002')).length)
      .toBe(4);
    await expect(bar1.locators.button('过号')).toBeEnabled();
    await bar1.press('过号');
    await expect(bar1.locators.current).toHaveCount(0);
  });

  await test.step('A003 belongs at SJ02: transferred with a note', async () => {
    await bar1.press('叫号');
    await expect(bar1.locators.current).toHaveText('A003');
    await bar1.transfer('市场监管二号窗', '应由二号窗办理');
    await expect(bar1.locators.current).toHaveCount(0);
    await expect(bar1.locators.waiting).toContainText('等候 0 人');
    await pc1.page.screenshot({ path: 'tests/e2e/artifacts/queue-bar.png' });
  });

  await test.step('SJ02 finds it first in its queue and calls it', async () => {
    const pc2 = await h.pcAt(browser, 'SJ02');
    await loginPage(pc2.page).signIn(staff.clerk2.username, staffAccount(staff.clerk2).password);
    const bar2 = queueBar(pc2.page);
    await intakePage(pc2.page).open();
    await expect(bar2.locators.waiting).toContainText('下一位：A003');
    await bar2.press('叫号');
    await expect(bar2.locators.current).toHaveText('A003');
    await expect(bar2.locators.bar).toContainText('应由二号窗办理');
    await expect(screen.locators.now).toHaveText('A003');
    await expect
      .poll(speech.said)
      .toContainEqual({ text: '请A003号到市场监管二号窗办理', lang: 'zh-CN' });
  });

  await test.step('the manager sees the day’s waits at the console’s dashboard', async () => {
    const page = await screens({ width: 1366, height: 768 });
    const console_ = centerConsole(page, h.center.url);
    await console_.signIn(adminAccount(h.dataDir));
    await dashboardPage(page).open();
    const panel = page.getByTestId('queue-panel');
    await expect(panel.getByTestId('queue-totals')).toContainText('取号3');
    await expect(panel.getByTestId('queue-windows')).toContainText('市场监管一号窗');
    await expect(panel.getByTestId('queue-items')).toContainText('食品经营许可');
    await expect(panel.getByTestId('queue-hours')).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'tests/e2e/artifacts/queue-dashboard.png', fullPage: true });
  });

  await test.step('without the center the window says so and still receives a walk-in', async () => {
    await h.center.stop();
    // the panel asks the center again when the intake page opens
    await pc1.page.getByRole('menuitem', { name: '我的办件' }).click();
    await intake.open();
    await expect(bar1.locators.failure).toContainText('可直接受理未取号的群众');
    await expect(bar1.locators.intakeTicket).toHaveCount(0);
    await intake.findItem('spjy', '食品经营许可');
    await intake.fillPerson(personApplicant(72));
    await intake.locators.receive.click();
    await expect(intake.locators.caseHeader).toBeVisible();
    await pc1.page.screenshot({ path: 'tests/e2e/artifacts/queue-offline.png' });
  });
});
