import { sql, type Kysely, type Migration } from 'kysely';

// A day's report reads the cases with an event since its first day and the open ones: of a
// center's million cases, a few thousand. `updated_at` is the center's clock at the push, which
// an offline window's late sync moves; the report needs the time of the case's last event.
export function reportIndexes(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('cases').addColumn('last_event_at', 'text').execute();
      const rows = await sql<{ id: string; state: string }>`SELECT id, state FROM cases`.execute(
        db,
      );
      for (const row of rows.rows) {
        const last = (JSON.parse(row.state) as { lastOccurredAt?: string }).lastOccurredAt ?? '';
        await sql`UPDATE cases SET last_event_at = ${last} WHERE id = ${row.id}`.execute(db);
      }
      await db.schema.createIndex('cases_last_event').on('cases').column('last_event_at').execute();
      await db.schema.createIndex('cases_open').on('cases').column('open').execute();
    },
  };
}
