import type { Migration } from './migration';

// Issue 18: the materials' files. The bytes live in <dataDir>/files by their SHA-256 (one copy
// whatever attaches them); this table says what each is and whether the center has it yet.
// `origin`: 'local', taken at this PC (the center is owed it until `uploaded_at`); 'center',
// fetched from the center when a case was opened here (nothing owed).
export const m012Files: Migration = {
  version: 12,
  name: 'material files',
  up(db) {
    db.exec(`
      CREATE TABLE files (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        media_type TEXT NOT NULL
          CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf')),
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        width INTEGER,
        height INTEGER,
        origin TEXT NOT NULL CHECK (origin IN ('local', 'center')),
        added_at TEXT NOT NULL,
        uploaded_at TEXT,
        -- the bytes were gone or damaged on this PC while the center was still owed them: never
        -- sent, and no longer in the way of the files after it (the clerk scans the page again)
        lost_at TEXT
      ) STRICT;
      CREATE INDEX files_owed ON files(added_at) WHERE uploaded_at IS NULL AND lost_at IS NULL;
    `);
  },
};
