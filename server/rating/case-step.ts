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
  if (reachedAt(JSON.parse(row.state) as CaseState, step) === null) {
    throw new HttpError(
      409,
      'conflict',
      `本办件尚未${ratingServiceLabels[step]}，暂不能评价这一环节`,
      {
        field: 'step',
      },
    );
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
  return keepRating(ctx, await caseStep(ctx, caseNumber, step), source, given);
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
