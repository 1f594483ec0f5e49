import type { RatingGiven, RatingPrompt } from '../../shared/center-api';
import { HttpError } from '../http/errors';
import type { AuthRater, ServerContext } from '../http/spec';
import { keepRating } from './keep';

// Issue 17, part 2: the window's rating device shows the five levels as soon as the clerk presses
// 办结 on a ticket, and only for that ticket: the latest one finished at its window, for a few
// minutes, until it is rated. A paired device can therefore not rate an older ticket or another
// window's, and staff have nothing to send it.

/** How long after 办结 the device still offers the ticket: the applicant is at the counter. */
const offerMinutes = 10;

async function offered(ctx: ServerContext, rater: AuthRater) {
  const latest = await ctx.db
    .selectFrom('queue_tickets as t')
    .leftJoin('ratings as r', (j) =>
      j.onRef('r.service_id', '=', 't.id').on('r.service_kind', '=', 'ticket'),
    )
    .select([
      't.id',
      't.number',
      't.finished_at',
      't.department_code',
      't.staff_id',
      'r.id as rating_id',
    ])
    .where('t.window_id', '=', rater.windowId)
    .where('t.status', '=', 'done')
    .orderBy('t.finished_at', 'desc')
    // two finished within one millisecond (a test's fixed clock): the later called
    .orderBy('t.serial', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest?.finished_at || latest.rating_id !== null) return null;
  const age = ctx.now().getTime() - new Date(latest.finished_at).getTime();
  return age <= offerMinutes * 60_000 ? { ...latest, finished_at: latest.finished_at } : null;
}

export async function ratingPrompt(ctx: ServerContext, rater: AuthRater): Promise<RatingPrompt> {
  const ticket = await offered(ctx, rater);
  return {
    windowCode: rater.windowCode,
    windowName: rater.windowName,
    service: ticket
      ? { serviceId: ticket.id, ticketNumber: ticket.number, finishedAt: ticket.finished_at }
      : null,
  };
}

export async function rateAtDevice(
  ctx: ServerContext,
  rater: AuthRater,
  serviceId: string,
  given: RatingGiven,
) {
  const ticket = await offered(ctx, rater);
  if (ticket?.id !== serviceId) {
    throw new HttpError(409, 'conflict', '这次服务已经评价过或已超过评价时间，谢谢您');
  }
  // the case received for this ticket, when the clerk received one: its number and item
  const linked = await ctx.db
    .selectFrom('queue_ticket_cases as l')
    .leftJoin('cases as c', 'c.id', 'l.case_id')
    .select(['l.case_id', 'l.case_number', 'c.item_code', 'c.item_name'])
    .where('l.ticket_id', '=', ticket.id)
    .orderBy('l.case_number')
    .executeTakeFirst();
  const id = await keepRating(
    ctx,
    {
      serviceKind: 'ticket',
      serviceId: ticket.id,
      departmentCode: ticket.department_code,
      windowId: rater.windowId,
      staffId: ticket.staff_id,
      caseId: linked?.case_id ?? null,
      caseNumber: linked?.case_number ?? null,
      itemCode: linked?.item_code ?? null,
      itemName: linked?.item_name ?? null,
      ticketNumber: ticket.number,
    },
    { channel: 'device' },
    given,
  );
  return { id, level: given.level };
}
