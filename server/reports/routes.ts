import { z } from 'zod';
import { endOfDay, shanghaiDate, shanghaiIso } from '../../shared/calendar';
import { managerOrSupervisor } from '../admin/access';
import { route, type RouteSpec } from '../http/spec';
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
      // a past period is judged at its end; today's at this moment
      const asOf = query.to < shanghaiDate(now) ? endOfDay(query.to) : shanghaiIso(now);
      const metrics = await centerMetrics(
        ctx.db,
        {
          from: query.from,
          to: query.to,
          asOf,
          ...(query.department ? { departmentCode: query.department } : {}),
          ...(query.window ? { windowId: query.window } : {}),
        },
        now,
      );
      return { body: { from: query.from, to: query.to, asOf, metrics } };
    },
  }),
];
