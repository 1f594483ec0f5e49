import { sql, type Kysely, type Migration } from 'kysely';

// Issue 15 point 7. `staff.center_only`: an account that signs in at the center only, never at a
// window PC — so its password hash is never sent to a terminal (server/sync/reference.ts). The
// account every center is seeded with, the manager `admin`, is one: a stolen hall PC must not
// carry the hash that administers the whole center. The staff version is raised so that every
// terminal pulls the staff again and drops the hashes it no longer receives (the admin's, and
// those of deactivated staff, which reference.ts no longer sends either).
export function centerOnlyStaff(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('staff')
        .addColumn('center_only', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`UPDATE staff SET center_only = 1
                WHERE username = 'admin' AND role = 'manager' AND window_id IS NULL`.execute(db);
      // only where there are staff: a terminal of a center without any holds no hash to drop
      await sql`UPDATE reference_versions SET version = version + 1
                WHERE kind = 'staff' AND EXISTS (SELECT 1 FROM staff)`.execute(db);
    },
  };
}
