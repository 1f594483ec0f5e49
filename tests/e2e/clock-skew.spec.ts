import { expect, test, type BrowserContext } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import {
  hallAccount,
  startHallCenter,
  type HallCenter,
  type HallMember,
} from '../support/hall-center';
import { apiPost, startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { casePage, myCases } from './pages/cases';
import { apiAs } from './pages/documents';
import { intakePage } from './pages/intake';
import { loginPage } from './pages/login';
import { enrollThroughSettings, signedIn, syncNow } from './pages/sync';

// Time you can trust (issue 13 point 4): the window's PC and the center agree at 10:00; someone
// moves the PC's clock ten minutes ahead. The next sync measures it, the banner stops the legal
// steps at the top of every page, and 受理 is refused with the rule's sentence.

const staff = {
  clerk: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' },
  manager: { username: 'manager-center', name: '周建国', role: 'manager' },
} as const satisfies Record<string, HallMember>;

const centerNow = '2026-03-10T10:00:00+08:00';

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;
let context: BrowserContext | undefined;

test.beforeAll(async () => {
  hall = await startHallCenter(centerNow, Object.values(staff));
});

test.afterAll(async () => {
  await context?.close();
  await terminal?.stop();
  await hall?.stop();
});

test('a PC ten minutes ahead shows the blocking banner and cannot accept a case', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  terminal = await startWebTerminal(['--now', centerNow, '--clock-control']);
  context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const t = terminal;

  await test.step('the terminal joins the center at SJ01 with the right time', async () => {
    await enrollThroughSettings(page, t, hall!.center.url, await hall!.enrollmentCode());
  });

  const received =
    await test.step('the clerk receives a case and checks its materials', async () => {
      const token = await signedIn(t, hallAccount(staff.clerk));
      const clerk = await apiAs(t, hallAccount(staff.clerk));
      const item = await clerk.item('SJ-002');
      const c = await clerk.receive('SJ-002', personApplicant(61));
      await clerk.record(c.caseId, 'materialsChecked', {
        materials: item.materials.map((m) => ({ materialId: m.id, status: 'received' })),
      });
      expect(await syncNow(t, token)).toMatchObject({ pending: 0, lastError: null });
      return { ...c, token };
    });

  await test.step('the PC clock moves 10 minutes ahead; the next sync measures it', async () => {
    await t.setClock('2026-03-10T10:10:00+08:00');
    const status = await apiPost<{ clock: { state: string; offsetMs: number } }>(
      t,
      'sync.now',
      {},
      received.token,
    );
    expect(status.clock).toMatchObject({ state: 'skewed', offsetMs: 600_000 });
  });

  const banner = page.getByTestId('clock-banner');
  await test.step('the banner stands at the top of the page', async () => {
    await loginPage(page).signIn(staff.clerk.username, hallAccount(staff.clerk).password);
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('data-state', 'skewed');
    await expect(banner).toContainText('本机时钟不准：法定环节已暂停');
    await expect(banner).toContainText('快 10 分 0 秒');
  });

  await test.step('受理 is refused with the rule', async () => {
    const cases = myCases(page);
    await cases.open();
    await cases.openCase(received.caseNumber);
    await casePage(page).locators.continueIntake.click();
    const intake = intakePage(page);
    await intake.locators.accept.click();
    await intake.locators.confirmAccept.click();
    await expect(intake.locators.apiError).toContainText(
      '本机时钟与中心时间相差超过 5 分钟，不能办理受理',
    );
    await expect(intake.locators.acceptedCard).toHaveCount(0);
    // the confirmation stays open on a refusal; the clerk closes it and reads the page
    await page
      .getByRole('dialog', { name: '受理申请' })
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await expect(page.getByRole('dialog', { name: '受理申请' })).toBeHidden();
    // the enrollment toast stays 8 s (SettingsPage): the screenshot waits for it to go
    await expect(page.getByText('注册成功：请使用中心下发的账号重新登录')).toBeHidden({
      timeout: 20_000,
    });
    await expect(banner).toBeVisible();
    await page.screenshot({ path: 'tests/e2e/artifacts/clock-skew.png', animations: 'disabled' });
  });
});
