import type { Migration } from './migration';

export const m005SupervisionCopy: Migration = {
  version: 5,
  name: 'supervision copy: the center’s alerts and complaints of this department, for offline',
  up(db) {
    db.exec(`
      -- The latest copy of what the center holds against this department (alerts of electronic
      -- supervision, public complaints), replaced whole by each sync round: the center owns
      -- them, the window reads them offline too. Each row is the center's JSON, as sent.
      CREATE TABLE supervision_alerts (
        id TEXT PRIMARY KEY,
        window_id TEXT,
        raised_at TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
      );
      CREATE TABLE supervision_complaints (
        id TEXT PRIMARY KEY,
        window_id TEXT,
        received_at TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data))
      );
      -- when the copy was taken: one row at most
      CREATE TABLE supervision_fetch (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fetched_at TEXT NOT NULL
      );
    `);
  },
};
