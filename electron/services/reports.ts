import type { OpenCase } from '../../shared/case';
import { computeMetrics, type Metrics, type ReportScope } from '../../shared/reports';
import { sql } from '../store/db';
import type { Terminal } from './terminal';

/**
 * The report's numbers from this terminal's own log (its cases projection): a window's or
 * department's day, offline as well. Each case is measured on the calendar it pinned.
 */
export function terminalMetrics(t: Terminal, scope: ReportScope): Metrics {
  const rows = sql(
    t.db,
    `SELECT state, window_id FROM cases
     WHERE (@department IS NULL OR department_code = @department)
       AND (@window IS NULL OR window_id = @window)`,
  ).all({ department: scope.departmentCode ?? null, window: scope.windowId ?? null }) as {
    state: string;
    window_id: string;
  }[];
  return computeMetrics(
    rows.map((r) => ({ state: JSON.parse(r.state) as OpenCase, windowId: r.window_id })),
    scope,
    (version) => t.calendar(version),
    t.thresholds(),
  );
}
