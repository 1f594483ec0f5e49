import type { Kysely, Migration } from 'kysely';

// Review of issue 16 (F3). `cases.applicant_key`: the applicant's resident ID or USCC (shared/case
// applicantKey). Two PCs of a department that did not see each other's open case (one offline, or
// both at once) each receive the same applicant for the same item; the center is the first to
// hold both, and its supervision names the second. Null until the projection is folded again at
// start (shared/case projectionVersion 5): a migration changes tables, it never folds cases.
export function caseApplicant(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('cases').addColumn('applicant_key', 'text').execute();
      await db.schema
        .createIndex('cases_applicant_item')
        .on('cases')
        .columns(['department_code', 'item_code', 'applicant_key'])
        .execute();
    },
  };
}
