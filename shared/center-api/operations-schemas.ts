import { z } from 'zod';
import { isSemver } from '../updates';

// Part C (issue 15): terminal releases and the dashboard of PCs.

export const releaseVersionSchema = z
  .string()
  .refine(isSemver, { message: '版本号须为语义化版本，如 1.2.0 或 1.3.0-rc.1' });

export const releaseParams = z.strictObject({ version: releaseVersionSchema });

/** The staging rule a manager publishes a release with (shared/updates). */
export const publishReleaseSchema = z.strictObject({
  version: releaseVersionSchema,
  /** the sync protocol the release speaks: the center offers only what it accepts */
  protocol: z.number().int().min(0).max(1000),
  percent: z
    .number()
    .int({ message: '比例须为 0–100 的整数' })
    .min(0, { message: '比例须为 0–100 的整数' })
    .max(100, { message: '比例须为 0–100 的整数' }),
  windowIds: z.array(z.string().min(1).max(100)).max(500).default([]),
});
export type PublishRelease = z.infer<typeof publishReleaseSchema>;

/** A release folder under <data>/updates/, published or only placed there. */
export const terminalReleaseSchema = z.object({
  version: z.string(),
  /** the channel files found in the folder (latest.yml, latest-linux.yml …) */
  channels: z.array(z.string()),
  published: z
    .object({
      protocol: z.number().int(),
      percent: z.number().int(),
      windowIds: z.array(z.string()),
      publishedAt: z.string(),
      publishedBy: z.string(),
      withdrawnAt: z.string().nullable(),
      /** false when the center no longer speaks the release's protocol: it is offered to nobody */
      offered: z.boolean(),
    })
    .nullable(),
});
export type TerminalRelease = z.infer<typeof terminalReleaseSchema>;

/** What the terminal last said of itself, and its crash reports (the dashboard of PCs). */
export const deviceHealthSchema = z.object({
  lastSeenAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  pending: z.number().int().nullable(),
  lastError: z.string().nullable(),
  integrity: z.string().nullable(),
  crashReports: z.number().int(),
  lastCrashAt: z.string().nullable(),
});
export type DeviceHealth = z.infer<typeof deviceHealthSchema>;
