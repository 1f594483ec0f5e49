import { randomUUID } from 'node:crypto';
import { shanghaiIso } from '../../shared/calendar';
import type { AlertAction, AlertDetail } from '../../shared/center-api';
import { notFound, signedIn } from '../admin/access';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { CenterHandlers, ServerContext } from '../http/spec';
import type { Kysely } from 'kysely';
import { alertsWithNames, alertView } from './views';

// The supervisor's side of electronic supervision: the alerts the rules raised, and what was
// done about each. An action is appended, never edited; nothing deletes an alert.

async function alertWithActions(db: Kysely<ServerDb>, id: string): Promise<AlertDetail> {
  const row = await alertsWithNames(db).where('alerts.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('预警');
  const actions = await db
    .selectFrom('alert_actions')
    .selectAll()
    .where('alert_id', '=', id)
    .orderBy('seq')
    .execute();
  return {
    ...alertView(row),
    actions: actions.map((a) => ({
      action: a.action,
      comment: a.comment,
      by: { id: a.actor_id, name: a.actor_name },
      at: a.at,
    })),
  };
}

async function act(
  ctx: ServerContext,
  id: string,
  body: AlertAction,
  by: { id: string; name: string },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('alerts').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('预警');
    const last = await trx
      .selectFrom('alert_actions')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('alert_id', '=', id)
      .executeTakeFirst();
    await trx
      .insertInto('alert_actions')
      .values({
        id: randomUUID(),
        alert_id: id,
        // two supervisors at once: the unique (alert, seq) index refuses the second, never reorders
        seq: Number(last?.seq ?? 0) + 1,
        action: body.action,
        comment: body.comment,
        actor_id: by.id,
        actor_name: by.name,
        at: shanghaiIso(ctx.now()),
      })
      .execute();
    await trx.updateTable('alerts').set({ status: body.action }).where('id', '=', id).execute();
  });
  return alertWithActions(ctx.db, id);
}

export const supervisionHandlers = {
  'alerts.list': async ({ query }, ctx) => {
    let q = alertsWithNames(ctx.db);
    if (query.status) q = q.where('alerts.status', '=', query.status);
    if (query.department) q = q.where('alerts.department_code', '=', query.department);
    if (query.window) q = q.where('alerts.window_id', '=', query.window);
    if (query.case) q = q.where('alerts.case_id', '=', query.case);
    const rows = await q
      .orderBy('alerts.raised_at', 'desc')
      .orderBy('alerts.id')
      .limit(query.limit)
      .execute();
    return { body: rows.map(alertView) };
  },
  'alerts.get': async ({ params }, ctx) => ({ body: await alertWithActions(ctx.db, params.id) }),
  'alerts.act': async ({ params, body, staff }, ctx) => {
    const by = signedIn(staff);
    if (by.role !== 'supervisor') throw new HttpError(403, 'forbidden', '仅监察人员可处理预警');
    return { status: 201, body: await act(ctx, params.id, body, by) };
  },
} satisfies Partial<CenterHandlers>;
