import { sql, type Db } from './db';

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
