import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Role } from '../../shared/case';
import { enrollThroughSettings } from '../e2e/pages/sync';
import { adminAccount, startCenter, type CenterProcess } from './center';
import { centerAdmin, type CenterAdmin } from './center-admin';
import { startWebTerminal, type DemoAccount, type WebTerminal } from './web-terminal';

// A hall for the specs that need several windows: a center with the windows and staff given,
// and PCs of those windows — each a web-mode terminal enrolled on its settings page and a
// browser context at the hall's screen size.

export type HallWindow = { code: string; name: string; departmentCode: string };
export type HallStaff = { username: string; name: string; role: Role; window: string | null };
export type Pc = { terminal: WebTerminal; context: BrowserContext; page: Page };

export type Hall = {
  center: CenterProcess;
  dataDir: string;
  windowIds: ReadonlyMap<string, string>;
  /** the center's first manager, signed in over its API */
  admin(): Promise<CenterAdmin>;
  pcAt(browser: Browser, windowCode: string): Promise<Pc>;
  stop(): Promise<void>;
};

export const hallStaffPassword = 'window-pass-1';
export const staffAccount = (s: HallStaff): DemoAccount => ({ ...s, password: hallStaffPassword });

export async function startHall(
  windows: readonly HallWindow[],
  staff: readonly HallStaff[],
  opts: { now?: string; terminalArgs?: readonly string[] } = {},
): Promise<Hall> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-center-'));
  const center = await startCenter({ dataDir, ...(opts.now ? { now: opts.now } : {}) });
  const admin = () => centerAdmin(center.url, adminAccount(dataDir));
  const a = await admin();
  const windowIds = new Map<string, string>();
  for (const w of windows) windowIds.set(w.code, await a.createWindow(w));
  for (const s of staff) {
    await a.createStaff({
      username: s.username,
      name: s.name,
      role: s.role,
      windowId: s.window === null ? null : windowIds.get(s.window)!,
      password: hallStaffPassword,
    });
  }
  const pcs: Pc[] = [];
  return {
    center,
    dataDir,
    windowIds,
    admin,
    async pcAt(browser, windowCode) {
      const terminal = await startWebTerminal([...(opts.terminalArgs ?? [])]);
      const context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport: { width: 1366, height: 768 },
      });
      const pc = { terminal, context, page: await context.newPage() };
      pcs.push(pc);
      const code = await (await admin()).enrollmentCode(windowIds.get(windowCode)!);
      await enrollThroughSettings(pc.page, terminal, center.url, code);
      return pc;
    },
    async stop() {
      for (const pc of pcs) {
        await pc.context.close();
        await pc.terminal.stop();
      }
      if (!center.exited()) await center.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
