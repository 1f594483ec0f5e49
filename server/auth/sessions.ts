import type { Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { newBearerToken, sha256Hex } from '../http/tokens';

/** A working day and then some: a manager signs in once a day. */
export const sessionHours = 12;

/** Starts a session; the token goes to the client once and only its hash stays here. */
export async function createSession(
  db: Kysely<ServerDb>,
  staffId: string,
  now: Date,
): Promise<string> {
  const token = newBearerToken();
  await db
    .insertInto('sessions')
    .values({
      token_hash: sha256Hex(token),
      staff_id: staffId,
      created_at: shanghaiIso(now),
      expires_at: shanghaiIso(new Date(now.getTime() + sessionHours * 3_600_000)),
    })
    .execute();
  return token;
}

export async function endSession(db: Kysely<ServerDb>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sessionId).execute();
}

/** A deactivated member or a reset password must not keep a session alive somewhere. */
export async function endSessionsOf(db: Kysely<ServerDb>, staffId: string): Promise<void> {
  await db.deleteFrom('sessions').where('staff_id', '=', staffId).execute();
}
