import type { Kysely, Migration } from 'kysely';

// Issue 14 point 12. `official_years`: the State Council's table of a year as the center's manager
// entered it when it was published (it replaces the table the program ships for that year; one
// row per year, a new entry replaces the old). `calendar_versions`: the data of every calendar
// version the center made, by its content hash, so that a case is measured on the version it
// pinned, and an event naming a version can be checked against one the center really made.
export function calendarTables(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('official_years')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('holidays', 'text', (c) => c.notNull())
        .addColumn('workdays', 'text', (c) => c.notNull())
        .addColumn('entered_by', 'text', (c) => c.notNull())
        .addColumn('entered_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('calendar_versions')
        .addColumn('version', 'text', (c) => c.primaryKey())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
