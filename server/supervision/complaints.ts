import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type { ComplaintClose, ComplaintCreate } from '../../shared/center-api';
import { complaintDeadline } from '../../shared/reports/complaints';
import type { Complaint, ComplaintReplyRequest } from '../../shared/sync';
import { conflict, invalid, notFound } from '../admin/access';
import { centerCalendar } from '../cases/clocks';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { AuthDevice, ServerContext } from '../http/spec';
import { recordAlerts } from './engine';
import { complaintRecordedFinding } from './rules';
import { complaintsWithNames, complaintViews } from './views';

// Public complaints (公众投诉): a supervisor records one against a window and/or a case, the
// window answers it, the supervisor closes it with a conclusion. Steps are appended, the row
// keeps the current state for lists; nothing deletes a complaint.

type Actor = { id: string; name: string };

export async function complaintById(
  db: Kysely<ServerDb>,
  id: string,
  now: Date,
): Promise<Complaint> {
  const row = await complaintsWithNames(db).where('complaints.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('投诉');
  const [view] = await complaintViews(db, [row], now);
  return view!;
}

async function appendStep(
  trx: Kysely<ServerDb>,
  complaintId: string,
  step: { action: string; text: string; conclusion: string | null; by: Actor; at: string },
): Promise<void> {
  const last = await trx
    .selectFrom('complaint_steps')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  await trx
    .insertInto('complaint_steps')
    .values({
      id: randomUUID(),
      complaint_id: complaintId,
      // two at once: the unique (complaint, seq) index refuses the second, never reorders
      seq: Number(last?.seq ?? 0) + 1,
      action: step.action,
      text: step.text,
      conclusion: step.conclusion,
      actor_id: step.by.id,
      actor_name: step.by.name,
      at: step.at,
    })
    .execute();
}

/** Where a complaint belongs: the window named, or the case's window; the department of both. */
async function placeOf(db: Kysely<ServerDb>, body: ComplaintCreate) {
  const window = body.windowId
    ? await db
        .selectFrom('windows')
        .select(['id', 'department_code'])
        .where('id', '=', body.windowId)
        .executeTakeFirst()
    : undefined;
  if (body.windowId && !window) throw invalid('windowId', '没有这个窗口');
  const found = body.caseNumber
    ? await db
        .selectFrom('cases')
        .select(['id', 'case_number', 'department_code', 'window_id'])
        .where('case_number', '=', body.caseNumber)
        .executeTakeFirst()
    : undefined;
  if (body.caseNumber && !found) {
    throw invalid('caseNumber', '中心没有这个办件编号');
  }
  if (window && found && window.department_code !== found.department_code) {
    throw invalid('caseNumber', '该办件不属于被投诉窗口所在部门');
  }
  return {
    departmentCode: (window?.department_code ?? found?.department_code)!,
    windowId: window?.id ?? found?.window_id ?? null,
    caseId: found?.id ?? null,
    caseNumber: found?.case_number ?? null,
  };
}

/**
 * Records a complaint, starts its 5-working-day clock on the center's calendar (a holiday or a
 * closure moves the deadline) and raises its alert for the window — in one transaction.
 */
export async function recordComplaint(
  ctx: ServerContext,
  body: ComplaintCreate,
  by: Actor,
): Promise<Complaint> {
  const now = ctx.now();
  const receivedAt = shanghaiIso(now);
  const deadline = complaintDeadline(await centerCalendar(ctx.db), receivedAt);
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    const place = await placeOf(trx, body);
    await trx
      .insertInto('complaints')
      .values({
        id,
        department_code: place.departmentCode,
        window_id: place.windowId,
        case_id: place.caseId,
        case_number: place.caseNumber,
        complainant_name: body.complainantName,
        complainant_phone: body.complainantPhone,
        channel: body.channel,
        content: body.content,
        received_at: receivedAt,
        due_date: deadline.date,
        due_at: deadline.dueAt,
        status: 'open',
        reply: null,
        replied_at: null,
        conclusion: null,
        closed_at: null,
      })
      .execute();
    await appendStep(trx, id, {
      action: 'recorded',
      text: body.content,
      conclusion: null,
      by,
      at: receivedAt,
    });
    await recordAlerts(
      trx,
      [
        {
          ...place,
          finding: complaintRecordedFinding({
            id,
            channel: body.channel,
            content: body.content,
            dueDate: deadline.date,
          }),
        },
      ],
      now,
    );
  });
  return complaintById(ctx.db, id, ctx.now());
}

async function openComplaint(trx: Kysely<ServerDb>, id: string) {
  const row = await trx
    .selectFrom('complaints')
    .select(['id', 'status', 'department_code', 'window_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('投诉');
  if (row.status === 'closed') {
    throw conflict('id', '该投诉已办结，不能再答复或办结');
  }
  return row;
}

/**
 * The window answers through its own terminal: the device's credentials prove the PC, the staff
 * id names who at the window answered (the terminal signed them in with the center's staff
 * records); the center checks that they are the chief or a clerk of that very window.
 */
export async function replyToComplaint(
  ctx: ServerContext,
  id: string,
  body: ComplaintReplyRequest,
  device: AuthDevice,
): Promise<Complaint> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await openComplaint(trx, id);
    const ours =
      row.window_id === null
        ? row.department_code === device.departmentCode
        : row.window_id === device.windowId;
    if (!ours) {
      throw new HttpError(403, 'forbidden', '只能答复针对本窗口的投诉');
    }
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'name', 'role', 'window_id', 'active'])
      .where('id', '=', body.staffId)
      .executeTakeFirst();
    if (
      !staff ||
      staff.active !== 1 ||
      staff.window_id !== device.windowId ||
      !['chief', 'clerk'].includes(staff.role)
    ) {
      throw new HttpError(403, 'forbidden', '仅本窗口的首席代表或窗口工作人员可以答复投诉');
    }
    const at = shanghaiIso(ctx.now());
    await appendStep(trx, id, {
      action: 'replied',
      text: body.reply,
      conclusion: null,
      by: { id: staff.id, name: staff.name },
      at,
    });
    await trx
      .updateTable('complaints')
      .set({ status: 'replied', reply: body.reply, replied_at: at })
      .where('id', '=', id)
      .execute();
  });
  return complaintById(ctx.db, id, ctx.now());
}

/** The supervisor closes a complaint with a conclusion: its clock stops at this moment. */
export async function closeComplaint(
  ctx: ServerContext,
  id: string,
  body: ComplaintClose,
  by: Actor,
): Promise<Complaint> {
  await ctx.db.transaction().execute(async (trx) => {
    await openComplaint(trx, id);
    const at = shanghaiIso(ctx.now());
    await appendStep(trx, id, {
      action: 'closed',
      text: body.comment ?? '',
      conclusion: body.conclusion,
      by,
      at,
    });
    await trx
      .updateTable('complaints')
      .set({ status: 'closed', conclusion: body.conclusion, closed_at: at })
      .where('id', '=', id)
      .execute();
  });
  return complaintById(ctx.db, id, ctx.now());
}
