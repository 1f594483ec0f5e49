import { authenticatedDevice, signedIn } from '../admin/access';
import { HttpError } from '../http/errors';
import type { CenterHandlers } from '../http/spec';
import { closeComplaint, complaintById, recordComplaint, replyToComplaint } from './complaints';
import { alertsWithNames, alertView, complaintsWithNames, complaintViews } from './views';

// Public complaints at the center, and what a window's terminal fetches of supervision.

/** How much of its department's supervision a terminal keeps: the latest, never unbounded. */
const feedLimits = { alerts: 500, closedComplaints: 100 } as const;

export const complaintHandlers = {
  'complaints.create': async ({ body, staff }, ctx) => {
    const by = signedIn(staff);
    return { status: 201, body: await recordComplaint(ctx, body, by) };
  },
  'complaints.list': async ({ query }, ctx) => {
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
  'complaints.get': async ({ params }, ctx) => ({
    body: await complaintById(ctx.db, params.id, ctx.now()),
  }),
  'complaints.reply': async ({ params, body, device }, ctx) => ({
    status: 201,
    body: await replyToComplaint(ctx, params.id, body, authenticatedDevice(device)),
  }),
  'complaints.close': async ({ params, body, staff }, ctx) => {
    const by = signedIn(staff);
    if (by.role !== 'supervisor') throw new HttpError(403, 'forbidden', '仅监察人员可办结投诉');
    return { status: 201, body: await closeComplaint(ctx, params.id, body, by) };
  },
  'sync.supervision': async ({ device }, ctx) => {
    const { departmentCode } = authenticatedDevice(device);
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
} satisfies Partial<CenterHandlers>;
