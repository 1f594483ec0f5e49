import { sql, type Kysely, type Migration } from 'kysely';

// Review of issue 17, part 2. A paper form keyed in by staff (代录) must never use up the
// applicant's own rating of the same service: a manager could otherwise key a 满意 form first and
// the applicant's 非常不满意 through the QR would be refused. 一次一评 now holds per kind of
// rater — one applicant rating (device, QR, SMS) and one paper form per service — and the
// applicant's own rating, when both exist, is the one counted (server/rating/views.ts).
// A follow-up (回访) now keeps when it was recorded, by the center's clock: the time the manager
// types is when the applicant was reached, and a late record must stay visible as late.
export function ratingReview(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('ratings_service').execute();
      await db.schema
        .createIndex('ratings_service_own')
        .on('ratings')
        .columns(['service_kind', 'service_id'])
        .unique()
        .where(sql.ref('channel'), '<>', 'paper')
        .execute();
      await db.schema
        .createIndex('ratings_service_paper')
        .on('ratings')
        .columns(['service_kind', 'service_id'])
        .unique()
        .where(sql.ref('channel'), '=', 'paper')
        .execute();
      await db.schema.alterTable('rating_follow_ups').addColumn('recorded_at', 'text').execute();
    },
  };
}
