import type { Kysely, Migration } from 'kysely';

// Each terminal's clock against the center's, as measured on its requests (issue 13 point 4).
// A row is written when the offset changed meaningfully, crossed the tolerance, or an hour
// passed — not on every 30-second round of 300 PCs — so the table is the device's history and
// its newest row the current word. `skewed` says whether that row was beyond the tolerance.
// `devices.last_event_at` is the latest time among the device's accepted events.
export function deviceClock(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('device_clock')
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
        .addColumn('measured_at', 'text', (c) => c.notNull())
        .addColumn('offset_ms', 'bigint', (c) => c.notNull())
        .addColumn('correction_ms', 'bigint')
        .addColumn('skewed', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('device_clock_by_device')
        .on('device_clock')
        .columns(['device_id', 'measured_at'])
        .execute();
      // the latest time among the device's accepted events: a PC writes forward in time, so an
      // event dated well before it was backdated (a deactivated chief, a lapsed limit)
      await db.schema.alterTable('devices').addColumn('last_event_at', 'text').execute();
    },
  };
}
