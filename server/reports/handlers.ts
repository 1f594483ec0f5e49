import { periodProblem, shanghaiDate, typedDayProblem } from '../../shared/calendar';
import { invalid } from '../admin/access';
import { reportAsOf } from '../../shared/reports';
import type { CenterHandlers } from '../http/spec';
import { centerDashboard } from './dashboard';
import { centerComplaintMetrics } from './complaints';
import { centerMetrics } from './metrics';

/** The center's report over every window's synced events. */
export const reportHandlers = {
  'reports.metrics': async ({ query }, ctx) => {
    const now = ctx.now();
    // the schema judged what needs no clock (the terminal's call alike); this bound needs one
    const problem = periodProblem(query, shanghaiDate(now));
    if (problem) throw invalid(`query.${problem.field}`, problem.message);
    const asOf = reportAsOf(query.to, now);
    const scope = {
      from: query.from,
      to: query.to,
      asOf,
      ...(query.department ? { departmentCode: query.department } : {}),
      ...(query.window ? { windowId: query.window } : {}),
    };
    const metrics = await centerMetrics(ctx.db, scope, now);
    // public complaints against the same department or window (shared/reports/complaints.ts)
    const complaints = await centerComplaintMetrics(ctx.db, scope);
    return { body: { from: query.from, to: query.to, asOf, metrics, complaints } };
  },
  'reports.dashboard': async ({ query }, ctx) => {
    const now = ctx.now();
    const problem =
      query.date === undefined ? null : typedDayProblem(query.date, shanghaiDate(now));
    if (problem) throw invalid('query.date', problem);
    return { body: await centerDashboard(ctx.db, query.date ?? shanghaiDate(now), now) };
  },
} satisfies Partial<CenterHandlers>;
