import type { Kysely } from 'kysely';
import type { OpenCase } from '../../shared/case';
import { endOfDay } from '../../shared/calendar';
import { computeMetrics, type Metrics, type ReportScope } from '../../shared/reports';
import { clockContext } from '../cases/clocks';
import type { ServerDb } from '../db/schema';

/**
 * The report's numbers for the whole center, or a department or window of it, from the center's
 * case projection (folded from the accepted events). The center keeps one calendar, so every case
 * is measured on it (as the center's case list does).
 */
export async function centerMetrics(
  db: Kysely<ServerDb>,
  scope: ReportScope,
  now: Date,
): Promise<Metrics> {
  const { calendar, thresholds } = await clockContext(db, now);
  // A case counts in a period only through an event within it — so received before its end, with
  // its last event on or after its first day — or by being open
  let query = db
    .selectFrom('cases')
    .select(['state', 'window_id'])
    .where((w) =>
      w.or([
        w('open', '=', 1),
        w.and([w('last_event_at', '>=', scope.from), w('received_at', '<', endOfDay(scope.to))]),
      ]),
    );
  if (scope.departmentCode !== undefined) {
    query = query.where('department_code', '=', scope.departmentCode);
  }
  if (scope.windowId !== undefined) query = query.where('window_id', '=', scope.windowId);
  const rows = await query.execute();
  return computeMetrics(
    rows.map((r) => ({
      state: { ...(JSON.parse(r.state) as OpenCase), calendarVersion: calendar.version },
      windowId: r.window_id,
    })),
    scope,
    () => calendar,
    thresholds,
  );
}
