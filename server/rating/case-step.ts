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

/** how far the terminal's clock (the acceptance) and the center's (the ticket) may disagree */
const skewMinutes = 10;

/**
 * The ticket whose visit included the case's acceptance: the case was received for it and the
 * clerk finished it after accepting. One visit is one service (一次一评): rated at the window's
 * device as the ticket, it is not rated again as the acceptance through the notice's QR, nor
 * the other way round. A case accepted on a later visit (after 补正) has no such ticket.
 */
export async function visitOfAcceptance(
  ctx: ServerContext,
  caseId: string,
  acceptedAt: string,
): Promise<string | null> {
  const linked = await ctx.db
    .selectFrom('queue_ticket_cases as l')
    .innerJoin('queue_tickets as t', 't.id', 'l.ticket_id')
    .select(['t.id', 't.finished_at'])
    .where('l.case_id', '=', caseId)
    .where('t.finished_at', 'is not', null)
    .execute();
  const from = Date.parse(acceptedAt) - skewMinutes * 60_000;
  return linked.find((t) => Date.parse(t.finished_at ?? '') >= from)?.id ?? null;
}

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

const visitRated = () =>
  new HttpError(409, 'conflict', '这次服务已经在窗口评价过了：每次服务只能评价一次');

/** Refuses the applicant's rating of a service whose visit they already rated another way. */
export async function refuseVisitRatedTwice(
  ctx: ServerContext,
  caseId: string,
  acceptedAt: string | null,
  rating: { kind: 'ticket'; ticketId: string } | { kind: 'acceptance' },
): Promise<void> {
  if (acceptedAt === null) return;
  const visit = await visitOfAcceptance(ctx, caseId, acceptedAt);
  if (visit === null) return;
  const other =
    rating.kind === 'ticket'
      ? rating.ticketId === visit && (await ownRating(ctx, 'acceptance', caseId))
      : await ownRating(ctx, 'ticket', visit);
  if (other) throw visitRated();
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
  if (step === 'acceptance' && channel !== 'paper' && state.status !== 'none') {
    await refuseVisitRatedTwice(ctx, row.id, state.acceptedAt, { kind: 'acceptance' });
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
