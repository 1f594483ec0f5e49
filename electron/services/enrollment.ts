import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { CallOutput, ParsedInput } from '../../shared/api';
import { ruleMessages } from '../../shared/case';
import { ApiFailure } from '../api/errors';
import { inTransaction, sql } from '../store/db';
import { newKeyPair } from '../../node-shared/events/crypto';
import { replaceDevice, sealSecret } from '../store/device';
import { setSetting, wipeReference, type TerminalBinding } from '../store/reference';
import { noVersions, syncKeys } from '../store/sync-state';
import { beyondTolerance, clockOffset, describeOffset, type ClockSample } from '../../shared/sync';
import { CenterFailure, syncClient } from '../sync/client';
import { recordClockSample } from '../sync/clock';
import type { Terminal } from './context';

function refuseWithEvents(t: Terminal): void {
  if (sql(t.db, 'SELECT 1 FROM events LIMIT 1').get() !== undefined) {
    throw new ApiFailure('not_allowed', ruleMessages['enrollment.hasEvents'], {
      rule: 'enrollment.hasEvents',
    });
  }
}

/** The center's refusal (or silence) in words for the manager at the settings page. */
export function enrollmentFailure(error: unknown): unknown {
  if (!(error instanceof CenterFailure)) return error;
  if (error.kind === 'http' && error.status !== null && error.status < 500) {
    return new ApiFailure('invalid_input', `中心拒绝注册：${error.message}`, { field: 'code' });
  }
  // unreachable, 5xx or an answer that is no center's: nothing refused the code, so not forbidden
  return new ApiFailure('unavailable', `无法完成注册，请检查中心地址：${error.message}`, {
    field: 'serverUrl',
  });
}

/**
 * Joins this PC to a center with a manager's one-time code: a new key pair, registered there;
 * the center's device id, window and terminal number replace the demo's, and the demo's staff and
 * catalog are dropped (the first pull brings the center's). Refused once the terminal holds
 * events: they are signed by the old key and numbered for the old window.
 */
export async function enroll(
  t: Terminal,
  input: ParsedInput<'sync.enroll'>,
): Promise<CallOutput<'sync.enroll'>> {
  refuseWithEvents(t);
  const pair = newKeyPair();
  const serverUrl = input.serverUrl.replace(/\/+$/, '');
  let sample: ClockSample | null = null;
  const clock = { now: t.now, onSample: (s: ClockSample) => (sample = s) };
  const enrolled = await syncClient({ serverUrl, token: null, clock })
    .enroll({ code: input.code, publicKey: pair.publicKey, label: hostname().slice(0, 100) })
    .catch((error: unknown) => {
      throw enrollmentFailure(error);
    });
  // If a case was received while the center answered, the center has registered a device this
  // PC will never use; the manager revokes it. Refusing here keeps the events' signatures true.
  const device = inTransaction(t.db, () => {
    refuseWithEvents(t);
    const d = replaceDevice(t.db, enrolled.deviceId, pair, t.keyProtector);
    wipeReference(t.db);
    const binding: TerminalBinding = {
      windowId: enrolled.windowId,
      number: enrolled.terminalNumber,
    };
    setSetting(t.db, 'terminal.binding', binding);
    setSetting(t.db, 'center.name', enrolled.centerName);
    setSetting(t.db, syncKeys.server, serverUrl);
    setSetting(t.db, syncKeys.deviceToken, sealSecret(enrolled.deviceToken, t.keyProtector));
    setSetting(t.db, syncKeys.cursor, 0);
    setSetting(t.db, syncKeys.versions, noVersions);
    setSetting(t.db, syncKeys.lastAckSeq, 0);
    setSetting(t.db, syncKeys.lastError, null);
    setSetting(t.db, syncKeys.enrolled, true);
    // the first measurement of this PC's clock: the banner shows from the first page
    if (sample) recordClockSample(t.db, sample);
    return d;
  });
  // the demo's passwords no longer open anything
  rmSync(join(t.dataDir, 'demo-accounts.json'), { force: true });
  t.enrolledAs(device);
  return {
    deviceId: enrolled.deviceId,
    windowId: enrolled.windowId,
    terminalNumber: enrolled.terminalNumber,
    centerName: enrolled.centerName,
    clockWarning: clockWarning(sample),
  };
}

/**
 * Enrolling with a wrong clock is allowed and warned about: the manager enrolling is often the
 * one who can set it right, the center has recorded the offset, and nothing legal can be written
 * until the clock is right or acknowledged. Refusing would only hide the PC from the center.
 */
function clockWarning(sample: ClockSample | null): string | null {
  const offsetMs = sample ? clockOffset(sample) : null;
  if (offsetMs === null || !beyondTolerance(offsetMs)) return null;
  return `本机时钟与中心时间相差超过 5 分钟（${describeOffset(offsetMs)}）：校准时钟或由中心管理人员确认时差之前，不能办理受理、决定、送达等法定环节`;
}
