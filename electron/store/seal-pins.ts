import { sql, type Db } from './db';

export type SealPinRow = {
  user_id: string;
  pin_hash: string;
  failed_attempts: number;
  locked_until: string | null;
};

export function getSealPin(db: Db, userId: string): SealPinRow | undefined {
  return sql(db, 'SELECT * FROM seal_pins WHERE user_id = ?').get(userId) as SealPinRow | undefined;
}

export function saveSealPin(db: Db, userId: string, pinHash: string, at: string): void {
  sql(
    db,
    `INSERT INTO seal_pins (user_id, pin_hash, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(user_id) DO UPDATE SET pin_hash = excluded.pin_hash, failed_attempts = 0,
       locked_until = NULL, updated_at = excluded.updated_at`,
  ).run(userId, pinHash, at);
}

export function recordPinAttempt(
  db: Db,
  userId: string,
  attempt: { failedAttempts: number; lockedUntil: string | null },
): void {
  sql(db, 'UPDATE seal_pins SET failed_attempts = ?, locked_until = ? WHERE user_id = ?').run(
    attempt.failedAttempts,
    attempt.lockedUntil,
    userId,
  );
}
