import type { Kysely, Migration } from 'kysely';

// Issue 18: the materials' files. `files`: what the center holds (the bytes are in its data
// folder or an S3-compatible store, by SHA-256); a row is written only after the bytes hashed to
// their name. `file_refs`: which department's case names which file, written with the event
// that attaches it — a terminal may fetch a file only when a case of its department names it.
export function files(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('files')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('media_type', 'text', (c) => c.notNull())
        .addColumn('backend', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('file_refs')
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('case_id', 'text', (c) => c.notNull())
        .addColumn('department_code', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('file_refs_pk', ['sha256', 'case_id'])
        .execute();
      await db.schema
        .createIndex('file_refs_department')
        .on('file_refs')
        .columns(['sha256', 'department_code'])
        .execute();
    },
  };
}
