import type { Kysely, Selectable } from 'kysely';
import { roleSchema, ruleMessages } from '../../shared/case';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import { clearFailures, lockedUntil, lockout, recordFailure } from './lockout';
import { hashPassword, verifyPassword } from '../../node-shared/passwords';
import { createSession } from './sessions';
import type { LoginResponse } from '../../shared/center-api';

// An unknown username costs the same scrypt as a known one, so response times do not tell
// which usernames exist.
let dummyHash: Promise<string> | null = null;

type StaffRow = Selectable<ServerDb['staff']>;

/**
 * The sign-in's password check, lockout first: for sign-in itself and for whatever else a staff
 * member proves with the password (a chief registering a seal key at a terminal), so that both
 * count against the same lockout.
 */
export async function checkStaffPassword(
  db: Kysely<ServerDb>,
  username: string,
  password: string,
  now: Date,
): Promise<StaffRow> {
  if (await lockedUntil(db, username, now)) {
    throw new HttpError(
      429,
      'unauthenticated',
      `登录失败次数过多，请${lockout.minutes}分钟后再试`,
      { rule: 'signIn.locked' },
    );
  }
  const staff = await db
    .selectFrom('staff')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const stored = staff?.password_hash ?? (await (dummyHash ??= hashPassword('-')));
  if (!staff || !(await verifyPassword(password, stored))) {
    await recordFailure(db, username, now);
    throw new HttpError(401, 'unauthenticated', ruleMessages['signIn.wrongPassword'], {
      rule: 'signIn.wrongPassword',
    });
  }
  if (staff.active !== 1) {
    throw new HttpError(401, 'unauthenticated', ruleMessages['signIn.inactive'], {
      rule: 'signIn.inactive',
    });
  }
  await clearFailures(db, username);
  return staff;
}

/** Checks the password (lockout first), then opens a session. */
export async function login(
  db: Kysely<ServerDb>,
  username: string,
  password: string,
  now: Date,
): Promise<LoginResponse> {
  const staff = await checkStaffPassword(db, username, password, now);
  const token = await createSession(db, staff.id, now);
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
