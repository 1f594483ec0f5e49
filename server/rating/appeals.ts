import { shanghaiIso } from '../../shared/calendar';
import { isBadRating } from '../../shared/case';
import type { FollowUp } from '../../shared/center-api';
import { isUniqueViolation } from '../db/errors';
import { HttpError } from '../http/errors';
import type { AuthStaff, ServerContext } from '../http/spec';
import { readRating } from './views';

// Issue 17, part 2: what follows a rating. The window may appeal one it believes false (申诉); the
// supervisor decides; an appeal upheld takes the rating out of the counts while the rating, the
// appeal and both reasons stay on record. A bad rating's follow-up (回访) is recorded by the
// manager. None of these touches the rating's own row.

/** Who appeals: a member of the window, signed in to the center or at the window's terminal. */
export type Appellant = { windowId: string | null; staffId: string };

export async function appealRating(
  ctx: ServerContext,
  by: Appellant,
  ratingId: string,
  reason: string,
) {
  const rating = await ctx.db
    .selectFrom('ratings')
    .select(['window_id', 'level'])
    .where('id', '=', ratingId)
    .executeTakeFirst();
  if (!rating) throw new HttpError(404, 'not_found', '这条评价不存在');
  // 申诉 disputes a 差评 the window believes false; praise has nothing to dispute
  if (!isBadRating(Number(rating.level))) {
    throw new HttpError(409, 'conflict', '只能申诉差评（不满意、非常不满意）');
  }
  // the window's own staff only: a rating of another window is not theirs to dispute
  if (rating.window_id === null || rating.window_id !== by.windowId) {
    throw new HttpError(403, 'forbidden', '只能申诉本窗口收到的评价');
  }
  try {
    await ctx.db
      .insertInto('rating_appeals')
      .values({
        rating_id: ratingId,
        reason,
        appealed_at: shanghaiIso(ctx.now()),
        appealed_by: by.staffId,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new HttpError(409, 'conflict', '这条评价已经申诉过');
    throw error;
  }
  return readRating(ctx.db, ratingId);
}

export async function decideAppeal(
  ctx: ServerContext,
  staff: AuthStaff,
  ratingId: string,
  upheld: boolean,
  note: string,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const decided = await trx
      .updateTable('rating_appeals')
      .set({
        decision: upheld ? 'upheld' : 'rejected',
        decision_note: note,
        decided_at: shanghaiIso(ctx.now()),
        decided_by: staff.id,
      })
      .where('rating_id', '=', ratingId)
      .where('decision', 'is', null)
      .executeTakeFirst();
    if (Number(decided.numUpdatedRows) !== 1) {
      throw new HttpError(409, 'conflict', '这条评价没有待裁定的申诉');
    }
    // the province holds the rating as first sent: it is sent again with the decision (the
    // rating's id lets the province keep the newer), or an appealed-away 差评 stays counted there.
    // A send in flight loses its claim here and records nothing (server/rating/push.ts).
    await trx
      .updateTable('ratings')
      .set({ pushed_at: null, next_push_at: null, push_attempts: 0, push_error: null })
      .where('id', '=', ratingId)
      .execute();
  });
  return readRating(ctx.db, ratingId);
}

export async function recordFollowUp(
  ctx: ServerContext,
  staff: AuthStaff,
  ratingId: string,
  followUp: FollowUp,
) {
  const rating = await readRating(ctx.db, ratingId);
  if (!isBadRating(rating.level)) throw new HttpError(409, 'conflict', '只有差评需要回访');
  // out of the counts (an appeal upheld, a paper form the applicant's own replaced): nothing is due
  if (!rating.counted) throw new HttpError(409, 'conflict', '这条评价已不计入统计，无需回访');
  // the time typed is when the applicant was reached: after the rating, not in the future
  const contacted = Date.parse(followUp.contactedAt);
  if (contacted < Date.parse(rating.ratedAt) || contacted > ctx.now().getTime() + 60_000) {
    throw new HttpError(400, 'invalid_input', '回访时间应在评价之后、当前时间之前', {
      field: 'contactedAt',
    });
  }
  const done = await ctx.db
    .updateTable('rating_follow_ups')
    .set({
      contacted_by: followUp.contactedBy,
      contacted_at: followUp.contactedAt,
      method: followUp.method,
      result: followUp.result,
      rectification: followUp.rectification ? followUp.rectification : null,
      rectified_at: followUp.rectification ? shanghaiIso(ctx.now()) : null,
      recorded_by: staff.id,
      // the center's clock: a follow-up recorded after its due date shows as late
      recorded_at: shanghaiIso(ctx.now()),
    })
    .where('rating_id', '=', ratingId)
    .where('contacted_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new HttpError(409, 'conflict', '这条差评已经回访过');
  return readRating(ctx.db, ratingId);
}
