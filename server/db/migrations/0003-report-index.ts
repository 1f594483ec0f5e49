import type { Kysely, Migration } from 'kysely';

// A day's report reads the cases touched since its first day and the open ones: of a center's
// million cases, a few thousand. These two indexes find them without reading the rest.
export function reportIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('cases_updated').on('cases').column('updated_at').execute();
      await db.schema.createIndex('cases_open').on('cases').column('open').execute();
    },
  };
}
