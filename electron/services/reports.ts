import type { CallOutput, ParsedInput } from '../../shared/api';
import { ruleMessages, type OpenCase } from '../../shared/case';
import { endOfDay, periodProblem, shanghaiDate } from '../../shared/calendar';
import type { Power } from '../../shared/catalog';
import {
  authorization,
  complaintMetrics,
  computeMetrics,
  reportAsOf,
  type Metrics,
  type RatingMetrics,
  type ReportCase,
  type ReportScope,
} from '../../shared/reports';
import { ApiFailure } from '../api/errors';
import { caseListColumns, type CaseListRow } from '../store/cases';
import { sql } from '../store/db';
import { boundWindow, listItems } from '../store/reference';
import { readSupervisionCopy } from '../store/supervision-copy';
import { caseRowView } from './cases';
import type { Terminal } from './context';
import { centerRatingFigures } from './window-ratings';

// A case counts in a period only through an event within it — so received before its end, with
// its last event on or after its first day — or by being open: the rest of the log is not read.
function reportCases(t: Terminal, scope: ReportScope): ReportCase[] {
  const rows = sql(
    t.db,
    `SELECT state, window_id FROM cases
     WHERE (open = 1 OR (updated_at >= @from AND received_at < @end))
       AND (@department IS NULL OR department_code = @department)
       AND (@window IS NULL OR window_id = @window)`,
  ).all({
    from: scope.from,
    end: endOfDay(scope.to),
    department: scope.departmentCode ?? null,
    window: scope.windowId ?? null,
  }) as { state: string; window_id: string }[];
  return rows.map((r) => ({ state: JSON.parse(r.state) as OpenCase, windowId: r.window_id }));
}

/**
 * The report's numbers from this terminal's own log (its cases projection): a window's or
 * department's days, offline as well. Each case is measured on the calendar it pinned.
 */
export function terminalMetrics(t: Terminal, scope: ReportScope): Metrics {
  return computeMetrics(
    reportCases(t, scope),
    scope,
    (version) => t.calendar(version),
    t.thresholds(),
  );
}

/**
 * The department's report: every number from this terminal's own log (offline as well), but the
 * 好差评 block from the center, which alone keeps the applicants' ratings — or, when it cannot be
 * asked, the sentence saying so in the block's place.
 */
export async function dailyReport(
  t: Terminal,
  input: ParsedInput<'reports.metrics'>,
): Promise<CallOutput<'reports.metrics'>> {
  const bound = boundWindow(t.db);
  if (!bound)
    throw new ApiFailure('not_allowed', ruleMessages['terminal.notBound'], {
      rule: 'terminal.notBound',
    });
  const department = bound.department_code;
  const windows = sql(
    t.db,
    'SELECT id, code, name FROM windows WHERE department_code = ? ORDER BY code',
  ).all(department) as { id: string; code: string; name: string }[];
  if (input.windowId && !windows.some((w) => w.id === input.windowId)) {
    throw new ApiFailure('invalid_input', '不是本部门的窗口', { field: 'windowId' });
  }
  const now = t.now();
  // the schema judged what needs no clock; a period reaching past next year needs this one
  const problem = periodProblem(input, shanghaiDate(now));
  if (problem) throw new ApiFailure('invalid_input', problem.message, { field: problem.field });
  const asOf = reportAsOf(input.to, now);
  const scope: ReportScope = { from: input.from, to: input.to, asOf, departmentCode: department };
  const cases = reportCases(t, scope);
  const copy = readSupervisionCopy(t.db, null);
  const center = await centerRatingFigures(t, { from: input.from, to: input.to });
  const centerOf = (windowId: string | undefined): Partial<RatingMetrics> => {
    if (typeof center === 'string') return {};
    if (windowId === undefined) return center.department;
    return center.byWindow.find((w) => w.windowId === windowId)?.ratings ?? {};
  };
  const measure = (s: ReportScope) => ({
    ...computeMetrics(cases, s, (version) => t.calendar(version), t.thresholds()),
    ...centerOf(s.windowId),
  });
  const delegations = (
    sql(t.db, 'SELECT window_id, item_code, powers FROM window_powers').all() as {
      window_id: string;
      item_code: string;
      powers: string;
    }[]
  ).map((r) => ({
    windowId: r.window_id,
    itemCode: r.item_code,
    powers: JSON.parse(r.powers) as Power[],
  }));
  return {
    centerName: t.centerName(),
    departmentCode: department,
    departmentName: bound.department_name,
    windows,
    from: input.from,
    to: input.to,
    asOf,
    metrics: measure(input.windowId ? { ...scope, windowId: input.windowId } : scope),
    byWindow: windows.map((w) => ({
      windowId: w.id,
      metrics: measure({ ...scope, windowId: w.id }),
    })),
    authorization: authorization(
      department,
      listItems(t.db, department).map((i) => i.code),
      delegations.filter((d) => windows.some((w) => w.id === d.windowId)),
    ),
    // the copy holds every open complaint and the latest closed ones: a long period's closed
    // complaints are counted in full by the center's report
    complaints: complaintMetrics(
      copy.complaints,
      input.windowId ? { ...scope, windowId: input.windowId } : scope,
    ),
    complaintsFetchedAt: copy.fetchedAt,
    ratingsUnavailable: typeof center === 'string' ? center : null,
  };
}

export function caseRows(t: Terminal, ids: readonly string[]): CallOutput<'cases.rows'> {
  const rows = sql(
    t.db,
    `SELECT ${caseListColumns}
     FROM cases WHERE id IN (SELECT value FROM json_each(?)) ORDER BY order_key`,
  ).all(JSON.stringify(ids)) as CaseListRow[];
  return rows.map(caseRowView(t));
}
