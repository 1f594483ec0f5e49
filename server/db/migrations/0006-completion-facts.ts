import type { Kysely, Migration } from 'kysely';

// The dashboard's thirty days count, per day, the cases completed and how many of them on time.
// Whether a case was completed on time is settled at its first seal, so the projection keeps it
// as two columns (the seal's time, on time or not): the trend is then a GROUP BY over an index
// instead of folding and measuring tens of thousands of cases on every refresh. The cases sealed
// before this version get their facts when the projection is folded again at start (0007): a
// migration changes tables, it never folds cases with the program's code of the day.
export function completionFactsColumns(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('cases').addColumn('sealed_at', 'text').execute();
      await db.schema.alterTable('cases').addColumn('sealed_on_time', 'integer').execute();
      await db.schema.createIndex('cases_sealed').on('cases').column('sealed_at').execute();
    },
  };
}
