import { shanghaiIso } from '../../shared/calendar';
import { sealRegistrationMessage } from '../../shared/case';
import { newSealKey } from '../../node-shared/seal/keys';
import { sql, type Db } from './db';
import { sealSecret, type KeyProtector } from './device';

// The chiefs' seal keys at this terminal (migration 006). `private_key` is the PIN-locked key,
// sealed again by the OS protector where there is one (device.ts sealSecret).

export type SealKeyRow = {
  key_id: string;
  user_id: string;
  public_key: string;
  private_key: string;
  kdf: string;
  created_at: string;
  proof: string;
  registered_at: string | null;
  retired_at: string | null;
};

/** The key the chief seals with at this terminal: the newest not retired. */
export function activeSealKey(db: Db, userId: string): SealKeyRow | undefined {
  return sql(
    db,
    `SELECT * FROM seal_keys WHERE user_id = ? AND retired_at IS NULL
     ORDER BY created_at DESC, key_id LIMIT 1`,
  ).get(userId) as SealKeyRow | undefined;
}

export function sealKey(db: Db, keyId: string): SealKeyRow | undefined {
  return sql(db, 'SELECT * FROM seal_keys WHERE key_id = ?').get(keyId) as SealKeyRow | undefined;
}

/** A new key replaces the chief's active one; the old stays, since its stamps still verify. */
export function insertSealKey(db: Db, row: Omit<SealKeyRow, 'registered_at' | 'retired_at'>) {
  sql(db, 'UPDATE seal_keys SET retired_at = ? WHERE user_id = ? AND retired_at IS NULL').run(
    row.created_at,
    row.user_id,
  );
  sql(
    db,
    `INSERT INTO seal_keys (key_id, user_id, public_key, private_key, kdf, created_at, proof)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.key_id,
    row.user_id,
    row.public_key,
    row.private_key,
    row.kdf,
    row.created_at,
    row.proof,
  );
}

/** The keys the center has not taken yet: the chief's (or everyone's, without `userId`). */
export function queuedSealKeys(db: Db, userId?: string): SealKeyRow[] {
  return (
    userId === undefined
      ? sql(db, 'SELECT * FROM seal_keys WHERE registered_at IS NULL ORDER BY created_at').all()
      : sql(
          db,
          'SELECT * FROM seal_keys WHERE registered_at IS NULL AND user_id = ? ORDER BY created_at',
        ).all(userId)
  ) as SealKeyRow[];
}

export function markSealKeyRegistered(db: Db, keyId: string, at: string): void {
  sql(db, 'UPDATE seal_keys SET registered_at = ? WHERE key_id = ? AND registered_at IS NULL').run(
    at,
    keyId,
  );
}

/** The chief a seal key is made for. */
export type SealKeyHolder = { id: string; username: string };

/**
 * Makes the chief's new seal key, locked under `pin`, its registration signed and queued; it
 * replaces the chief's active key. Call inside a transaction (the demo seeding's) or alone.
 */
export function addSealKey(
  db: Db,
  protector: KeyProtector | null,
  chief: SealKeyHolder,
  pin: string,
  now: Date,
): string {
  const key = newSealKey(pin);
  const createdAt = shanghaiIso(now);
  const proof = key.sign(
    sealRegistrationMessage({
      keyId: key.keyId,
      publicKey: key.publicKey,
      username: chief.username,
      createdAt,
    }),
  );
  insertSealKey(db, {
    key_id: key.keyId,
    user_id: chief.id,
    public_key: key.publicKey,
    // the PIN's lock, then the OS's where there is one: a copy of the files needs both
    private_key: sealSecret(key.lockedPrivateKey, protector),
    kdf: JSON.stringify(key.kdf),
    created_at: createdAt,
    proof,
  });
  return key.keyId;
}
