import type { Migration } from './migration';

export const m003Seal: Migration = {
  version: 3,
  name: 'seal: the chiefs’ seal PINs at this terminal',
  up(db) {
    db.exec(`
      -- The seal travels with the PC that holds it, so its PIN is this terminal's, per chief:
      -- scrypt-hashed like a password, with its own count of wrong tries and lock.
      CREATE TABLE seal_pins (
        user_id TEXT PRIMARY KEY,
        pin_hash TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
