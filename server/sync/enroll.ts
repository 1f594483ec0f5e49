import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ServerDb } from '../db/schema';
import type { EnrollRequest, EnrollResponse } from '../../shared/sync';
import { beyondTolerance, genesisHash } from '../../shared/sync';
import { shanghaiIso } from '../../shared/calendar';
import { recordDeviceClock } from './clock';
import { HttpError } from '../http/errors';
import type { ServerContext } from '../http/spec';
import { enrollmentCodeHash } from '../admin/enrollment-code';
import { readSettings } from '../admin/settings';
import { bumpVersion } from '../reference/versions';
import { newBearerToken, sha256Hex } from '../http/tokens';
import { ed25519PublicKeyPem } from '../../node-shared/events/crypto';
import { advisoryLock, lockKeys } from './lock';
import { nextTerminalNumber } from '../admin/terminal-numbers';

/** Binds a terminal's public key to the window the one-time code was issued for. */
export async function enroll(ctx: ServerContext, input: EnrollRequest): Promise<EnrollResponse> {
  const now = ctx.now();
  const codeHash = (await usableCode(ctx, input.code, now)).code_hash;
  const publicKey = ed25519PublicKeyPem(input.publicKey);
  if (!publicKey) {
    throw new HttpError(400, 'invalid_input', '公钥须为 Ed25519 SPKI PEM', {
      field: 'body.publicKey',
    });
  }

  const deviceId = randomUUID();
  // shown to the terminal once; the center keeps only its SHA-256, as for staff sessions
  const token = newBearerToken();
  const tokenHash = sha256Hex(token);
  const enrolledAt = shanghaiIso(now);
  const bound = await ctx.db.transaction().execute(async (trx) => {
    await advisoryLock(trx, ctx.dialect, lockKeys.enrollment);
    await claimCode(trx, codeHash, enrolledAt, deviceId);
    const window = await trx
      .selectFrom('enrollment_codes as c')
      .innerJoin('windows as w', 'w.id', 'c.window_id')
      .select(['w.id', 'w.department_code'])
      .where('c.code_hash', '=', codeHash)
      .executeTakeFirstOrThrow();
    // never a number a lost PC may have carried: see terminal-numbers.ts for the guarantee
    const terminalNumber = await nextTerminalNumber(trx, window.id);
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        window_id: window.id,
        department_code: window.department_code,
        terminal_number: terminalNumber,
        label: input.label,
        public_key: publicKey,
        token_hash: tokenHash,
        enrolled_at: enrolledAt,
        revoked_at: null,
        last_seq: 0,
        last_hash: genesisHash,
      })
      .execute();
    // the department's other terminals verify this one's chain with its key: they must pull it
    await bumpVersion(trx, 'staff');
    return { windowId: window.id, terminalNumber, departmentCode: window.department_code };
  });
  const { centerName } = await readSettings(ctx.db);
  const { departmentCode, ...binding } = bound;
  // A skewed clock is recorded, alerted and warned about, not refused: the terminal blocks its
  // legal events itself, and refusing would only keep the PC out of the center's sight.
  const offsetMs = ctx.terminalClock
    ? await recordDeviceClock(
        ctx.db,
        now,
        { id: deviceId, departmentCode, windowId: binding.windowId },
        ctx.terminalClock,
      )
    : null;
  return {
    deviceId,
    deviceToken: token,
    ...binding,
    centerName,
    ...(offsetMs !== null && beyondTolerance(offsetMs) ? { clockOffsetMs: offsetMs } : {}),
  };
}

/** The code's row if it can still be redeemed; else the 4xx that says why not. */
export async function usableCode(ctx: ServerContext, code: string, now: Date) {
  const found = await ctx.db
    .selectFrom('enrollment_codes')
    .select(['code_hash', 'window_id', 'created_by', 'used_at', 'expires_at'])
    .where('code_hash', '=', enrollmentCodeHash(code))
    .executeTakeFirst();
  if (!found) throw new HttpError(404, 'not_found', '注册码不存在');
  if (found.used_at) throw used();
  if (Date.parse(found.expires_at) <= now.getTime()) {
    throw new HttpError(410, 'enrollment_expired', '注册码已过期');
  }
  return found;
}

/**
 * Marks the code used by `deviceId`. The guard is the WHERE, not the read in usableCode: of two
 * redemptions racing in different server processes only one UPDATE finds used_at still NULL.
 */
export async function claimCode(
  trx: Transaction<ServerDb>,
  codeHash: string,
  at: string,
  deviceId: string,
): Promise<void> {
  const claimed = await trx
    .updateTable('enrollment_codes')
    .set({ used_at: at, device_id: deviceId })
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (claimed.numUpdatedRows !== 1n) throw used();
}

function used(): HttpError {
  return new HttpError(409, 'enrollment_used', '注册码已被使用');
}
