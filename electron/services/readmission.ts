import { hostname } from 'node:os';
import type { CallOutput, ParsedInput } from '../../shared/api';
import { genesisHash, readmissionMessage } from '../../shared/sync';
import { ruleMessages } from '../../shared/case';
import { refoldCases } from '../projections/cases';
import { ApiFailure } from '../api/errors';
import { inTransaction, sql } from '../store/db';
import { sealSecret } from '../store/device';
import { getSetting, setSetting, type TerminalBinding } from '../store/reference';
import { isEnrolled, resendAfter, syncKeys } from '../store/sync-state';
import { syncClient } from '../sync/client';
import { clearUnknown } from '../sync/unknown';
import { enrollmentFailure } from './enrollment';
import type { Terminal } from './context';

/**
 * Part A of issue 15. Re-registers this PC with a center that no longer knows it, as the device it
 * was: the same id, key, window and terminal number, so every event it signed and every case
 * number it made stay valid. The request is signed with the device key — the center's proof that
 * this is the PC that signed the chain. Then every event after what the center still holds is
 * made pending again (acknowledged ones the restore lost, and those never sent), and the next
 * round sends them; nothing is dropped on either side.
 */
export async function readmit(
  t: Terminal,
  input: ParsedInput<'sync.readmit'>,
): Promise<CallOutput<'sync.readmit'>> {
  const binding = getSetting<TerminalBinding>(t.db, 'terminal.binding');
  const serverUrl = getSetting<string>(t.db, syncKeys.server);
  if (!isEnrolled(t.db) || !binding || !serverUrl) {
    throw new ApiFailure('not_allowed', ruleMessages['recovery.notEnrolled'], {
      rule: 'recovery.notEnrolled',
    });
  }
  const head = sql(
    t.db,
    'SELECT device_seq, hash FROM events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1',
  ).get(t.device.id) as { device_seq: number; hash: string } | undefined;
  const claim = {
    code: input.code,
    deviceId: t.device.id,
    windowId: binding.windowId,
    terminalNumber: binding.number,
    lastSeq: head?.device_seq ?? 0,
    lastHash: head?.hash ?? genesisHash,
    acknowledgedSeq: getSetting<number>(t.db, syncKeys.lastAckSeq) ?? 0,
  };
  const answer = await syncClient({ serverUrl, token: null })
    .readmit({
      ...claim,
      publicKey: t.device.publicKey,
      label: hostname().slice(0, 100),
      signature: t.device.sign(readmissionMessage(claim)),
    })
    .catch((error: unknown) => {
      throw enrollmentFailure(error);
    });
  const resend = inTransaction(t.db, () => {
    setSetting(t.db, syncKeys.deviceToken, sealSecret(answer.deviceToken, t.keyProtector));
    setSetting(t.db, 'center.name', answer.centerName);
    setSetting(t.db, syncKeys.lastError, null);
    clearUnknown(t.db);
    const touched = resendAfter(t.db, t.device.id, answer.knownSeq);
    refoldCases(t, touched);
    return (
      sql(
        t.db,
        "SELECT count(*) AS n FROM events WHERE device_id = ? AND sync_state = 'pending'",
      ).get(t.device.id) as { n: number }
    ).n;
  });
  return {
    deviceId: answer.deviceId,
    terminalNumber: answer.terminalNumber,
    knownSeq: answer.knownSeq,
    resend,
  };
}
