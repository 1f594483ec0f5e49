import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { personApplicant } from '../support/applicants';
import { adminAccount, startCenter, type CenterProcess } from '../support/center';
import { centerAdmin } from '../support/center-admin';
import { centerLink, type CenterLink } from '../support/center-link';
import {
  apiPost,
  startWebTerminal,
  type DemoAccount,
  type WebTerminal,
} from '../support/web-terminal';
import { casePage, myCases } from './pages/cases';
import { apiAs } from './pages/documents';
import { loginPage, shell } from './pages/login';
import {
  conflicts,
  enrollThroughSettings,
  settingsPage,
  signedIn,
  syncIndicator,
  syncNow,
} from './pages/sync';

// Two PCs of the market-supervision department decide the same case while neither reaches the
// center. The center takes the decision that arrives first; the other PC's decision and seal come
// back "not admitted", and both windows see it on the case and in the header.

const password = 'window-pass-1';
const staff = {
  clerkSj01: { username: 'clerk-sj01', name: '吴晓燕', role: 'clerk', window: 'SJ01' },
  chiefSj01: { username: 'chief-sj01', name: '郑国栋', role: 'chief', window: 'SJ01' },
  chiefSj02: { username: 'chief-sj02', name: '冯志远', role: 'chief', window: 'SJ02' },
} as const;
// the center's manager, who signs in at window PCs (the seeded admin is kept to the center)
const manager = { username: 'manager-c', name: '孙立华', role: 'manager' } as const;
const account = (s: (typeof staff)[keyof typeof staff] | typeof manager): DemoAccount => ({
  ...s,
  password,
});

type Pc = { terminal: WebTerminal; link: CenterLink; context: BrowserContext; page: Page };

let centerDir: string;
let center: CenterProcess | undefined;
const windowIds = new Map<string, string>();
const pcs: Partial<Record<'A' | 'B', Pc>> = {};

test.beforeAll(async () => {
  centerDir = mkdtempSync(join(tmpdir(), 'onewindow-center-'));
  center = await startCenter({ dataDir: centerDir });
  const admin = await centerAdmin(center.url, adminAccount(centerDir));
  for (const w of [
    { code: 'SJ01', name: '市场监管一号窗' },
    { code: 'SJ02', name: '市场监管二号窗' },
  ]) {
    windowIds.set(w.code, await admin.createWindow({ ...w, departmentCode: 'SJ' }));
  }
  for (const s of Object.values(staff)) {
    await admin.createStaff({
      username: s.username,
      name: s.name,
      role: s.role,
      windowId: windowIds.get(s.window)!,
      password,
    });
  }
  await admin.createStaff({ ...manager, windowId: null, password });
});

test.afterAll(async () => {
  for (const pc of [pcs.A, pcs.B]) {
    await pc?.context.close();
    await pc?.terminal.stop();
    await pc?.link.close();
  }
  await center?.stop();
  if (centerDir) rmSync(centerDir, { recursive: true, force: true });
});

/** A fresh PC: its terminal in web mode, a cable to the center, a browser at its address. */
async function newPc(browser: Browser, name: 'A' | 'B'): Promise<Pc> {
  const terminal = await startWebTerminal();
  const link = await centerLink(center!.url);
  const context = await browser.newContext({
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  const pc = { terminal, link, context, page: await context.newPage() };
  pcs[name] = pc;
  return pc;
}

/** The demo manager joins the PC to the center on the settings page, with a fresh code. */
async function enrollAt(pc: Pc, windowCode: string) {
  const code = await (
    await centerAdmin(center!.url, adminAccount(centerDir))
  ).enrollmentCode(windowIds.get(windowCode)!);
  await enrollThroughSettings(pc.page, pc.terminal, pc.link.url, code);
}

type CaseEvent = {
  type: string;
  actor: { name: string };
  syncState: string;
  syncNote: { rule: string; message: string } | null;
};
const getCase = (t: WebTerminal, token: string, caseId: string) =>
  apiPost<{ state: { status: string }; events: CaseEvent[] }>(t, 'cases.get', { caseId }, token);

test('two chiefs decide one case offline: the first decision at the center stands, both windows see the other as a conflict', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [a, b] = await Promise.all([newPc(browser, 'A'), newPc(browser, 'B')]);

  await test.step('the manager enrolls PC A at SJ01 and PC B at SJ02 on the settings page', async () => {
    await enrollAt(a, 'SJ01');
    await enrollAt(b, 'SJ02');
  });

  // the first sync brings the center's staff; the center's manager sees what A is enrolled as
  const clerkA = await signedIn(a.terminal, account(staff.clerkSj01));
  const chiefA = await signedIn(a.terminal, account(staff.chiefSj01));
  const chiefB = await signedIn(b.terminal, account(staff.chiefSj02));
  await signedIn(a.terminal, account(manager));
  await loginPage(a.page).signIn(manager.username, password);
  await settingsPage(a.page).open();
  await expect(settingsPage(a.page).locators.enrolled).toContainText('市场监管一号窗');
  await expect(settingsPage(a.page).locators.enrolled).toContainText(a.link.url);
  await expect(syncIndicator(a.page).locators.status).toContainText('已连接');
  await shell(a.page).logout.click();

  const received = await test.step('A receives and accepts a case; both PCs hold it', async () => {
    const c = await (
      await apiAs(a.terminal, account(staff.clerkSj01))
    ).acceptedCase('SJ-001', personApplicant(21));
    expect(await syncNow(a.terminal, clerkA)).toMatchObject({ pending: 0, lastError: null });
    await syncNow(b.terminal, chiefB);
    expect((await getCase(b.terminal, chiefB, c.caseId)).state.status).toBe('accepted');
    return c;
  });

  await test.step('offline, each chief approves and stamps the case', async () => {
    a.link.cut();
    b.link.cut();
    for (const [pc, chief] of [
      [a, staff.chiefSj01],
      [b, staff.chiefSj02],
    ] as const) {
      const api = await apiAs(pc.terminal, account(chief));
      await api.record(received.caseId, 'decided', {
        outcome: 'approve',
        granted: `准予个体工商户设立登记（${chief.name}）`,
      });
      // the center's chiefs set their seal PIN at the PC that holds the seal
      await api.setSealPin('270415');
      await api.stamp(received.caseId, '270415');
    }
  });

  await test.step('A syncs first, then B, then A again', async () => {
    a.link.restore();
    // each chief set the PIN offline: the password registers the seal key, then the stamp goes up
    const registered = { registered: true, registrationError: null };
    expect(await (await apiAs(a.terminal, account(staff.chiefSj01))).registerSeal()).toEqual(
      registered,
    );
    expect(await syncNow(a.terminal, chiefA)).toMatchObject({
      pending: 0,
      conflicts: 0,
      lastError: null,
    });
    b.link.restore();
    expect(await (await apiAs(b.terminal, account(staff.chiefSj02))).registerSeal()).toEqual(
      registered,
    );
    expect(await syncNow(b.terminal, chiefB)).toMatchObject({ pending: 0, conflicts: 2 });
    expect(await syncNow(a.terminal, chiefA)).toMatchObject({ pending: 0, conflicts: 2 });
    // A's decision stands everywhere; B's decision and seal came back not admitted
    for (const [t, token] of [
      [a.terminal, chiefA],
      [b.terminal, chiefB],
    ] as const) {
      const { state, events } = await getCase(t, token, received.caseId);
      expect(state.status).toBe('stamped');
      const byB = events.filter((e) => e.actor.name === staff.chiefSj02.name);
      expect(byB.map((e) => [e.type, e.syncState])).toEqual([
        ['decided', 'conflicted'],
        ['stamped', 'conflicted'],
      ]);
      expect(byB[0]!.syncNote?.rule).toBe('decision.final');
      const byA = events.filter((e) => e.actor.name === staff.chiefSj01.name);
      expect(byA.map((e) => e.syncState)).toEqual(['acknowledged', 'acknowledged']);
    }
  });

  await test.step("A's chief opens the case: the banner names B's decision", async () => {
    const page = a.page;
    await loginPage(page).signIn(staff.chiefSj01.username, password);
    await expect(syncIndicator(page).locators.conflicts).toHaveText('冲突 2');
    await myCases(page).open();
    await expect(conflicts(page).tag(received.caseNumber)).toBeVisible();
    await myCases(page).openCase(received.caseNumber);
    await expectConflictShown(page, received.caseNumber);
    await page.screenshot({ path: 'tests/e2e/artifacts/sync-conflict-a.png', fullPage: true });
  });

  await test.step("B's chief opens the case: the same banner", async () => {
    const page = b.page;
    await loginPage(page).signIn(staff.chiefSj02.username, password);
    await expect(syncIndicator(page).locators.conflicts).toHaveText('冲突 2');
    // the header's conflict count leads to the case (SJ01's, on B's department list too)
    await conflicts(page).openList();
    await expect(conflicts(page).row(received.caseNumber)).toHaveCount(2);
    await page.screenshot({ path: 'tests/e2e/artifacts/sync-conflicts-list-b.png' });
    await conflicts(page).row(received.caseNumber).first().click();
    await expectConflictShown(page, received.caseNumber);
    await page.screenshot({ path: 'tests/e2e/artifacts/sync-conflict-b.png', fullPage: true });
  });
});

async function expectConflictShown(page: Page, caseNumber: string) {
  const cp = casePage(page);
  await expect(cp.locators.caseNumber).toHaveText(caseNumber);
  await expect(cp.locators.status).toHaveText('已盖章');
  const banner = conflicts(page).banner;
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('此案件存在同步冲突');
  await expect(banner).toContainText(`${staff.chiefSj02.name} 于`);
  // the rule's sentence, never its id (issue 16 point 6)
  await expect(banner).toContainText('的“作出决定”未被中心采纳（决定已盖章生效');
  await expect(banner).not.toContainText('decision.final');
  await expect(banner).toContainText('的“盖章”未被中心采纳');
  await expect(banner).toContainText('中心以先到的操作为准');
  // the history keeps both decisions; only B's is marked
  await expect(cp.locators.event('作出决定')).toHaveCount(2);
  await expect(
    cp.locators.event('作出决定').filter({ hasText: staff.chiefSj02.name }),
  ).toContainText('未被中心采纳');
  await expect(
    cp.locators.event('作出决定').filter({ hasText: staff.chiefSj01.name }),
  ).not.toContainText('未被中心采纳');
}
