import { sql, type Kysely, type Migration } from 'kysely';

// What the center judges a pushed event by, as it stood at the event's time: a terminal may be
// offline for days, so "who is this clerk now" is the wrong question for an event of last week.
// Each table only grows: a change appends a row valid from its time; nothing is updated.
//
// The rows already there when a center migrates were in force for as long as anyone can tell, so
// they are backfilled valid since always: events signed before this version are judged by them.
export const sinceAlways = '1970-01-01T08:00:00.000+08:00';

export function authorityHistory(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('staff_history')
        .addColumn('staff_id', 'text', (c) => c.notNull())
        // the order of a member's changes, whatever the clock says
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('window_id', 'text')
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('staff_history_pk', ['staff_id', 'seq'])
        .execute();
      // no foreign key to items: a deleted item's versions stay, the cases received under them do
      await db.schema
        .createTable('item_versions')
        .addColumn('item_code', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('item_versions_pk', ['item_code', 'seq'])
        .execute();
      await db.schema
        .createTable('window_power_history')
        .addColumn('window_id', 'text', (c) => c.notNull())
        .addColumn('item_code', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        // JSON array of shared/catalog Power; null: nothing delegated from then on
        .addColumn('powers', 'text')
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('window_power_history_pk', ['window_id', 'item_code', 'seq'])
        .execute();

      const since = sql.lit(sinceAlways);
      await sql`INSERT INTO staff_history (staff_id, seq, name, role, window_id, active, valid_from)
        SELECT id, 1, name, role, window_id, active, ${since} FROM staff`.execute(db);
      await sql`INSERT INTO item_versions (item_code, seq, data, published_at)
        SELECT code, 1, data, ${since} FROM items`.execute(db);
      await sql`INSERT INTO window_power_history (window_id, item_code, seq, powers, valid_from)
        SELECT window_id, item_code, 1, powers, ${since} FROM window_powers`.execute(db);
    },
  };
}
