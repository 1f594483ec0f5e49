import type { Selectable } from 'kysely';
import { roleSchema, ruleMessages } from '../../shared/case';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { ServerContext } from '../http/spec';
import { beginAttempt } from './lockout';
import { hashPassword, needsRehash, verifyPassword } from '../../node-shared/passwords';
import { bumpVersion } from '../reference/versions';
import { createSession } from './sessions';
import type { LoginResponse } from '../../shared/center-api';

// An unknown username costs the same scrypt as a known one, so response times do not tell
// which usernames exist.
let dummyHash: Promise<string> | null = null;

export type StaffRow = Selectable<ServerDb['staff']>;

/** '2026-03-02T09:15:00.000+08:00' → '2026-03-02 09:15' (Beijing time, as stored). */
const minuteOf = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/**
 * The one way to check a staff member's password at the center: sign-in, and every call that
 * asks for the password again (a chief registering a seal key). The lockout (./lockout.ts) comes
 * first and holds a slot for this attempt during the slow hash, so parallel guesses through any
 * of these calls share one budget. `address` is the client's (clientAddress of request.ip).
 * Returns the active staff member the password belongs to; refuses with the rule's id.
 */
export async function checkStaffPassword(
  ctx: Pick<ServerContext, 'db' | 'now' | 'passwordCost'>,
  username: string,
  password: string,
  address: string,
): Promise<StaffRow> {
  const attempt = await beginAttempt(ctx.db, username, address, ctx.now());
  if ('lockedUntil' in attempt) {
    throw new HttpError(
      429,
      'unauthenticated',
      `${ruleMessages['signIn.locked']}（${minuteOf(attempt.lockedUntil)} 后可再试）`,
      { rule: 'signIn.locked' },
    );
  }
  let staff: StaffRow | undefined;
  let valid: boolean;
  try {
    staff = await ctx.db
      .selectFrom('staff')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    const stored = staff?.password_hash ?? (await (dummyHash ??= hashPassword('-')));
    valid = (await verifyPassword(password, stored)) && staff !== undefined;
  } catch (error) {
    await attempt.abandoned();
    throw error;
  }
  if (!staff || !valid) {
    await attempt.failed();
    throw new HttpError(401, 'unauthenticated', ruleMessages['signIn.wrongPassword'], {
      rule: 'signIn.wrongPassword',
    });
  }
  await attempt.succeeded();
  if (staff.active !== 1) {
    throw new HttpError(401, 'unauthenticated', ruleMessages['signIn.inactive'], {
      rule: 'signIn.inactive',
    });
  }
  if (needsRehash(staff.password_hash, ctx.passwordCost)) {
    // the password was right: a database that cannot take the stronger hash now must not turn the
    // sign-in into a failure; the old hash stays and the next sign-in tries again
    await rehash(ctx, staff, password).catch(() => undefined);
  }
  return staff;
}

/**
 * A hash made with parameters weaker than today's is made anew while the password is in hand: the
 * only moment it ever is. Only if it is still the hash that verified (a manager may have reset the
 * password meanwhile), and with the staff version raised, so that the terminals, which verify
 * sign-ins with the hash they pulled, get the stronger one at their next pull.
 */
async function rehash(
  ctx: Pick<ServerContext, 'db' | 'passwordCost'>,
  staff: StaffRow,
  password: string,
): Promise<void> {
  const stronger = await hashPassword(password, ctx.passwordCost);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('staff')
      .set({ password_hash: stronger })
      .where('id', '=', staff.id)
      .where('password_hash', '=', staff.password_hash)
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) await bumpVersion(trx, 'staff');
  });
}

/** Checks the password (lockout first), then opens a session. */
export async function login(
  ctx: Pick<ServerContext, 'db' | 'now' | 'passwordCost'>,
  username: string,
  password: string,
  address: string,
): Promise<LoginResponse> {
  const staff = await checkStaffPassword(ctx, username, password, address);
  const token = await createSession(ctx.db, staff.id, ctx.now());
  return {
    token,
    staff: {
      id: staff.id,
      username: staff.username,
      name: staff.name,
      role: roleSchema.parse(staff.role),
      windowId: staff.window_id,
    },
  };
}
