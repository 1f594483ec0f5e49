import type { DeviceStatusResponse } from '../../shared/sync';
import { HttpError } from '../http/errors';
import type { AuthDevice, ServerContext } from '../http/spec';

/**
 * What the center holds of the device's chain. A center restored from an older backup answers a
 * lower lastSeq than the terminal believes acknowledged, and the terminal sends the rest again.
 */
export async function deviceStatus(
  ctx: ServerContext,
  device: AuthDevice,
): Promise<DeviceStatusResponse> {
  const row = await ctx.db
    .selectFrom('devices')
    .select(['id', 'last_seq', 'revoked_at'])
    .where('id', '=', device.id)
    .executeTakeFirst();
  if (!row) throw new HttpError(401, 'unauthenticated', '设备未注册');
  return { deviceId: row.id, lastSeq: row.last_seq, revoked: row.revoked_at !== null };
}
