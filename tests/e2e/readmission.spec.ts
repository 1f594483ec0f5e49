import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import {
  hallAccount,
  startHallCenter,
  hallPassword,
  type HallCenter,
  type HallMember,
} from '../support/hall-center';
import { startWebTerminal, type WebTerminal } from '../support/web-terminal';
import { loginPage } from './pages/login';
import { enrollThroughSettings, settingsPage, signedIn, syncNow } from './pages/sync';

// Issue 15 point 1: the center's disk fails and last night's copy comes back — a copy taken
// before this PC was enrolled. The PC must say the center no longer knows it, that nothing is
// lost, and let the manager re-register it with a new code; its events then go up again.

const now = '2026-03-10T10:00:00+08:00';
const staff = {
  manager: { username: 'manager-center', name: '周建国', role: 'manager' },
  clerk: { username: 'clerk-sj01', name: '李明', role: 'clerk' },
} as const satisfies Record<string, HallMember>;

let hall: HallCenter | undefined;
let terminal: WebTerminal | undefined;

test.beforeAll(async () => {
  hall = await startHallCenter(now, Object.values(staff));
  terminal = await startWebTerminal(['--now', now]);
});

test.afterAll(async () => {
  await terminal?.stop();
  await hall?.stop();
});

function readmission(page: Page) {
  const box = page.getByTestId('readmission');
  return {
    box,
    code: page.getByTestId('readmit-form').getByLabel('新注册码'),
    submit: page.getByRole('button', { name: '重新注册' }),
  };
}

test.use({ viewport: { width: 1440, height: 900 } });

test('a PC enrolled after the center’s backup is re-registered with its events', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const t = terminal!;
  const h = hall!;
  const file = join(h.dataDir, 'center.sqlite');
  const backup = join(h.dataDir, 'nightly.sqlite');

  await test.step('the nightly copy, then the PC joins the center', async () => {
    const live = new Database(file, { readonly: true });
    await live.backup(backup);
    live.close();
    await enrollThroughSettings(page, t, h.center.url, await h.enrollmentCode());
  });
  const token = await signedIn(t, hallAccount(staff.manager));
  await syncNow(t, token);

  await test.step('the center comes back from the copy', async () => {
    await h.center.stop();
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
    copyFileSync(backup, file);
    await h.restartAt(now);
    const status = await syncNow(t, token);
    expect(status.lastError).toContain('中心不认识本终端');
  });

  await test.step('the settings page says what happened and offers 重新注册', async () => {
    await page.goto(t.url);
    await loginPage(page).signIn(staff.manager.username, hallPassword);
    await settingsPage(page).open();
    const ui = readmission(page);
    await expect(ui.box).toContainText('中心不认识本终端');
    await expect(ui.box).toContainText('不会丢失');
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 1366, height: 768 },
    ]) {
      await page.setViewportSize(viewport);
      await expect(ui.submit).toBeInViewport();
      await page.screenshot({
        path: `tests/e2e/artifacts/readmission-blocked-${viewport.width}.png`,
        animations: 'disabled',
      });
    }
  });

  await test.step('a manager types a new code: the PC is known again', async () => {
    const ui = readmission(page);
    await ui.code.fill(await h.enrollmentCode());
    await ui.submit.click();
    await expect(page.getByText(/已重新注册/)).toBeVisible();
    await expect(ui.box).toHaveCount(0);
    await expect(settingsPage(page).locators.enrolled).toBeVisible();
    const after = await syncNow(t, token);
    expect(after.lastError).toBeNull();
    expect(after.pending).toBe(0);
  });
});
