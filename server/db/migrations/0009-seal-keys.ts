import type { Kysely, Migration } from 'kysely';

// The chiefs' seal keys (issue 13): the public half of each key a chief made at a terminal,
// registered with the chief's password and the key's own signature. A chief may hold keys on
// several PCs; revoked_at (the chief deactivated) ends every stamp after it.
export function sealKeys(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('seal_keys')
        .addColumn('key_id', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
        .addColumn('registered_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('seal_keys_staff').on('seal_keys').column('staff_id').execute();
    },
  };
}
