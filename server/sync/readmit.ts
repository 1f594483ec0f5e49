import { randomUUID } from 'node:crypto';
import type { ReadmitRequest, ReadmitResponse } from '../../shared/sync';
import { genesisHash, readmissionMessage } from '../../shared/sync';
import { shanghaiIso } from '../../shared/calendar';
import { ed25519PublicKeyPem, signatureValid } from '../../node-shared/events/crypto';
import { HttpError } from '../http/errors';
import type { ServerContext } from '../http/spec';
import { readSettings } from '../admin/settings';
import { restoreDetected } from '../admin/terminal-numbers';
import { bumpVersion } from '../reference/versions';
import { newBearerToken, sha256Hex } from '../http/tokens';
import { claimCode, usableCode } from './enroll';
import { advisoryLock, lockKeys } from './lock';

/**
 * Takes back a terminal the center no longer knows — its row lost to a restore, or revoked by
 * mistake — as the device it was: its id, its key and its terminal number, so that every event
 * it signed and every case number it made stay valid. The manager's new code is the permission;
 * the signature by the terminal's old key over the request is the proof that this PC is the one
 * that signed the chain (a PC that lost its key cannot re-admit its chain: refused, it must
 * enroll afresh on a wiped database). The terminal then sends everything after `knownSeq`.
 */
export async function readmit(ctx: ServerContext, input: ReadmitRequest): Promise<ReadmitResponse> {
  const now = ctx.now();
  const code = await usableCode(ctx, input.code, now);
  const publicKey = ed25519PublicKeyPem(input.publicKey);
  if (!publicKey) {
    throw new HttpError(400, 'invalid_input', '公钥须为 Ed25519 SPKI PEM', {
      field: 'body.publicKey',
    });
  }
  if (!signatureValid(publicKey, readmissionMessage(input), input.signature)) {
    throw new HttpError(
      400,
      'bad_signature',
      '重新注册的签名无效：本终端无法证明持有原设备密钥，中心不予接纳其事件链',
    );
  }
  // the code names the window the manager meant: a terminal cannot move itself elsewhere
  if (code.window_id !== input.windowId) {
    throw new HttpError(
      403,
      'forbidden',
      '注册码不是为本终端所属窗口签发的：不能重新注册到其他窗口',
    );
  }
  const token = newBearerToken();
  const at = shanghaiIso(now);
  const knownSeq = await ctx.db.transaction().execute(async (trx) => {
    await advisoryLock(trx, ctx.dialect, lockKeys.enrollment);
    await claimCode(trx, code.code_hash, at, input.deviceId);
    const window = await trx
      .selectFrom('windows')
      .select(['id', 'department_code'])
      .where('id', '=', input.windowId)
      .executeTakeFirstOrThrow();
    const known = await trx
      .selectFrom('devices')
      .selectAll()
      .where('id', '=', input.deviceId)
      .executeTakeFirst();
    if (known) {
      if (known.public_key !== publicKey) {
        throw new HttpError(409, 'conflict', '中心所存本设备的公钥与本终端不同：不能重新注册');
      }
      if (known.window_id !== window.id || known.department_code !== window.department_code) {
        throw new HttpError(403, 'forbidden', '本终端属于其他窗口或部门：不能重新注册到此窗口');
      }
      if (known.terminal_number !== input.terminalNumber) {
        throw new HttpError(
          409,
          'conflict',
          `中心所存本终端的终端号为 T${known.terminal_number}，与本机不符`,
        );
      }
    }
    const taken = await trx
      .selectFrom('devices')
      .select('id')
      .where('window_id', '=', window.id)
      .where('terminal_number', '=', input.terminalNumber)
      .where('id', '!=', input.deviceId)
      .executeTakeFirst();
    if (taken) {
      // two PCs of one window with one number would make the same case numbers
      throw new HttpError(
        409,
        'conflict',
        `终端号 T${input.terminalNumber} 已由本窗口另一台终端使用：请联系中心管理人员`,
      );
    }
    if (known) {
      await trx
        .updateTable('devices')
        .set({ token_hash: sha256Hex(token), revoked_at: null, label: input.label })
        .where('id', '=', known.id)
        .execute();
    } else {
      await trx
        .insertInto('devices')
        .values({
          id: input.deviceId,
          window_id: window.id,
          department_code: window.department_code,
          terminal_number: input.terminalNumber,
          label: input.label,
          public_key: publicKey,
          token_hash: sha256Hex(token),
          // the first admission's date was lost with the row: this one is the center's record
          enrolled_at: at,
          revoked_at: null,
          last_seq: 0,
          last_hash: genesisHash,
        })
        .execute();
    }
    await trx
      .insertInto('device_readmissions')
      .values({
        id: randomUUID(),
        device_id: input.deviceId,
        window_id: window.id,
        terminal_number: input.terminalNumber,
        readmitted_at: at,
        approved_by: code.created_by,
        presented_seq: input.lastSeq,
        presented_hash: input.lastHash,
        known_seq: known ? known.last_seq : null,
        revoked_at: known?.revoked_at ?? null,
      })
      .execute();
    // the department's other terminals verify this one's chain with its key: they must pull it
    await bumpVersion(trx, 'staff');
    return known?.last_seq ?? 0;
  });
  if (input.acknowledgedSeq > knownSeq) {
    // The center once acknowledged more of this chain than it holds: its database is older than
    // what terminals have seen. (Pending events beyond the head prove nothing: a PC offline or
    // revoked queues them.)
    ctx.log.warn(
      { deviceId: input.deviceId, acknowledgedSeq: input.acknowledgedSeq, knownSeq },
      'terminal re-admitted with a chain ahead of the center: restored from a backup',
    );
    await restoreDetected(
      ctx.db,
      ctx.dialect,
      `终端 ${input.deviceId} 重新注册：中心曾确认至第 ${input.acknowledgedSeq} 号事件，现仅存至第 ${knownSeq} 号`,
      now,
    );
  }
  const { centerName } = await readSettings(ctx.db);
  return {
    deviceId: input.deviceId,
    deviceToken: token,
    windowId: input.windowId,
    terminalNumber: input.terminalNumber,
    centerName,
    knownSeq,
  };
}
