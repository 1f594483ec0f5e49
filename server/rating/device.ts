import { shanghaiIso } from '../../shared/calendar';
import type { RatingGiven, RatingPrompt } from '../../shared/center-api';
import { HttpError } from '../http/errors';
import type { AuthRater, ServerContext } from '../http/spec';
import { counterSteps, refuseVisitRatedTwice } from './case-step';
import { keepRating } from './keep';

// Issue 17, part 2: the window's rating device shows the five levels as soon as the clerk presses
// 办结 on a ticket, and only for that ticket: the latest one finished at its window, for a few
// minutes, until it is rated. A window serving without tickets (the queue unreachable, a walk-in)
// is rated by the case step it just did instead: the acceptance or delivery its terminal pushed.
// A paired device can therefore not rate an older service or another window's, and staff have
// nothing to send it.

/** How long after 办结 the device still offers the ticket: the applicant is at the counter. */
const offerMinutes = 10;

type Offer = {
  prompt: NonNullable<RatingPrompt['service']>;
  /** who served and where it is counted */
  staffId: string | null;
  departmentCode: string;
};

async function latestTicket(ctx: ServerContext, rater: AuthRater) {
  return (
    ctx.db
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
      .executeTakeFirst()
  );
}

/** The latest counter step this window's terminals pushed, when it happened minutes ago. */
async function latestStep(ctx: ServerContext, rater: AuthRater, since: string) {
  const step = await ctx.db
    .selectFrom('events')
    .select(['case_id', 'type', 'occurred_at', 'actor_id', 'department_code'])
    .where('window_id', '=', rater.windowId)
    .where('status', '=', 'accepted')
    .where('type', 'in', Object.keys(counterSteps))
    .where('received_at', '>=', since)
    .orderBy('server_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // pushed late by a PC that was offline: the applicant left long ago
  if (!step || Date.parse(step.occurred_at) < Date.parse(since)) return null;
  const kind = counterSteps[step.type as keyof typeof counterSteps];
  const rated = await ctx.db
    .selectFrom('ratings')
    .select('id')
    .where('service_kind', '=', kind)
    .where('service_id', '=', step.case_id)
    .executeTakeFirst();
  return rated ? null : { ...step, kind };
}

async function offered(ctx: ServerContext, rater: AuthRater): Promise<Offer | null> {
  const now = ctx.now().getTime();
  const since = shanghaiIso(new Date(now - offerMinutes * 60_000));
  const ticket = await latestTicket(ctx, rater);
  if (
    ticket?.finished_at &&
    new Date(ticket.finished_at).getTime() >= now - offerMinutes * 60_000
  ) {
    // a window that calls tickets is rated per ticket, never twice for one visit
    if (ticket.rating_id !== null) return null;
    return {
      prompt: {
        serviceKind: 'ticket',
        serviceId: ticket.id,
        ticketNumber: ticket.number,
        finishedAt: ticket.finished_at,
      },
      staffId: ticket.staff_id,
      departmentCode: ticket.department_code,
    };
  }
  const step = await latestStep(ctx, rater, since);
  if (!step) return null;
  const linked = await ctx.db
    .selectFrom('queue_ticket_cases')
    .select('ticket_id')
    .where('case_id', '=', step.case_id)
    .executeTakeFirst();
  // received for a ticket: that ticket's 办结 was the visit's rating
  if (linked && step.kind === 'acceptance') return null;
  return {
    prompt: {
      serviceKind: step.kind,
      serviceId: step.case_id,
      ticketNumber: null,
      finishedAt: step.occurred_at,
    },
    staffId: step.actor_id,
    departmentCode: step.department_code,
  };
}

export async function ratingPrompt(ctx: ServerContext, rater: AuthRater): Promise<RatingPrompt> {
  const offer = await offered(ctx, rater);
  return {
    windowCode: rater.windowCode,
    windowName: rater.windowName,
    service: offer?.prompt ?? null,
  };
}

/** the case the service was for: the ticket's case when the clerk received one for it */
async function servedCase(ctx: ServerContext, prompt: Offer['prompt']) {
  if (prompt.serviceKind !== 'ticket') {
    return ctx.db
      .selectFrom('cases')
      .select(['id as case_id', 'case_number', 'item_code', 'item_name'])
      .where('id', '=', prompt.serviceId)
      .executeTakeFirst();
  }
  return ctx.db
    .selectFrom('queue_ticket_cases as l')
    .leftJoin('cases as c', 'c.id', 'l.case_id')
    .select(['l.case_id', 'l.case_number', 'c.item_code', 'c.item_name'])
    .where('l.ticket_id', '=', prompt.serviceId)
    .orderBy('l.case_number')
    .executeTakeFirst();
}

export async function rateAtDevice(
  ctx: ServerContext,
  rater: AuthRater,
  serviceId: string,
  given: RatingGiven,
) {
  const offer = await offered(ctx, rater);
  if (offer?.prompt.serviceId !== serviceId) {
    throw new HttpError(409, 'conflict', '这次服务已经评价过或已超过评价时间，谢谢您');
  }
  const served = await servedCase(ctx, offer.prompt);
  const kind = offer.prompt.serviceKind;
  // a decision is never offered at the counter (latestStep): only a ticket or a counter step
  if (kind !== 'decision') {
    await refuseVisitRatedTwice(
      ctx,
      kind === 'ticket' ? { kind, ticketId: serviceId } : { kind, caseId: serviceId },
    );
  }
  const id = await keepRating(
    ctx,
    {
      serviceKind: offer.prompt.serviceKind,
      serviceId,
      departmentCode: offer.departmentCode,
      windowId: rater.windowId,
      staffId: offer.staffId,
      caseId: served?.case_id ?? null,
      caseNumber: served?.case_number ?? null,
      itemCode: served?.item_code ?? null,
      itemName: served?.item_name ?? null,
      ticketNumber: offer.prompt.ticketNumber,
    },
    { channel: 'device' },
    given,
  );
  return { id, level: given.level };
}
