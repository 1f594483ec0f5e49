import type { Migration } from './migration';

export const m002Sync: Migration = {
  version: 2,
  name: 'sync: server order of events, peer devices, delegated window powers',
  up(db) {
    db.exec(`
      -- The center's global sequence: NULL until the center answered. Cases fold in this order
      -- (then our pending events), so every terminal of the department reaches the same state.
      ALTER TABLE events ADD COLUMN server_seq INTEGER;
      CREATE INDEX events_server_seq ON events(server_seq);
      -- the work list marks cases with a conflict; few events are conflicted, so a partial index
      CREATE INDEX events_conflicted ON events(case_id) WHERE sync_state = 'conflicted';

      -- The other PCs of the department: their public keys verify the chains pulled from the
      -- center. Replaced as a whole by every staff snapshot.
      CREATE TABLE peer_devices (
        id TEXT PRIMARY KEY,
        window_id TEXT NOT NULL,
        terminal_number INTEGER NOT NULL,
        public_key TEXT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0
      );

      -- What the center delegated to each window for each item (shared/catalog Power[]).
      CREATE TABLE window_powers (
        window_id TEXT NOT NULL,
        item_code TEXT NOT NULL,
        powers TEXT NOT NULL CHECK (json_valid(powers)),
        PRIMARY KEY (window_id, item_code)
      );
    `);
  },
};
