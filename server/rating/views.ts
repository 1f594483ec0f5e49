import type { Kysely } from 'kysely';
import { endOfDay } from '../../shared/calendar';
import {
  followUpMethods,
  ratingChannels,
  ratingRecordSchema,
  ratingServiceKinds,
  type RatingPeriod,
  type RatingRecord,
} from '../../shared/center-api';
import type { ServerDb } from '../db/schema';
import { notFound } from '../admin/access';

// Issue 17, part 2: a rating as the manager and the supervisor read it, with its appeal and its
// follow-up. Nothing of the applicant is stored, so nothing of them can show.

function ratingRows(db: Kysely<ServerDb>) {
  return (
    db
      .selectFrom('ratings as r')
      .leftJoin('departments as d', 'd.code', 'r.department_code')
      .leftJoin('windows as w', 'w.id', 'r.window_id')
      .leftJoin('staff as s', 's.id', 'r.staff_id')
      .leftJoin('rating_appeals as a', 'a.rating_id', 'r.id')
      .leftJoin('rating_follow_ups as f', 'f.rating_id', 'r.id')
      // a paper form of a service the applicant also rated themselves: theirs is the one counted
      .leftJoin('ratings as own', (j) =>
        j
          .onRef('own.service_kind', '=', 'r.service_kind')
          .onRef('own.service_id', '=', 'r.service_id')
          .on('own.channel', '<>', 'paper')
          .on('r.channel', '=', 'paper'),
      )
      .select([
        'r.id',
        'r.service_kind',
        'r.channel',
        'r.form_number',
        'r.level',
        'r.reasons',
        'r.comment',
        'r.rated_at',
        'r.department_code',
        'r.window_id',
        'd.name as department_name',
        'w.code as window_code',
        'w.name as window_name',
        's.name as staff_name',
        'r.case_number',
        'r.item_code',
        'r.item_name',
        'r.ticket_number',
        'r.staff_id',
        'r.case_id',
        'r.pushed_at',
        'a.reason as appeal_reason',
        'a.appealed_at',
        'a.decision',
        'a.decision_note',
        'a.decided_at',
        'f.due_date',
        'f.rectification_due',
        'f.contacted_by',
        'f.contacted_at',
        'f.method',
        'f.result',
        'f.rectification',
        'f.recorded_at as follow_up_recorded_at',
        'own.id as superseded_by',
      ])
  );
}

export type RatingRow = Awaited<
  ReturnType<ReturnType<typeof ratingRows>['executeTakeFirstOrThrow']>
>;

/** Out of every count: an appeal upheld, or a paper form the applicant's own rating replaced. */
export function isCounted(row: RatingRow): boolean {
  return row.decision !== 'upheld' && row.superseded_by === null;
}

export function toRecord(row: RatingRow): RatingRecord {
  return ratingRecordSchema.parse({
    id: row.id,
    serviceKind: ratingServiceKinds.find((k) => k === row.service_kind),
    channel: ratingChannels.find((c) => c === row.channel),
    formNumber: row.form_number,
    level: Number(row.level),
    reasons: JSON.parse(row.reasons) as unknown,
    comment: row.comment,
    ratedAt: row.rated_at,
    departmentCode: row.department_code,
    windowCode: row.window_code,
    staffName: row.staff_name,
    caseNumber: row.case_number,
    itemName: row.item_name,
    ticketNumber: row.ticket_number,
    counted: isCounted(row),
    superseded: row.superseded_by !== null,
    appeal:
      row.appeal_reason === null || row.appealed_at === null
        ? null
        : {
            reason: row.appeal_reason,
            appealedAt: row.appealed_at,
            decision: row.decision,
            decisionNote: row.decision_note,
            decidedAt: row.decided_at,
          },
    followUp:
      row.due_date === null || row.rectification_due === null
        ? null
        : {
            dueDate: row.due_date,
            rectificationDue: row.rectification_due,
            contactedBy: row.contacted_by,
            contactedAt: row.contacted_at,
            recordedAt: row.follow_up_recorded_at,
            method: followUpMethods.find((m) => m === row.method) ?? null,
            result: row.result,
            rectification: row.rectification,
          },
  });
}

/** One rating's row, for the provincial push. */
export function ratingRow(db: Kysely<ServerDb>, id: string): Promise<RatingRow> {
  return ratingRows(db).where('r.id', '=', id).executeTakeFirstOrThrow();
}

export async function readRating(db: Kysely<ServerDb>, id: string): Promise<RatingRecord> {
  const row = await ratingRows(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('这条评价');
  return toRecord(row);
}

/** The ratings given in a period (Beijing days, both ends included), oldest first. */
export function ratingsOf(db: Kysely<ServerDb>, period: RatingPeriod) {
  return ratingRows(db)
    .where('r.rated_at', '>=', `${period.from}T00:00:00+08:00`)
    .where('r.rated_at', '<', endOfDay(period.to))
    .$if(period.department !== undefined, (q) =>
      q.where('r.department_code', '=', period.department ?? ''),
    )
    .orderBy('r.rated_at')
    .orderBy('r.id')
    .execute();
}
