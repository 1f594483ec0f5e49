import type { Kysely, Migration } from 'kysely';

// Failed sign-ins per username. The lockout must hold across every center process sharing the
// database, so the counter lives here rather than in memory.
export function loginAttempts(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('login_attempts')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('failures', 'integer', (c) => c.notNull())
        .addColumn('last_failed_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .execute();
    },
  };
}
