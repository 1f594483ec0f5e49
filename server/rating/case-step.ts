import { shanghaiIso } from '../../shared/calendar';
import type { CaseState } from '../../shared/case';
import {
  ratingServiceLabels,
  type CaseRatingStep,
  type PaperRating,
} from '../../shared/center-api';
import { HttpError } from '../http/errors';
import type { AuthStaff, ServerContext } from '../http/spec';
import { keepRating, type RatedService, type RatingSource } from './keep';
import { readRating } from './views';

// Issue 17, part 2: a step of a case (受理, 审批决定, 送达) is a service of its own: the applicant
// rates it through the notice's QR code, or on a paper form keyed in as 代录. A step not reached
// yet cannot be rated.

/** how far a terminal's clock (the step) and the center's (the ticket) may disagree */
const skewMs = 10 * 60_000;

/** the case events that end a step done with the applicant at the counter */
export const counterSteps = { accepted: 'acceptance', delivered: 'delivery' } as const;
type CounterStep = (typeof counterSteps)[keyof typeof counterSteps];
const eventOfStep = { acceptance: 'accepted', delivery: 'delivered' } as const;

/** the applicant's own rating of a service (device, QR, SMS), if any: 代录 forms are apart */
async function ownRating(ctx: ServerContext, kind: string, serviceId: string) {
  return ctx.db
    .selectFrom('ratings')
    .select('id')
    .where('service_kind', '=', kind)
    .where('service_id', '=', serviceId)
    .where('channel', '<>', 'paper')
    .executeTakeFirst();
}

const iso = (ms: number) => shanghaiIso(new Date(ms));

/**
 * One visit is one service (一次一评): a ticket served at a window and the 受理 or 送达 its clerk
 * did while serving it are rated once — on the window's device as the ticket, or through the
 * notice's QR as the step, not both. The acceptance belongs to the ticket its case was received
 * for (queue_ticket_cases), when the clerk finished that ticket after accepting (give or take the
 * terminal's clock); a delivery, which names no ticket, to the ticket being served at that window
 * when it happened, between the call and 办结. A step done on another visit is its own service.
 */
async function stepEvent(ctx: ServerContext, caseId: string, step: CounterStep) {
  return ctx.db
    .selectFrom('events')
    .select(['window_id', 'occurred_at'])
    .where('case_id', '=', caseId)
    .where('type', '=', eventOfStep[step])
    .where('status', '=', 'accepted')
    .executeTakeFirst();
}

async function ticketsDuringStep(ctx: ServerContext, caseId: string, step: CounterStep) {
  const done = await stepEvent(ctx, caseId, step);
  if (!done) return [];
  const at = Date.parse(done.occurred_at);
  if (step === 'acceptance') {
    const linked = await ctx.db
      .selectFrom('queue_ticket_cases as l')
      .innerJoin('queue_tickets as t', 't.id', 'l.ticket_id')
      .select('t.id')
      .where('l.case_id', '=', caseId)
      .where('t.finished_at', '>=', iso(at - skewMs))
      .execute();
    return linked.map((t) => t.id);
  }
  const serving = await ctx.db
    .selectFrom('queue_tickets')
    .select('id')
    .where('window_id', '=', done.window_id)
    .where('status', '=', 'done')
    .where('called_at', '<=', iso(at))
    .where('finished_at', '>=', iso(at))
    .execute();
  return serving.map((t) => t.id);
}

async function stepsDuringTicket(ctx: ServerContext, ticketId: string) {
  const ticket = await ctx.db
    .selectFrom('queue_tickets')
    .select(['window_id', 'called_at', 'finished_at'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (!ticket?.window_id || !ticket.called_at || !ticket.finished_at) return [];
  const [called, finished] = [Date.parse(ticket.called_at), Date.parse(ticket.finished_at)];
  const linked = await ctx.db
    .selectFrom('queue_ticket_cases')
    .select('case_id')
    .where('ticket_id', '=', ticketId)
    .execute();
  const accepted: { kind: CounterStep; caseId: string }[] = [];
  for (const { case_id } of linked) {
    const done = await stepEvent(ctx, case_id, 'acceptance');
    if (done && Date.parse(done.occurred_at) <= finished + skewMs) {
      accepted.push({ kind: 'acceptance', caseId: case_id });
    }
  }
  const delivered = await ctx.db
    .selectFrom('events')
    .select(['case_id', 'occurred_at'])
    .where('window_id', '=', ticket.window_id)
    .where('status', '=', 'accepted')
    .where('type', '=', 'delivered')
    // pushed after it happened: nothing received before the call is of this visit
    .where('received_at', '>=', ticket.called_at)
    .execute();
  return [
    ...accepted,
    ...delivered
      .filter((e) => Date.parse(e.occurred_at) >= called && Date.parse(e.occurred_at) <= finished)
      .map((e) => ({ kind: 'delivery' as const, caseId: e.case_id })),
  ];
}

/** Refuses the applicant's rating of a service whose visit they already rated another way. */
export async function refuseVisitRatedTwice(
  ctx: ServerContext,
  service: { kind: 'ticket'; ticketId: string } | { kind: CounterStep; caseId: string },
): Promise<void> {
  const others =
    service.kind === 'ticket'
      ? await stepsDuringTicket(ctx, service.ticketId)
      : (await ticketsDuringStep(ctx, service.caseId, service.kind)).map((id) => ({
          kind: 'ticket',
          caseId: id,
        }));
  for (const other of others) {
    if (await ownRating(ctx, other.kind, other.caseId)) {
      throw new HttpError(409, 'conflict', '这次服务已经在窗口评价过了：每次服务只能评价一次');
    }
  }
}

function reachedAt(state: CaseState, step: CaseRatingStep): string | null {
  if (state.status === 'none') return null;
  if (step === 'acceptance') return state.acceptedAt;
  if (step === 'decision') return state.decidedAt;
  return state.deliveredAt;
}

/** The case step named by the number on the applicant's paper, or a refusal that says why. */
export async function caseStep(
  ctx: ServerContext,
  caseNumber: string,
  step: CaseRatingStep,
  channel: RatingSource['channel'],
): Promise<RatedService> {
  const row = await ctx.db
    .selectFrom('cases')
    .select([
      'id',
      'case_number',
      'department_code',
      'window_id',
      'item_code',
      'item_name',
      'state',
    ])
    .where('case_number', '=', caseNumber)
    .executeTakeFirst();
  if (!row) {
    throw new HttpError(404, 'not_found', '没有这个办件编号，请核对文书上的编号', {
      field: 'caseNumber',
    });
  }
  const state = JSON.parse(row.state) as CaseState;
  if (reachedAt(state, step) === null) {
    throw new HttpError(
      409,
      'conflict',
      `本办件尚未${ratingServiceLabels[step]}，暂不能评价这一环节`,
      {
        field: 'step',
      },
    );
  }
  if (step !== 'decision' && channel !== 'paper') {
    await refuseVisitRatedTwice(ctx, { kind: step, caseId: row.id });
  }
  return {
    serviceKind: step,
    serviceId: row.id,
    departmentCode: row.department_code,
    windowId: row.window_id,
    staffId: null,
    caseId: row.id,
    caseNumber: row.case_number,
    itemCode: row.item_code,
    itemName: row.item_name,
    ticketNumber: null,
  };
}

export async function rateCaseStep(
  ctx: ServerContext,
  caseNumber: string,
  step: CaseRatingStep,
  source: RatingSource,
  given: PaperRating['rating'],
): Promise<string> {
  return keepRating(ctx, await caseStep(ctx, caseNumber, step, source.channel), source, given);
}

/** 代录: a signed paper form keyed in by the manager, by its number (unique), counted apart. */
export async function keyInPaperForm(ctx: ServerContext, staff: AuthStaff, form: PaperRating) {
  const id = await rateCaseStep(
    ctx,
    form.caseNumber,
    form.step,
    { channel: 'paper', formNumber: form.formNumber, recordedBy: staff.id },
    form.rating,
  );
  return readRating(ctx.db, id);
}
