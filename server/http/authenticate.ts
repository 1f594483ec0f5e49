import type { Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import { roleSchema } from '../../shared/case';
import type { ServerDb } from '../db/schema';
import { HttpError } from './errors';
import type { CenterAuth } from '../../shared/center-api';
import type { AuthDevice, AuthRater, AuthStaff } from './spec';
import { bearerToken, sha256Hex } from './tokens';

export type Principal = {
  device: AuthDevice | null;
  staff: AuthStaff | null;
  rater: AuthRater | null;
};

const anonymous: Principal = { device: null, staff: null, rater: null };

/** Resolves the bearer token a route demands: 401 without a valid one, 403 when not allowed. */
export async function authenticate(
  auth: CenterAuth,
  authorization: string | undefined,
  db: Kysely<ServerDb>,
  now: Date,
): Promise<Principal> {
  if (auth.kind === 'none') return anonymous;
  const token = bearerToken(authorization);
  if (!token) throw unauthenticated('请先登录或注册终端');
  const hash = sha256Hex(token);
  if (auth.kind === 'device') return { ...anonymous, device: await deviceFor(db, hash) };
  if (auth.kind === 'rater') return { ...anonymous, rater: await raterFor(db, hash) };
  const staff = await staffFor(db, hash, now);
  if (!auth.roles.includes(staff.role)) {
    throw new HttpError(403, 'forbidden', '当前角色无权执行此操作');
  }
  return { ...anonymous, staff };
}

async function raterFor(db: Kysely<ServerDb>, tokenHash: string): Promise<AuthRater> {
  const row = await db
    .selectFrom('rating_devices as r')
    .innerJoin('windows as w', 'w.id', 'r.window_id')
    .select(['w.id', 'w.code', 'w.name', 'w.department_code'])
    .where('r.token_hash', '=', tokenHash)
    .executeTakeFirst();
  // a device paired again elsewhere for this window loses its token: it must be paired anew
  if (!row) throw unauthenticated('评价器未配对或已在别处重新配对，请向管理员索取配对码');
  return {
    windowId: row.id,
    windowCode: row.code,
    windowName: row.name,
    departmentCode: row.department_code,
  };
}

async function deviceFor(db: Kysely<ServerDb>, tokenHash: string): Promise<AuthDevice> {
  const row = await db
    .selectFrom('devices')
    .select(['id', 'window_id', 'department_code', 'terminal_number', 'public_key', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) throw unauthenticated('终端未注册或令牌无效');
  if (row.revoked_at !== null) {
    throw new HttpError(403, 'device_revoked', '本终端已被中心停用，请联系管理员重新注册');
  }
  return {
    id: row.id,
    windowId: row.window_id,
    departmentCode: row.department_code,
    terminalNumber: row.terminal_number,
    publicKey: row.public_key,
  };
}

async function staffFor(db: Kysely<ServerDb>, tokenHash: string, now: Date): Promise<AuthStaff> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('staff', 'staff.id', 'sessions.staff_id')
    .select([
      'staff.id',
      'staff.username',
      'staff.name',
      'staff.role',
      'staff.window_id',
      'staff.active',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) throw unauthenticated('请先登录');
  if (row.expires_at <= shanghaiIso(now)) {
    throw unauthenticated('登录已过期，请重新登录');
  }
  if (row.active !== 1) throw unauthenticated('账号已停用');
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: roleSchema.parse(row.role),
    windowId: row.window_id,
    sessionId: tokenHash,
  };
}

function unauthenticated(message: string): HttpError {
  return new HttpError(401, 'unauthenticated', message);
}
