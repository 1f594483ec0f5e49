import { z } from 'zod';
import { complaintReplyRequestSchema, syncPaths, windowSupervisionSchema } from '../../shared/sync';
import { managerOrSupervisor, signedIn } from '../admin/access';
import { HttpError } from '../http/errors';
import { route, type AuthDevice, type RouteSpec } from '../http/spec';
import {
  closeComplaint,
  complaintById,
  complaintCloseSchema,
  complaintCreateSchema,
  recordComplaint,
  replyToComplaint,
} from './complaints';
import { alertsWithNames, alertView, complaintsWithNames, complaintViews } from './views';

// Public complaints at the center, and what a window's terminal fetches of supervision.

const listSchema = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  department: z.string().trim().min(1).max(16).optional(),
  window: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const idParams = z.object({ id: z.string().min(1).max(64) });
const object = z.record(z.string(), z.unknown());
const supervisorOnly = { kind: 'staff', roles: ['supervisor'] } as const;

/** The app resolves device auth before the handler; a route reached without it is miswired. */
function authenticated(device: AuthDevice | null): AuthDevice {
  if (!device) throw new Error('device route reached without an authenticated device');
  return device;
}

/** How much of its department's supervision a terminal keeps: the latest, never unbounded. */
const feedLimits = { alerts: 500, closedComplaints: 100 } as const;

export const complaintRoutes: RouteSpec[] = [
  route({
    method: 'POST',
    url: '/api/complaints',
    summary: '登记公众投诉 / record a public complaint',
    tag: 'supervision',
    auth: supervisorOnly,
    body: complaintCreateSchema,
    response: object,
    handler: async ({ body, staff }, ctx) => {
      const by = signedIn(staff);
      return { status: 201, body: await recordComplaint(ctx, body, by) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/complaints',
    summary: '公众投诉，新近在前 / public complaints, newest first',
    tag: 'supervision',
    auth: managerOrSupervisor,
    query: listSchema,
    response: z.array(object),
    handler: async ({ query }, ctx) => {
      let q = complaintsWithNames(ctx.db);
      if (query.status === 'closed') q = q.where('complaints.status', '=', 'closed');
      if (query.status === 'open') q = q.where('complaints.status', '!=', 'closed');
      if (query.department) q = q.where('complaints.department_code', '=', query.department);
      if (query.window) q = q.where('complaints.window_id', '=', query.window);
      const rows = await q
        .orderBy('complaints.received_at', 'desc')
        .orderBy('complaints.id')
        .limit(query.limit)
        .execute();
      return { body: await complaintViews(ctx.db, rows, ctx.now()) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/complaints/:id',
    summary: '一件投诉及其办理过程 / a complaint with its steps',
    tag: 'supervision',
    auth: managerOrSupervisor,
    params: idParams,
    response: object,
    handler: async ({ params }, ctx) => ({
      body: await complaintById(ctx.db, params.id, ctx.now()),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/complaints/:id/reply',
    summary:
      '窗口经本终端答复投诉（首席代表或窗口工作人员）/ the window replies through its terminal',
    tag: 'supervision',
    auth: { kind: 'device' },
    protocol: true,
    params: idParams,
    body: complaintReplyRequestSchema,
    response: object,
    handler: async ({ params, body, device }, ctx) => ({
      status: 201,
      body: await replyToComplaint(ctx, params.id, body, authenticated(device)),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/complaints/:id/close',
    summary: '监察人员办结投诉并作出结论 / the supervisor closes a complaint with a conclusion',
    tag: 'supervision',
    auth: supervisorOnly,
    params: idParams,
    body: complaintCloseSchema,
    response: object,
    handler: async ({ params, body, staff }, ctx) => {
      const by = signedIn(staff);
      if (by.role !== 'supervisor') throw new HttpError(403, 'forbidden', '仅监察人员可办结投诉');
      return { status: 201, body: await closeComplaint(ctx, params.id, body, by) };
    },
  }),
  route({
    method: 'GET',
    url: syncPaths.supervision,
    summary:
      '本部门的监察预警与投诉（终端每轮同步时取回）/ the department’s alerts and complaints, for its terminals',
    tag: 'sync',
    auth: { kind: 'device' },
    protocol: true,
    response: windowSupervisionSchema,
    handler: async ({ device }, ctx) => {
      const { departmentCode } = authenticated(device);
      const alerts = await alertsWithNames(ctx.db)
        .where('alerts.department_code', '=', departmentCode)
        .orderBy('alerts.raised_at', 'desc')
        .orderBy('alerts.id')
        .limit(feedLimits.alerts)
        .execute();
      const mine = () =>
        complaintsWithNames(ctx.db).where('complaints.department_code', '=', departmentCode);
      // every open complaint, and the latest closed ones for the window's history
      const open = await mine()
        .where('complaints.status', '!=', 'closed')
        .orderBy('complaints.received_at', 'desc')
        .execute();
      const closed = await mine()
        .where('complaints.status', '=', 'closed')
        .orderBy('complaints.closed_at', 'desc')
        .limit(feedLimits.closedComplaints)
        .execute();
      return {
        body: {
          alerts: alerts.map(alertView),
          complaints: await complaintViews(ctx.db, [...open, ...closed], ctx.now()),
        },
      };
    },
  }),
];
