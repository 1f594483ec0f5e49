import type { SyncStatus } from '../../shared/api';
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/reference';
import { syncKeys } from '../store/sync-state';
import { CenterFailure } from './client';

// Part A of issue 15: a center that no longer accepts this PC's token — its database restored
// from a copy older than this PC's enrollment, or the PC revoked by mistake. The events wait
// (nothing is dropped); the settings page offers 重新注册 with a manager's new code.

export type UnknownToCenter = NonNullable<SyncStatus['unknownToCenter']>;

const messages = {
  unknown:
    '中心不认识本终端：中心可能已从较早的备份恢复，本终端的注册记录不在其中。本机的办件与事件均完好保存，请中心管理人员为本窗口生成新的注册码后“重新注册”，未上传的事件随后补传。',
  revoked:
    '本终端已被中心停用：若属误停，请中心管理人员为本窗口生成新的注册码后“重新注册”，本机事件随后补传。',
} as const;

/** The refusal that means "the center does not know this PC", else null. */
export function unknownReason(failure: unknown): UnknownToCenter['reason'] | null {
  if (!(failure instanceof CenterFailure) || failure.kind !== 'http') return null;
  if (failure.status === 401) return 'unknown';
  if (failure.status === 403 && failure.body?.code === 'device_revoked') return 'revoked';
  return null;
}

export function unknownToCenter(db: Db): UnknownToCenter | null {
  return getSetting<UnknownToCenter>(db, syncKeys.unknownToCenter) ?? null;
}

/** Records the refusal; the first one's time stays (since when the PC has been locked out). */
export function markUnknown(db: Db, reason: UnknownToCenter['reason'], now: Date): UnknownToCenter {
  const held = unknownToCenter(db);
  const record = {
    reason,
    since: held?.since ?? now.toISOString(),
    message: messages[reason],
  };
  setSetting(db, syncKeys.unknownToCenter, record);
  return record;
}

export function clearUnknown(db: Db): void {
  if (unknownToCenter(db)) setSetting(db, syncKeys.unknownToCenter, null);
}
