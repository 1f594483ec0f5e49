import type { Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type { DeviceReport } from '../../shared/sync';
import type { ServerDb } from '../db/schema';

// The newest word of each terminal (issue 15 point 5): one row per device, overwritten by each
// of its requests. A request without a report (a terminal from before part C) still says the PC
// was seen; it does not wipe what an earlier report said.

export async function recordDeviceReport(
  db: Kysely<ServerDb>,
  now: Date,
  deviceId: string,
  report: DeviceReport | null,
): Promise<void> {
  const seen = { last_seen_at: shanghaiIso(now) };
  const said = report
    ? {
        app_version: report.appVersion,
        pending: report.pending,
        last_error: report.lastError,
        integrity: report.integrity,
      }
    : {};
  await db
    .insertInto('device_reports')
    .values({ device_id: deviceId, ...seen, ...said })
    .onConflict((oc) => oc.column('device_id').doUpdateSet({ ...seen, ...said }))
    .execute();
}
