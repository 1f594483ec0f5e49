import { z } from 'zod';

// What a terminal says of itself on every request to the center (issue 15 point 5): its app
// version, how many events wait in its queue, its last sync error and its integrity check. The
// center keeps the newest word per device for the manager's dashboard of PCs. A header, not a
// body field, so every call carries it without each wire schema growing a part; the value is
// URI-encoded JSON because a header is ASCII and the error text is Chinese.

export const deviceReportHeader = 'x-terminal-report';

/** Long enough for a sync error's sentence; a header stays far below any proxy's limit. */
export const deviceReportLimits = { error: 300, integrity: 120, version: 64 } as const;

export const deviceReportSchema = z.object({
  appVersion: z.string().min(1).max(deviceReportLimits.version),
  pending: z.number().int().min(0).max(100_000_000),
  lastError: z.string().max(deviceReportLimits.error).nullable(),
  /** 'ok', or the first finding of the integrity check; null: not checked */
  integrity: z.string().max(deviceReportLimits.integrity).nullable(),
});
export type DeviceReport = z.infer<typeof deviceReportSchema>;

const clip = (text: string | null, max: number) =>
  text === null ? null : text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function encodeDeviceReport(report: DeviceReport): string {
  return encodeURIComponent(
    JSON.stringify({
      ...report,
      lastError: clip(report.lastError, deviceReportLimits.error),
      integrity: clip(report.integrity, deviceReportLimits.integrity),
    }),
  );
}

/** The report a header carries, or null for a missing or malformed one (never a refusal). */
export function decodeDeviceReport(value: string | string[] | undefined): DeviceReport | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || text.length > 4096) return null;
  try {
    const parsed = deviceReportSchema.safeParse(JSON.parse(decodeURIComponent(text)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The extra field of Electron's crash upload that carries the device token (Electron sends no
 * headers of ours): the center identifies the PC by it and never stores it.
 */
export const crashTokenField = 'device_token';
