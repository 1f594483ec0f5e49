import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { roleSchema, type Role } from '../../shared/case';
import type { StaffChange, StaffSummary } from '../../shared/center-api';
import { hashPassword } from '../../node-shared/passwords';
import { endSessionsOf } from '../auth/sessions';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { bumpVersion } from '../reference/versions';
import { conflict, invalid, notFound, signedIn } from './access';
import { findWindow } from './windows';
import { recordStaff } from './history';
import { shanghaiIso } from '../../shared/calendar';
import { revokeSealKeys } from '../seal/keys';

const windowRoles: readonly Role[] = ['clerk', 'reviewer', 'chief'];

async function readStaff(db: Kysely<ServerDb>, id?: string): Promise<StaffSummary[]> {
  let query = db
    .selectFrom('staff')
    .select(['id', 'username', 'name', 'role', 'window_id', 'active', 'center_only'])
    .orderBy('username');
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    name: row.name,
    role: roleSchema.parse(row.role),
    windowId: row.window_id,
    active: row.active === 1,
    centerOnly: row.center_only === 1,
  }));
}

async function staffById(db: Kysely<ServerDb>, id: string): Promise<StaffSummary> {
  const [member] = await readStaff(db, id);
  if (!member) throw notFound('人员');
  return member;
}

/**
 * Window staff sit at an existing window and sign in at its PCs; managers and supervisors sit at
 * none, and may be kept to the center (centerOnly: no window PC receives their hash).
 */
async function checkPlacement(
  db: Kysely<ServerDb>,
  role: Role,
  windowId: string | null,
  centerOnly: boolean | undefined,
) {
  if (!windowRoles.includes(role)) {
    if (windowId !== null) {
      throw invalid('body.windowId', '管理员和督查人员不属于窗口');
    }
    return;
  }
  if (centerOnly === true) {
    throw invalid('body.centerOnly', '窗口人员在窗口电脑登录，不能设为仅在中心登录');
  }
  if (windowId === null) {
    throw invalid('body.windowId', '窗口人员须指定窗口');
  }
  if (!(await findWindow(db, windowId))) {
    throw invalid('body.windowId', '窗口不存在');
  }
}

/** Read-only, so it runs before the costly hash; a race past it meets the UNIQUE index (409). */
async function checkNewStaff(db: Kysely<ServerDb>, member: StaffChange & { username: string }) {
  await checkPlacement(db, member.role, member.windowId, member.centerOnly);
  const taken = await db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', member.username)
    .executeTakeFirst();
  if (taken) throw conflict('body.username', `用户名已存在: ${member.username}`);
}

// Each change of who a member is (name, role, window, active) is appended to staff_history in
// its transaction, from `at`: the center judges an event by the record in force at its time.
async function createStaff(
  trx: Transaction<ServerDb>,
  member: StaffChange & NewLogin & { centerOnly: boolean },
  at: string,
) {
  await trx
    .insertInto('staff')
    .values({
      id: member.id,
      username: member.username,
      name: member.name,
      role: member.role,
      window_id: member.windowId,
      password_hash: member.passwordHash,
      active: 1,
      center_only: member.centerOnly ? 1 : 0,
    })
    .execute();
  await recordStaff(trx, member.id, at);
  await bumpVersion(trx, 'staff');
}
type NewLogin = { id: string; username: string; passwordHash: string };

async function updateStaff(
  trx: Transaction<ServerDb>,
  id: string,
  change: StaffChange,
  byId: string,
  at: string,
) {
  // a manager signs in at a window PC to administer the center: kept to the center, they could not
  if (id === byId && change.centerOnly === true) {
    throw conflict('body.centerOnly', '不能把自己的账号设为仅在中心登录');
  }
  await staffById(trx, id);
  await checkPlacement(trx, change.role, change.windowId, change.centerOnly);
  // window staff are never center-only; for the others an update without the field keeps it
  const centerOnly = windowRoles.includes(change.role) ? false : change.centerOnly;
  await trx
    .updateTable('staff')
    .set({
      name: change.name,
      role: change.role,
      window_id: change.windowId,
      ...(centerOnly === undefined ? {} : { center_only: centerOnly ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();
  await recordStaff(trx, id, at);
  await bumpVersion(trx, 'staff');
}

/** A manager locking themselves out leaves nobody to undo it. */
async function deactivateStaff(trx: Transaction<ServerDb>, id: string, byId: string, at: string) {
  if (id === byId) throw conflict('params.id', '不能停用自己的账号');
  const member = await staffById(trx, id);
  if (!member.active) return;
  await trx.updateTable('staff').set({ active: 0 }).where('id', '=', id).execute();
  await recordStaff(trx, id, at);
  await endSessionsOf(trx, id);
  await bumpVersion(trx, 'staff');
}

async function setPassword(trx: Transaction<ServerDb>, id: string, passwordHash: string) {
  await staffById(trx, id);
  await trx
    .updateTable('staff')
    .set({ password_hash: passwordHash })
    .where('id', '=', id)
    .execute();
  await endSessionsOf(trx, id);
  // the terminals verify offline sign-ins with the hash they pulled: they must get the new one
  await bumpVersion(trx, 'staff');
}

export const staffHandlers = {
  'staff.list': async (_input, ctx) => ({ body: await readStaff(ctx.db) }),
  'staff.create': async ({ body }, ctx) => {
    // hashed before the transaction: 50 ms of scrypt must not hold the database
    const { password, ...member } = body;
    await checkNewStaff(ctx.db, member);
    const login = {
      id: randomUUID(),
      passwordHash: await hashPassword(password, ctx.passwordCost),
    };
    await ctx.db
      .transaction()
      .execute((trx) => createStaff(trx, { ...member, ...login }, shanghaiIso(ctx.now())));
    return { body: await staffById(ctx.db, login.id) };
  },
  'staff.update': async ({ params, body, staff }, ctx) => {
    const byId = signedIn(staff).id;
    await ctx.db
      .transaction()
      .execute((trx) => updateStaff(trx, params.id, body, byId, shanghaiIso(ctx.now())));
    return { body: await staffById(ctx.db, params.id) };
  },
  'staff.deactivate': async ({ params, staff }, ctx) => {
    const byId = signedIn(staff).id;
    await ctx.db.transaction().execute(async (trx) => {
      await deactivateStaff(trx, params.id, byId, shanghaiIso(ctx.now()));
      // issue 13: a deactivated chief's seal keys seal nothing from now on
      await revokeSealKeys(trx, params.id, ctx.now());
    });
    return { body: await staffById(ctx.db, params.id) };
  },
  'staff.resetPassword': async ({ params, body }, ctx) => {
    const passwordHash = await hashPassword(body.password, ctx.passwordCost);
    await ctx.db.transaction().execute((trx) => setPassword(trx, params.id, passwordHash));
    return { body: await staffById(ctx.db, params.id) };
  },
} satisfies Partial<CenterHandlers>;
