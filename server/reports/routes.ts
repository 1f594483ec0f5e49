import { z } from 'zod';
import { shanghaiDate } from '../../shared/calendar';
import { reportAsOf } from '../../shared/reports';
import { managerOrSupervisor } from '../admin/access';
import { route, type RouteSpec } from '../http/spec';
import { centerDashboard } from './dashboard';
import { centerComplaintMetrics } from './complaints';
import { centerMetrics } from './metrics';

const day = z.iso.date('日期须形如 2026-03-02 / a date like 2026-03-02');

export const reportQuerySchema = z
  .strictObject({
    from: day,
    to: day,
    department: z.string().trim().min(1).max(16).optional(),
    window: z.string().trim().min(1).max(64).optional(),
  })
  .refine((q) => q.from <= q.to, {
    message: '开始日期不能晚于结束日期 / from is after to',
    path: ['to'],
  });

// Loose on purpose, as the case routes: the type is shared/reports Metrics.
const object = z.record(z.string(), z.unknown());

/** The center's report over every window's synced events. */
export const reportRoutes: RouteSpec[] = [
  route({
    method: 'GET',
    url: '/api/reports/metrics',
    summary:
      '办件统计（按日期、部门、窗口）/ the report numbers for days, a department or a window',
    tag: 'reports',
    auth: managerOrSupervisor,
    query: reportQuerySchema,
    response: object,
    handler: async ({ query }, ctx) => {
      const now = ctx.now();
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
  }),
  route({
    method: 'GET',
    url: '/api/reports/dashboard',
    summary:
      '中心今日概览：各部门指标、近30日趋势、红黄牌办件 / the day at a glance: departments, trend, red and yellow cases',
    tag: 'reports',
    auth: managerOrSupervisor,
    // without a date: the center's today, by its clock (a terminal's may differ)
    query: z.strictObject({ date: day.optional() }),
    response: object,
    handler: async ({ query }, ctx) => {
      const now = ctx.now();
      return { body: await centerDashboard(ctx.db, query.date ?? shanghaiDate(now), now) };
    },
  }),
];
