import { sql, type Kysely, type Migration } from 'kysely';
import type { OpenCase } from '../../../shared/case';
import { clockContext } from '../../cases/clocks';
import { completionFacts } from '../../cases/projection';
import type { ServerDb } from '../schema';

// The dashboard's thirty days count, per day, the cases completed and how many of them on time.
// Whether a case was completed on time is settled at its first seal, so the projection keeps it
// as two columns (the seal's time, on time or not): the trend is then a GROUP BY over an index
// instead of folding and measuring tens of thousands of cases on every refresh.
/** The facts of the cases sealed before this version: measured as the report measures them. */
export async function backfillCompletionFacts(db: Kysely<ServerDb>): Promise<number> {
  const c = await clockContext(db, new Date());
  const rows = await sql<{ id: string; state: string }>`
    SELECT id, state FROM cases WHERE state LIKE ${'%"stamp":{%'}`.execute(db);
  for (const row of rows.rows) {
    const facts = completionFacts(JSON.parse(row.state) as OpenCase, c);
    await db.updateTable('cases').set(facts).where('id', '=', row.id).execute();
  }
  return rows.rows.length;
}

export function completionFactsColumns(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('cases').addColumn('sealed_at', 'text').execute();
      await db.schema.alterTable('cases').addColumn('sealed_on_time', 'integer').execute();
      await backfillCompletionFacts(db as Kysely<ServerDb>);
      await db.schema.createIndex('cases_sealed').on('cases').column('sealed_at').execute();
    },
  };
}
