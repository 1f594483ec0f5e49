import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { readRatingSettings } from './settings';
import { shanghaiDate, shanghaiIso } from '../../shared/calendar';
import { isBadRating, rectificationWorkingDays } from '../../shared/case';
import type { RatingChannel, RatingGiven, RatingServiceKind } from '../../shared/center-api';
import { centerCalendar } from '../cases/clocks';
import { isUniqueViolation } from '../db/errors';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { ServerContext } from '../http/spec';

// Issue 17, part 2: every channel keeps its rating here. 一次一评 is the database's unique key on
// the service, not a look before the insert: two requests at once (a double tap, the device and
// the phone) both reach the insert and the second is refused by the index.

/** The service rated and who served it: what the channel found, before the applicant's words. */
export type RatedService = {
  serviceKind: RatingServiceKind;
  serviceId: string;
  departmentCode: string;
  windowId: string | null;
  staffId: string | null;
  caseId: string | null;
  caseNumber: string | null;
  itemCode: string | null;
  itemName: string | null;
  ticketNumber: string | null;
};

export type RatingSource =
  | { channel: Exclude<RatingChannel, 'paper'> }
  | { channel: 'paper'; formNumber: string; recordedBy: string };

/** A bad rating's follow-up (回访) and rectification due dates, on the center's calendar. */
async function followUpFor(ctx: ServerContext, ratingId: string, at: string) {
  const calendar = await centerCalendar(ctx.db);
  const today = shanghaiDate(at);
  return {
    rating_id: ratingId,
    due_date: calendar.addWorkingDays(today, (await readRatingSettings(ctx.db)).followUpDays),
    rectification_due: calendar.addWorkingDays(today, rectificationWorkingDays),
  };
}

export async function keepRating(
  ctx: ServerContext,
  service: RatedService,
  source: RatingSource,
  given: RatingGiven,
): Promise<string> {
  const id = randomUUID();
  const at = shanghaiIso(ctx.now());
  const followUp = isBadRating(given.level) ? await followUpFor(ctx, id, at) : null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('ratings')
        .values({
          id,
          service_kind: service.serviceKind,
          service_id: service.serviceId,
          channel: source.channel,
          form_number: source.channel === 'paper' ? source.formNumber : null,
          recorded_by: source.channel === 'paper' ? source.recordedBy : null,
          level: given.level,
          reasons: JSON.stringify(given.reasons),
          comment: given.comment ? given.comment : null,
          rated_at: at,
          department_code: service.departmentCode,
          window_id: service.windowId,
          staff_id: service.staffId,
          case_id: service.caseId,
          case_number: service.caseNumber,
          item_code: service.itemCode,
          item_name: service.itemName,
          ticket_number: service.ticketNumber,
        })
        .execute();
      if (followUp) await trx.insertInto('rating_follow_ups').values(followUp).execute();
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw await refusalOf(ctx.db, source);
  }
  return id;
}

async function refusalOf(db: Kysely<ServerDb>, source: RatingSource): Promise<HttpError> {
  if (source.channel === 'paper') {
    const form = await db
      .selectFrom('ratings')
      .select('id')
      .where('form_number', '=', source.formNumber)
      .executeTakeFirst();
    if (form) {
      return new HttpError(409, 'conflict', `评价表 ${source.formNumber} 已经录入过`, {
        field: 'formNumber',
      });
    }
  }
  return new HttpError(409, 'conflict', '这次服务已经评价过了：每次服务只能评价一次');
}
