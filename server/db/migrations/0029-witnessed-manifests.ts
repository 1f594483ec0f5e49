import type { Kysely, Migration } from 'kysely';

// Second review of issue 18: every manifest the center put its receipt to, by which PC and when.
// A PC of the department could otherwise have the center witness a rewritten archive long after
// the export and leave no trace; now an auditor can list what was witnessed for a case.
export function witnessedManifests(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('witnessed_manifests')
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('manifest_sha256', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('witnessed_manifests_case')
        .on('witnessed_manifests')
        .columns(['case_id', 'issued_at'])
        .execute();
    },
  };
}
