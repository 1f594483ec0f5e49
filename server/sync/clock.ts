import type { Kysely } from 'kysely';
import { shanghaiDate, shanghaiIso, shanghaiMinuteText } from '../../shared/calendar';
import { beyondTolerance, describeOffset } from '../../shared/sync';
import type { ServerDb } from '../db/schema';
import { recordAlerts } from '../supervision/engine';
import type { TerminalClockReport } from './terminal-clock';

export { terminalClockOf, type TerminalClockReport } from './terminal-clock';

// The center's record of each terminal's clock (issue 13 point 4). Every request of a terminal
// says its clock; the center compares it with its own on arrival (the trip makes a terminal look
// a few ms slow: nothing against 5 minutes). The history is kept sparse — a row when the offset
// moved meaningfully, crossed the tolerance, or an hour passed — and a clock beyond the tolerance
// raises one `clock.skew` alert per device and day with the evidence.

/** The newest row of a device's clock history. */
export type DeviceClockRow = {
  measuredAt: string;
  offsetMs: number;
  correctionMs: number | null;
  skewed: boolean;
};

export async function latestDeviceClock(
  db: Kysely<ServerDb>,
  deviceId: string,
): Promise<DeviceClockRow | null> {
  const row = await db
    .selectFrom('device_clock')
    .select(['measured_at', 'offset_ms', 'correction_ms', 'skewed'])
    .where('device_id', '=', deviceId)
    .orderBy('measured_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        measuredAt: row.measured_at,
        offsetMs: Number(row.offset_ms),
        correctionMs: row.correction_ms === null ? null : Number(row.correction_ms),
        skewed: row.skewed === 1,
      }
    : null;
}

/** A move of the offset worth a row of history: smaller ones are the network's jitter. */
const meaningfulChangeMs = 30_000;
/** A steady clock still leaves a row this often, so the history shows it was watched. */
const rowEveryMs = 60 * 60_000;

export type ClockDevice = { id: string; departmentCode: string; windowId: string };

/**
 * Records one request's measurement of a device's clock if it adds to the history, and raises
 * the day's `clock.skew` alert when it is beyond the tolerance. Returns the offset measured.
 */
export async function recordDeviceClock(
  db: Kysely<ServerDb>,
  now: Date,
  device: ClockDevice,
  report: TerminalClockReport,
): Promise<number> {
  const offsetMs = Math.round(report.terminalTime - now.getTime());
  const skewed = beyondTolerance(offsetMs);
  const last = await latestDeviceClock(db, device.id);
  const worth =
    last === null ||
    last.skewed !== skewed ||
    Math.abs(last.offsetMs - offsetMs) > meaningfulChangeMs ||
    (last.correctionMs ?? 0) !== (report.correctionMs ?? 0) ||
    now.getTime() - Date.parse(last.measuredAt) >= rowEveryMs;
  if (!worth) return offsetMs;
  const measuredAt = shanghaiIso(now);
  await db
    .insertInto('device_clock')
    .values({
      device_id: device.id,
      measured_at: measuredAt,
      offset_ms: offsetMs,
      correction_ms: report.correctionMs,
      skewed: skewed ? 1 : 0,
    })
    .execute();
  if (skewed) await raiseClockSkew(db, now, device, offsetMs, report.correctionMs, measuredAt);
  return offsetMs;
}

async function raiseClockSkew(
  db: Kysely<ServerDb>,
  now: Date,
  device: ClockDevice,
  offsetMs: number,
  correctionMs: number | null,
  measuredAt: string,
): Promise<void> {
  const window = await db
    .selectFrom('windows')
    .select(['code', 'name'])
    .where('id', '=', device.windowId)
    .executeTakeFirst();
  const where = window ? `${window.name}（${window.code}）` : device.windowId;
  const acknowledged =
    correctionMs === null ? '' : `；窗口已确认时差，按中心时间校正 ${correctionMs} 毫秒`;
  await recordAlerts(
    db,
    [
      {
        caseId: null,
        caseNumber: null,
        departmentCode: device.departmentCode,
        windowId: device.windowId,
        finding: {
          key: `clock.skew:${device.id}:${shanghaiDate(now)}`,
          rule: 'clock.skew',
          level: 'violation',
          // the device's id stays in the evidence: the message is read by people
          message: `终端时钟与中心相差超过 5 分钟：${where}的终端时钟${describeOffset(offsetMs)}（测于 ${shanghaiMinuteText(measuredAt)}）${acknowledged}`,
          evidence: [
            device.id,
            `offsetMs=${offsetMs}`,
            `measuredAt=${measuredAt}`,
            `window=${window?.code ?? device.windowId}`,
            ...(correctionMs === null ? [] : [`correctionMs=${correctionMs}`]),
          ],
        },
      },
    ],
    now,
  );
}
