import { z } from 'zod';

// Issue 16 point 8: a PC at a public counter locks itself when nobody has touched it for a
// while. The manager sets the idle time per PC in 终端设置; what both main and the renderer need
// to agree on lives here once.

export const screenLockMinutes = { default: 5, min: 1, max: 60 } as const;

export const screenLockSettingsSchema = z.object({
  idleMinutes: z
    .number({ error: `请输入 ${screenLockMinutes.min}–${screenLockMinutes.max} 之间的分钟数` })
    .int(`请输入 ${screenLockMinutes.min}–${screenLockMinutes.max} 之间的整数分钟`)
    .min(screenLockMinutes.min, `锁屏时间不能少于 ${screenLockMinutes.min} 分钟`)
    .max(screenLockMinutes.max, `锁屏时间不能多于 ${screenLockMinutes.max} 分钟`),
});
export type ScreenLockSettings = z.infer<typeof screenLockSettingsSchema>;

/**
 * How often the renderer tells main that someone is at the keyboard. Main locks a session
 * `lockAfterMs + activityReportMs` after the last report it got, so the renderer (which counts
 * every key and pointer move) always locks first, and a page that stops reporting — closed
 * devtools-less script, a hung renderer — is locked by main all the same.
 */
export function activityReportMs(lockAfterMs: number): number {
  return Math.max(250, Math.min(15_000, Math.floor(lockAfterMs / 4)));
}
