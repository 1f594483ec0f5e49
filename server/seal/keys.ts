import type { Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import { sealRegistrationMessage } from '../../shared/case';
import type { SealKeyRegistration } from '../../shared/center-api';
import { ed25519PublicKeyPem } from '../../node-shared/events/crypto';
import { sealKeyId, sealSignatureValid } from '../../node-shared/seal/keys';
import type { RegisteredSealKey } from '../../node-shared/seal/verdict';
import { checkStaffPassword } from '../auth/login';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { AuthDevice, ServerContext } from '../http/spec';

// The chiefs' seal keys at the center (issue 13). A key is registered by the terminal that made
// it, under three proofs at once: the device token (which PC), the chief's own password checked
// with the sign-in's lockout (whose seal — a copy of the PC's files does not hold it), and the
// key's signature over the registration (the terminal holds the private half).

type Registered = { keyId: string; staffId: string; registeredAt: string };

export async function registerSealKey(
  ctx: ServerContext,
  device: AuthDevice,
  body: SealKeyRegistration,
  address: string,
): Promise<Registered> {
  const publicKey = ed25519PublicKeyPem(body.publicKey);
  if (!publicKey) {
    throw new HttpError(400, 'invalid_input', '印章公钥不是 Ed25519 公钥', {
      field: 'body.publicKey',
    });
  }
  if (sealKeyId(publicKey) !== body.keyId) {
    throw new HttpError(400, 'invalid_input', '印章密钥编号与公钥不符', { field: 'body.keyId' });
  }
  const signed = sealRegistrationMessage(body);
  if (!sealSignatureValid(publicKey, signed, body.proof)) {
    throw new HttpError(400, 'bad_signature', '登记未由该印章密钥签名', { field: 'body.proof' });
  }
  // the password last: the checks above cost nothing and count no failure against the chief
  const staff = await checkStaffPassword(ctx, body.username, body.password, address);
  if (staff.role !== 'chief') {
    throw new HttpError(403, 'forbidden', '只有首席代表可以登记印章');
  }
  const window = staff.window_id
    ? await ctx.db
        .selectFrom('windows')
        .select('department_code')
        .where('id', '=', staff.window_id)
        .executeTakeFirst()
    : undefined;
  if (window?.department_code !== device.departmentCode) {
    throw new HttpError(403, 'forbidden', '该首席代表不属于本终端所在部门');
  }
  const registeredAt = shanghaiIso(ctx.now());
  const inserted = await ctx.db
    .insertInto('seal_keys')
    .values({
      key_id: body.keyId,
      staff_id: staff.id,
      public_key: publicKey,
      device_id: device.id,
      registered_at: registeredAt,
      revoked_at: null,
    })
    .onConflict((oc) => oc.column('key_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
    // A new PIN at a PC makes a new key and retires the chief's old one there: from the new key's
    // making on, the old one seals nothing (stamps made before still hold).
    const made = Date.parse(body.createdAt);
    const retiredAt =
      Number.isNaN(made) || made > ctx.now().getTime() ? registeredAt : shanghaiIso(new Date(made));
    await ctx.db
      .updateTable('seal_keys')
      .set({ revoked_at: retiredAt })
      .where('staff_id', '=', staff.id)
      .where('device_id', '=', device.id)
      .where('key_id', '!=', body.keyId)
      .where('revoked_at', 'is', null)
      .execute();
    return { keyId: body.keyId, staffId: staff.id, registeredAt };
  }
  // Sent again (the first answer was lost): the same key for the same chief is the same
  // registration. The id is the key's fingerprint, so another key cannot hold it.
  const held = await ctx.db
    .selectFrom('seal_keys')
    .selectAll()
    .where('key_id', '=', body.keyId)
    .executeTakeFirstOrThrow();
  if (held.staff_id !== staff.id) {
    throw new HttpError(409, 'conflict', '该印章密钥已登记给另一人员');
  }
  return { keyId: held.key_id, staffId: held.staff_id, registeredAt: held.registered_at };
}

/** The chief no longer holds the seal: every key of theirs seals nothing from `now` on. */
export async function revokeSealKeys(
  db: Kysely<ServerDb>,
  staffId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('seal_keys')
    .set({ revoked_at: shanghaiIso(now) })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The registered keys among `keyIds`, revoked ones too (they sealed before their revocation). */
export async function sealKeysById(
  db: Kysely<ServerDb>,
  keyIds: readonly string[],
): Promise<Map<string, RegisteredSealKey>> {
  const ids = [...new Set(keyIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('seal_keys').selectAll().where('key_id', 'in', ids).execute();
  return new Map(
    rows.map((r) => [
      r.key_id,
      {
        keyId: r.key_id,
        staffId: r.staff_id,
        publicKey: r.public_key,
        deviceId: r.device_id,
        revokedAt: r.revoked_at,
      },
    ]),
  );
}
