import type { Kysely } from 'kysely';
import { endOfDay } from '../../shared/calendar';
import { complaintMetrics, type ComplaintMetrics, type ReportScope } from '../../shared/reports';
import type { ServerDb } from '../db/schema';

/**
 * The complaint numbers of a report's scope (shared/reports complaintMetrics). Reads only the
 * complaints the period can count: recorded before its end and not closed before its start.
 */
export async function centerComplaintMetrics(
  db: Kysely<ServerDb>,
  scope: ReportScope,
): Promise<ComplaintMetrics> {
  let query = db
    .selectFrom('complaints')
    .select(['id', 'department_code', 'window_id', 'received_at', 'due_at', 'closed_at'])
    .select('conclusion')
    .where('received_at', '<', endOfDay(scope.to))
    .where((w) => w.or([w('closed_at', 'is', null), w('closed_at', '>=', scope.from)]));
  if (scope.departmentCode !== undefined) {
    query = query.where('department_code', '=', scope.departmentCode);
  }
  if (scope.windowId !== undefined) query = query.where('window_id', '=', scope.windowId);
  const rows = await query.execute();
  return complaintMetrics(
    rows.map((r) => ({
      id: r.id,
      departmentCode: r.department_code,
      windowId: r.window_id,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      closedAt: r.closed_at,
      conclusion: r.conclusion,
    })),
    scope,
  );
}
