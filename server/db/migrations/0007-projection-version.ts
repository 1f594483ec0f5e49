import type { Kysely, Migration } from 'kysely';

// Which summary of a case the `cases` rows hold (shared/case projectionVersion). Created empty: a
// center that migrates to this version has rows no version vouches for, so they are folded again
// at start (server/cases/rebuild.ts), which also fills what 0006 added.
export function projectionVersionTable(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('projection_version')
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
    },
  };
}
