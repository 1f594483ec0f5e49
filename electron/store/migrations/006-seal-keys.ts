import type { Migration } from './migration';

export const m006SealKeys: Migration = {
  version: 6,
  name: 'seal keys: each chief’s own Ed25519 seal key at this terminal',
  up(db) {
    db.exec(`
      -- The seal is the chief's key (issue 13): made when the chief sets the PIN, the private half
      -- encrypted under the PIN (scrypt + AES-256-GCM; kdf holds the parameters and salt) and
      -- sealed again by the OS where it can. registered_at: when the center took the public
      -- half (NULL: queued, and stamps made with it wait in the outbox). retired_at: replaced by
      -- a new PIN; kept, since stamps already made with it still verify against it, and a
      -- retired key not yet registered still is (the stamps it made wait for it).
      CREATE TABLE seal_keys (
        key_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        public_key TEXT NOT NULL,
        private_key TEXT NOT NULL,
        kdf TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- the new key's signature over its registration (shared/case sealRegistrationMessage),
        -- made while the PIN had it open: a queued registration needs only the password later
        proof TEXT NOT NULL,
        registered_at TEXT,
        retired_at TEXT
      );
      CREATE INDEX seal_keys_user ON seal_keys (user_id, retired_at);
      -- A PIN hash made for the UI check alone is a faster oracle for the PIN than the key's own
      -- scrypt and unlocks no key: dropped, so every chief sets the PIN again and gets a key.
      UPDATE seal_pins SET pin_hash = '';
    `);
  },
};
