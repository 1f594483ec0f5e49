import type { Kysely } from 'kysely';
import { shanghaiDate } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import { bearerToken, sha256Hex } from '../http/tokens';
import { recordAlerts } from './engine';
import type { AlertFinding } from './rules';

// A device-authenticated call the center refuses because the terminal was revoked, or because
// its token names no terminal the center enrolled, is refused as before — and recorded as an
// alert, so the supervisor learns that a PC outside the center's control is still at work.

/**
 * alerts.department_code is NOT NULL, and a device the center does not know belongs to no
 * department: its alerts carry this placeholder (no department has this code; department codes
 * are two to four capital letters), and the supervisor's list shows no department name for it.
 */
export const unknownDeviceDepartment = '-';

/** How many pushed event ids an alert keeps as evidence: enough to find them on the terminal. */
const evidenceLimit = 50;

type Claimed = { deviceIds: string[]; eventIds: string[] };

/** What a refused push says of itself: the devices and events it claims (nothing is trusted). */
function claimed(body: unknown): Claimed {
  const events = (body as { events?: unknown } | null | undefined)?.events;
  if (!Array.isArray(events)) return { deviceIds: [], eventIds: [] };
  const text = (v: unknown) => (typeof v === 'string' && v.length <= 64 ? [v] : []);
  const list = events.slice(0, evidenceLimit) as { id?: unknown; deviceId?: unknown }[];
  return {
    deviceIds: [...new Set(list.flatMap((e) => text(e?.deviceId)))],
    eventIds: list.flatMap((e) => text(e?.id)),
  };
}

/** Whether `error` is the refusal of a device's credentials (not a fault of its request). */
export function isDeviceRefusal(error: unknown): boolean {
  return (
    error instanceof HttpError &&
    (error.code === 'device_revoked' || (error.status === 401 && error.code === 'unauthenticated'))
  );
}

/**
 * Records the alert for a refused device call, outside the refused request's transaction (that
 * one rolled back). One alert per device, rule and day: a terminal retrying every 30 seconds
 * adds nothing after its first refusal of the day. A request without a bearer token claims no
 * device and raises nothing; an unknown token that names no device in its body is keyed by
 * the token's digest, so random tokens cannot hide behind one alert nor reveal a token.
 */
export async function recordDeviceRefusal(
  db: Kysely<ServerDb>,
  now: Date,
  authorization: string | undefined,
  body: unknown,
): Promise<number> {
  const token = bearerToken(authorization);
  if (!token) return 0;
  const tokenHash = sha256Hex(token);
  const day = shanghaiDate(now);
  const { deviceIds, eventIds } = claimed(body);
  const device = await db
    .selectFrom('devices')
    .select(['id', 'department_code', 'window_id', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (device && device.revoked_at !== null) {
    const finding: AlertFinding = {
      key: `device.revoked:${device.id}:${day}`,
      rule: 'device.revoked',
      level: 'violation',
      message: `已停用的终端仍在向中心${eventIds.length > 0 ? `提交 ${eventIds.length} 个事件` : '同步'}（设备 ${device.id}），已拒绝`,
      evidence: [device.id, ...eventIds],
    };
    return recordAlerts(
      db,
      [
        {
          caseId: null,
          caseNumber: null,
          departmentCode: device.department_code,
          windowId: device.window_id,
          finding,
        },
      ],
      now,
    );
  }
  if (device) return 0;
  // a staff member's session token sent to a device route is a wrong call, not a stray terminal
  const session = await db
    .selectFrom('sessions')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (session) return 0;
  const deviceId = deviceIds[0] ?? `token-sha256:${tokenHash.slice(0, 16)}`;
  const finding: AlertFinding = {
    key: `device.unknown:${deviceId}:${day}`,
    rule: 'device.unknown',
    level: 'violation',
    message: `未在中心注册的终端${eventIds.length > 0 ? `提交了 ${eventIds.length} 个事件` : '请求同步'}（${deviceId}），已拒绝`,
    evidence: [deviceId, ...eventIds],
  };
  return recordAlerts(
    db,
    [
      {
        caseId: null,
        caseNumber: null,
        departmentCode: unknownDeviceDepartment,
        windowId: null,
        finding,
      },
    ],
    now,
  );
}
