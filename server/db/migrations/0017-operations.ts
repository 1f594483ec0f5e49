import type { Kysely, Migration } from 'kysely';

// Operations of a hall of PCs (issue 15 part C).
// - terminal_releases: the terminal versions a manager published from `<data>/updates/<version>/`,
//   with the staging rule (shared/updates) and the protocol the release speaks. A withdrawn
//   release is kept (withdrawn_at) so the record of what was offered stays.
// - device_reports: one row per device, the newest word of its terminal — app version, queue
//   length, last sync error, integrity — and when the center last heard it (last seen).
// - crash_reports: the metadata of each minidump Electron's crashReporter uploaded; the file sits
//   in `<data>/crash-reports/`. device_id is null when the upload named no device the center knows.
export function operations(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('terminal_releases')
        .addColumn('version', 'text', (c) => c.primaryKey())
        .addColumn('protocol', 'integer', (c) => c.notNull())
        .addColumn('percent', 'integer', (c) => c.notNull())
        /** JSON array of window ids offered the release whatever their draw */
        .addColumn('window_ids', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('withdrawn_at', 'text')
        .execute();
      await db.schema
        .createTable('device_reports')
        .addColumn('device_id', 'text', (c) => c.primaryKey().references('devices.id'))
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('app_version', 'text')
        .addColumn('pending', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('integrity', 'text')
        .execute();
      await db.schema
        .createTable('crash_reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.references('devices.id'))
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('product', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('process_type', 'text')
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        /** JSON: the other form fields Electron sent (platform, guid, extra parameters) */
        .addColumn('fields', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('crash_reports_by_device')
        .on('crash_reports')
        .columns(['device_id', 'received_at'])
        .execute();
    },
  };
}
