import { sql, type Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';

// Guessing passwords: 5 failures for one username within 15 minutes lock it for 15 minutes, for
// every center process at once (the counter is a row, updated atomically by an upsert).
export const lockout = { failures: 5, minutes: 15 } as const;

const windowMs = lockout.minutes * 60_000;

/** Until when the username is locked, or null. */
export async function lockedUntil(
  db: Kysely<ServerDb>,
  username: string,
  now: Date,
): Promise<string | null> {
  const row = await db
    .selectFrom('login_attempts')
    .select('locked_until')
    .where('username', '=', username)
    .executeTakeFirst();
  const until = row?.locked_until ?? null;
  return until !== null && until > shanghaiIso(now) ? until : null;
}

/** Counts a failure; the one that reaches the limit locks the username and restarts the count. */
export async function recordFailure(
  db: Kysely<ServerDb>,
  username: string,
  now: Date,
): Promise<void> {
  const at = shanghaiIso(now);
  const windowStart = shanghaiIso(new Date(now.getTime() - windowMs));
  await db.transaction().execute(async (trx) => {
    const { failures } = await trx
      .insertInto('login_attempts')
      .values({ username, failures: 1, last_failed_at: at, locked_until: null })
      .onConflict((oc) =>
        oc.column('username').doUpdateSet({
          failures: sql<number>`case when ${sql.ref('login_attempts.last_failed_at')} < ${windowStart} then 1 else ${sql.ref('login_attempts.failures')} + 1 end`,
          last_failed_at: at,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    if (failures < lockout.failures) return;
    await trx
      .updateTable('login_attempts')
      .set({ failures: 0, locked_until: shanghaiIso(new Date(now.getTime() + windowMs)) })
      .where('username', '=', username)
      .execute();
  });
}

export async function clearFailures(db: Kysely<ServerDb>, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}
