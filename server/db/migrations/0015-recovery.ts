import type { Kysely, Migration } from 'kysely';

// Issue 15 point 1 (part A). `device_readmissions`: every re-registration of a terminal the center
// had lost or revoked — who allowed it (the manager who issued the code), when, and where the
// terminal's chain stood against what the center held — so a re-admission is never silent.
// `terminal_number_floors`: per window, the number below which no new terminal is numbered
// (raised after a restore: numbers issued since the backup are unknown). `center_restores`: each
// restore the center learnt of, by the restore command or detected from a terminal ahead of it.
export function recoveryTables(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('device_readmissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('window_id', 'text', (c) => c.notNull().references('windows.id'))
        .addColumn('terminal_number', 'integer', (c) => c.notNull())
        .addColumn('readmitted_at', 'text', (c) => c.notNull())
        /** the staff id of the manager who issued the code */
        .addColumn('approved_by', 'text', (c) => c.notNull())
        /** the terminal's chain head as it presented it */
        .addColumn('presented_seq', 'bigint', (c) => c.notNull())
        .addColumn('presented_hash', 'text', (c) => c.notNull())
        /** the center's last_seq for the device then; null: the center had no row at all */
        .addColumn('known_seq', 'bigint')
        /** set when the device had been revoked */
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('device_readmissions_device')
        .on('device_readmissions')
        .columns(['device_id', 'readmitted_at'])
        .execute();
      await db.schema
        .createTable('terminal_number_floors')
        .addColumn('window_id', 'text', (c) => c.primaryKey().references('windows.id'))
        .addColumn('floor', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('center_restores')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        /** 'command': `server -- restore` ran afterRestore; 'detected': a terminal was ahead */
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
