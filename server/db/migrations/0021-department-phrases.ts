import type { Kysely, Migration } from 'kysely';

// Part W of issue 16. `department_phrases`: the 常用语 of each department, per kind (refusal
// reason, deny reason, legal basis, supplement note, review opinion), in the order the window is
// offered them. A center updated to this release starts with none; a new center is seeded with
// the shipped defaults (server/seed.ts). They travel to the department's terminals with the
// catalog (server/sync/reference.ts), so a change bumps the catalog version.
export function departmentPhrases(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('department_phrases')
        .addColumn('department_code', 'text', (c) => c.notNull().references('departments.code'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('department_phrases_pk', ['department_code', 'kind', 'position'])
        .execute();
    },
  };
}
