import { sql, type Kysely, type Migration } from 'kysely';

// Sign-in guessing is counted per (username, client address), per address and per username,
// each a row of its own (server/auth/lockout.ts), replacing 0002's one row per username: a lock
// keyed by username alone let anyone keep the manager out. `locks` is how many locks in a row
// the key has earned (the backoff), `last_success_at` marks an address a username signed in
// from (the account-wide throttle spares it). The old per-username counts carry over as
// account rows, so an update does not forget a lock in force.
export function loginGuards(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('login_guards')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('locks', 'integer', (c) => c.notNull())
        .addColumn('last_success_at', 'text')
        .execute();
      await sql`insert into login_guards (key, attempts, window_start, locked_until, locks, last_success_at)
        select 'account|' || username, failures, last_failed_at, locked_until,
          case when locked_until is null then 0 else 1 end, null
        from login_attempts`.execute(db);
      await db.schema.dropTable('login_attempts').execute();
      // refused device calls, counted per source and day (server/supervision/device-alerts.ts):
      // the alert says how many, and the count of sources a day is what caps the alerts
      await db.schema
        .createTable('device_refusals')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('refusals', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('device_refusals_pk', ['day', 'source'])
        .execute();
    },
  };
}
