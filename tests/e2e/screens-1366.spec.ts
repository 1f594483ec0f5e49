import { mkdirSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import {
  hallAccount,
  hallPassword,
  startHallCenter,
  type HallCenter,
  type HallMember,
} from '../support/hall-center';
import { apiPost, startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { apiAs } from './pages/documents';
import { loginPage } from './pages/login';
import { DataWords, screenFaults, settled } from './pages/screens';
import { enrollThroughSettings, signedIn, syncNow } from './pages/sync';

// Issue 16 points 5-6, Done-when 3: every page of the clerk, chief, manager and supervisor — each
// menu entry and tab, the case page, the notice, deny and seal dialogs, the alert drawer and the
// case it opens — at 1366×768 in Chinese and in English, each saved as
// tests/e2e/artifacts/screens/<role>-<page>-<locale>.png. The walk fails on a page that scrolls
// sideways, an element sticking out of the window, an internal id or UUID in the visible text,
// or (in English) Chinese that is not data (pages/screens.ts says what counts as data).
//
// The hall's day: cases received, awaiting supplement, accepted, decided and sealed on Monday
// 2 March; on Tuesday 10 March the center's supervision has red cards for the broken promises, and
// a public complaint is open against the window.

const staff = {
  clerk: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk' },
  chief: { username: 'chief-sj01', name: '周建国', role: 'chief' },
  manager: { username: 'manager-c', name: '孙立华', role: 'manager' },
  supervisor: { username: 'supervisor-sj', name: '韩立新', role: 'supervisor' },
} as const satisfies Record<string, HallMember>;
type RoleKey = keyof typeof staff;
type Locale = 'zh-CN' | 'en';

const sealPin = '270415';
const artifacts = 'tests/e2e/artifacts/screens';
const viewport = { width: 1366, height: 768 };

// a click that cannot happen fails in seconds, not at the test's end (behind the idle lock)
test.use({ actionTimeout: 20_000 });

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;

test.beforeAll(async () => {
  hall = await startHallCenter('2026-03-02T09:00:00+08:00', Object.values(staff));
});

test.afterAll(async () => {
  await terminal?.stop();
  await hall?.stop();
});

type Seeded = {
  received: string;
  accepted: string;
  decided: string;
  stamped: string;
};

/** The day's cases through the terminal's API, as the windows would have made them. */
async function seed(t: WebTerminal): Promise<Seeded> {
  const clerk = await apiAs(t, hallAccount(staff.clerk));
  const chief = await apiAs(t, hallAccount(staff.chief));
  const received = await clerk.receive('SJ-001', personApplicant(41));
  await clerk.noticeCase(
    'SJ-002',
    personApplicant(43),
    { missing: 'm2', defective: 'm3', defect: '复印件不清晰，无法辨认' },
    '2026-03-13',
  );
  const accepted = await clerk.acceptedCase('SJ-001', personApplicant(44));
  const decided = await clerk.acceptedCase('SJ-001', personApplicant(45));
  await chief.record(decided.caseId, 'decided', {
    outcome: 'approve',
    granted: '准予个体工商户设立登记',
  });
  const stamped = await clerk.acceptedCase('SJ-001', personApplicant(46));
  await chief.record(stamped.caseId, 'decided', {
    outcome: 'approve',
    granted: '准予个体工商户设立登记',
  });
  // online, the PIN registers the seal at the center at once; else the password does
  if (!(await chief.setSealPin(sealPin)).registered)
    expect(await chief.registerSeal()).toMatchObject({ registered: true });
  await chief.stamp(stamped.caseId, sealPin);
  return {
    received: received.caseId,
    accepted: accepted.caseId,
    decided: decided.caseId,
    stamped: stamped.caseId,
  };
}

/**
 * Received today, materials checked, one missing: the clerk's next step is the one-time notice
 * (a case of 2 March is deemed accepted by now and can have none).
 */
async function noticeOwedCase(t: WebTerminal): Promise<string> {
  const clerk = await apiAs(t, hallAccount(staff.clerk));
  const item = await clerk.item('SJ-002');
  const c = await clerk.receive('SJ-002', personApplicant(42));
  await clerk.record(c.caseId, 'materialsChecked', {
    materials: item.materials.map((m) => ({
      materialId: m.id,
      status: m.id === 'm2' ? 'missing' : 'received',
    })),
  });
  return c.caseId;
}

/** The supervisor records a complaint at the center (the supervision page's own call). */
async function recordComplaint(t: WebTerminal, windowId: string) {
  const token = await signedIn(t, hallAccount(staff.supervisor));
  await apiPost(t, 'admin.center.signIn', { password: hallPassword }, token);
  await apiPost(
    t,
    'admin.complaints.create',
    {
      windowId,
      complainantName: '赵女士',
      complainantPhone: '13900139000',
      channel: '电话',
      content: '窗口人员让我来回跑了三趟',
    },
    token,
  );
}

const words = {
  'zh-CN': {
    issueNotice: /出具一次性告知书/,
    seal: /^盖\s*章$/,
    centerSignIn: /登录中心/,
  },
  en: { issueNotice: /Issue one-time notice/, seal: /^Sealed$/, centerSignIn: /Sign in/ },
} as const;

/** One browser per role and language: signed in, in that language, at 1366×768. */
async function openAs(browser: Browser, role: RoleKey, locale: Locale, data: DataWords) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport,
  });
  await context.addInitScript((l) => localStorage.setItem('locale', l), locale);
  const page = await context.newPage();
  data.watch(page);
  await page.goto(terminal!.url);
  await loginPage(page, locale).signIn(staff[role].username, hallPassword);
  await expect(page.getByTestId('shell-user')).toContainText(staff[role].name);
  return { page, close: () => context.close() };
}

/** The pages that need the center: the user's password again, once per session. */
async function centerSignIn(page: Page, locale: Locale) {
  const form = page.getByTestId('center-sign-in');
  await settled(page);
  if (await form.isVisible()) {
    await form.locator('input[type="password"]').fill(hallPassword);
    await form.getByRole('button', { name: words[locale].centerSignIn }).click();
    await expect(form).toBeHidden({ timeout: 20_000 });
  }
}

/** Shoots the screen as it stands and fails on what it shows wrongly. */
async function look(page: Page, name: string, locale: Locale, data: DataWords) {
  await settled(page);
  // toasts of the step before fade on their own; the screen is judged without them
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}/${name}-${locale === 'en' ? 'en' : 'zh'}.png` });
  expect(await screenFaults(page, locale, data), `${name} (${locale})`).toEqual([]);
}

/** What a page shows once its data is there, by the page's name in the hash. */
const loadedWhen: Readonly<Record<string, (page: Page) => Promise<void>>> = {
  cases: async (page) => {
    await expect(page.locator('[data-case-number]').first()).toBeVisible();
  },
  review: async (page) => {
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
  },
  supervision: async (page) => {
    await expect(page.getByTestId('alert-row').first()).toBeVisible({ timeout: 20_000 });
  },
  dashboard: async (page) => {
    await expect(page.getByTestId('attention-row').first()).toBeVisible({ timeout: 20_000 });
  },
};

/** Every entry of the role's menu, and every tab of each page. */
async function walkMenu(page: Page, role: RoleKey, locale: Locale, data: DataWords) {
  const entries = page.locator('.ant-layout-sider .ant-menu-item');
  const count = await entries.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) {
    await entries.nth(i).click();
    await expect(entries.nth(i)).toHaveClass(/ant-menu-item-selected/);
    const name = new URL(page.url()).hash.replace(/^#\/?/, '').split('/')[0] || 'home';
    await centerSignIn(page, locale);
    await loadedWhen[name]?.(page);
    await look(page, `${role}-${name}`, locale, data);
    const tabs = page.locator('.ant-layout-content .ant-tabs-nav .ant-tabs-tab');
    const tabCount = await tabs.count();
    for (let j = 1; j < tabCount; j++) {
      await tabs.nth(j).click();
      await expect(tabs.nth(j)).toHaveClass(/ant-tabs-tab-active/);
      const key = (await tabs.nth(j).getAttribute('data-node-key')) ?? String(j);
      await look(page, `${role}-${name}-${key}`, locale, data);
    }
  }
}

async function openCase(page: Page, caseId: string) {
  await page.evaluate((hash) => (location.hash = hash), `#/case/${caseId}`);
  await expect(page.getByTestId('case-history')).toBeVisible();
}

test('every page of the clerk, chief, manager and supervisor fits 1366×768 and shows no internal id, in Chinese and English', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  terminal = await startWebTerminal(['--now', '2026-03-02T09:00:00+08:00', '--clock-control']);
  const t = terminal;
  const data = new DataWords();

  const seeded =
    await test.step('the terminal joins the center; the day’s cases are made', async () => {
      const context = await browser.newContext({ viewport });
      await enrollThroughSettings(
        await context.newPage(),
        t,
        hall!.center.url,
        await hall!.enrollmentCode(),
      );
      await context.close();
      const clerk = await signedIn(t, hallAccount(staff.clerk));
      const cases = await seed(t);
      expect(await syncNow(t, clerk)).toMatchObject({ pending: 0, lastError: null });
      return cases;
    });

  const noticeOwed =
    await test.step('eight days on, the center has red cards and a complaint', async () => {
      await hall!.restartAt('2026-03-10T10:00:00+08:00');
      await t.setClock('2026-03-10T10:00:00+08:00');
      await recordComplaint(t, hall!.windowId);
      const caseId = await noticeOwedCase(t);
      const clerk = await signedIn(t, hallAccount(staff.clerk));
      // the window's copy of the supervision comes with the sync
      expect(await syncNow(t, clerk)).toMatchObject({ lastError: null });
      return caseId;
    });

  for (const locale of ['zh-CN', 'en'] as const) {
    await test.step(`the clerk's pages, the case and the notice dialog (${locale})`, async () => {
      const { page, close } = await openAs(browser, 'clerk', locale, data);
      await walkMenu(page, 'clerk', locale, data);
      await openCase(page, seeded.accepted);
      await look(page, 'clerk-case', locale, data);
      await page.evaluate((hash) => (location.hash = hash), `#/intake/${noticeOwed}`);
      await page.getByRole('button', { name: words[locale].issueNotice }).click();
      await expect(page.getByTestId('notice-preview')).toBeVisible();
      await look(page, 'clerk-notice-dialog', locale, data);
      await close();
    });

    await test.step(`the chief's pages, the deny and seal dialogs (${locale})`, async () => {
      const { page, close } = await openAs(browser, 'chief', locale, data);
      await walkMenu(page, 'chief', locale, data);
      await openCase(page, seeded.accepted);
      await look(page, 'chief-case', locale, data);
      await page.getByTestId('decide-button').click();
      const dialog = page.getByTestId('decide-dialog');
      await dialog.locator('label:has(input[value="deny"])').click();
      await expect(dialog.locator('input[value="deny"]')).toBeChecked();
      await look(page, 'chief-deny-dialog', locale, data);
      // the dialog's own button is on the screen, not below the fold
      await expect(dialog.locator('.ant-modal-footer .ant-btn-primary')).toBeInViewport();
      await page.keyboard.press('Escape');
      await expect(dialog.getByRole('dialog')).toBeHidden();
      await openCase(page, seeded.decided);
      await page.getByRole('button', { name: words[locale].seal }).click();
      await expect(page.getByTestId('seal-dialog').getByRole('dialog')).toBeVisible();
      await look(page, 'chief-seal-dialog', locale, data);
      await page.keyboard.press('Escape');
      await openCase(page, seeded.stamped);
      await look(page, 'chief-case-sealed', locale, data);
      await close();
    });

    await test.step(`the manager's pages and tabs (${locale})`, async () => {
      const { page, close } = await openAs(browser, 'manager', locale, data);
      await walkMenu(page, 'manager', locale, data);
      await close();
    });

    await test.step(`the supervisor's pages, the alert drawer and the case it opens (${locale})`, async () => {
      const { page, close } = await openAs(browser, 'supervisor', locale, data);
      await walkMenu(page, 'supervisor', locale, data);
      await page.locator('.ant-layout-sider .ant-menu-item').first().click();
      await centerSignIn(page, locale);
      const row = page.locator(`[data-testid="alert-row"][data-rule="clock.promised.red"]`);
      await row.first().click();
      const drawer = page.getByTestId('alert-drawer');
      await expect(drawer.getByTestId('alert-evidence-event').first()).toBeVisible();
      await look(page, 'supervisor-alert-drawer', locale, data);
      await drawer.getByTestId('alert-open-case').click();
      await expect(page.getByTestId('case-history')).toBeVisible();
      const marked = page.locator('[data-testid="history-event"][data-highlighted="true"]');
      await expect(marked).toHaveCount(1);
      await expect(marked).toBeInViewport();
      await look(page, 'supervisor-alert-case', locale, data);
      await close();
    });
  }
});
