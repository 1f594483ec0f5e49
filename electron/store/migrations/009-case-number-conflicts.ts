import type { Migration } from './migration';

// Part A of issue 15. A case number is unique by construction (department, day, window, terminal
// number, the PC's own serial) — unless a center restored from an old backup numbered a new PC
// like a lost one. Then a pulled case may carry the number of another case this PC holds, and a
// UNIQUE column would fail that pull, and every pull after it, for good. The projection keeps the
// number as it was made (the log is the truth and is never rewritten); the clash is recorded in
// case_number_conflicts for the manager and supervisor, and sync goes on.
export const m009CaseNumberConflicts: Migration = {
  version: 9,
  name: 'case number conflicts: a duplicate number is recorded, never a failed pull',
  up(db) {
    const table = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'cases'")
      .get() as { sql: string };
    const indexes = db
      .prepare(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL",
      )
      .all() as { sql: string }[];
    const unique = 'case_number TEXT NOT NULL UNIQUE';
    if (!table.sql.includes(unique)) throw new Error('cases.case_number is not as 001 made it');
    // SQLite cannot drop a column constraint: the table is made again (its documented way), with
    // the same columns in the same order, and its rows copied.
    db.exec(
      table.sql
        .replace(/^CREATE TABLE cases/, 'CREATE TABLE cases_009')
        .replace(unique, 'case_number TEXT NOT NULL'),
    );
    db.exec(`
      INSERT INTO cases_009 SELECT * FROM cases;
      DROP TABLE cases;
      ALTER TABLE cases_009 RENAME TO cases;
    `);
    for (const index of indexes) db.exec(index.sql);
    db.exec(`
      CREATE INDEX cases_number ON cases(case_number);
      CREATE TABLE case_number_conflicts (
        case_number TEXT NOT NULL,
        -- the case that arrived holding the number, and the one that already held it
        case_id TEXT NOT NULL,
        other_case_id TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        PRIMARY KEY (case_id, other_case_id)
      );
    `);
  },
};
