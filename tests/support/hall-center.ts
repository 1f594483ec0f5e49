import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../shared/case';
import { adminAccount, startCenter, type CenterProcess } from './center';
import { centerAdmin } from './center-admin';
import type { DemoAccount } from './web-terminal';

/** A member of the hall's staff as the specs name them; the password is the hall's one. */
export type HallMember = { username: string; name: string; role: Role };

export type HallCenter = {
  center: CenterProcess;
  dataDir: string;
  /** the window SJ01 (市场监管一号窗 of 市场监督管理局) the staff belong to */
  windowId: string;
  /** a one-time code enrolling a terminal at SJ01 */
  enrollmentCode(): Promise<string>;
  /**
   * The center process again, on the same port and data, with its clock fixed at `now`: days
   * pass for the center too (a terminal's clock may not run days apart from it, issue 13).
   */
  restartAt(now: string): Promise<void>;
  stop(): Promise<void>;
};

export const hallPassword = 'window-pass-1';

export const hallAccount = (s: HallMember): DemoAccount => ({ ...s, password: hallPassword });

/**
 * A center process at the fixed time `now` with the window SJ01 and `staff` — window staff at
 * SJ01, the supervisor (and manager) at the center — all with the hall's password.
 */
export async function startHallCenter(
  now: string,
  staff: readonly HallMember[],
): Promise<HallCenter> {
  const dataDir = mkdtempSync(join(tmpdir(), 'onewindow-center-'));
  const center = await startCenter({ dataDir, now });
  const admin = await centerAdmin(center.url, adminAccount(dataDir));
  const windowId = await admin.createWindow({
    code: 'SJ01',
    name: '市场监管一号窗',
    departmentCode: 'SJ',
  });
  for (const s of staff) {
    await admin.createStaff({
      username: s.username,
      name: s.name,
      role: s.role,
      windowId: ['supervisor', 'manager'].includes(s.role) ? null : windowId,
      password: hallPassword,
    });
  }
  const hall: HallCenter = {
    center,
    dataDir,
    windowId,
    enrollmentCode: async () =>
      (await centerAdmin(hall.center.url, adminAccount(dataDir))).enrollmentCode(windowId),
    async restartAt(at: string) {
      if (!hall.center.exited()) await hall.center.stop();
      hall.center = await startCenter({ dataDir, now: at, port: hall.center.port });
    },
    async stop() {
      if (!hall.center.exited()) await hall.center.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return hall;
}

/** A ticket taken for the department, as the hall's kiosk takes it; answers its number. */
export async function takeTicket(centerUrl: string, departmentCode: string): Promise<string> {
  const res = await fetch(`${centerUrl}/api/hall/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ departmentCode }),
  });
  if (res.status !== 201) throw new Error(`ticket refused: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { number: string }).number;
}
