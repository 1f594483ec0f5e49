import type { Migration } from './migration';

export const m004ReportSchedule: Migration = {
  version: 4,
  name: 'report schedule: the daily report this PC writes into a folder of its own',
  up(db) {
    db.exec(`
      -- A folder of this PC means nothing to another, so the schedule is the terminal's own and
      -- lives apart from settings, whose center-owned keys a pull replaces. One row at most.
      CREATE TABLE report_schedule (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        folder TEXT NOT NULL,
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        last_written_on TEXT,
        last_written_at TEXT,
        last_files TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(last_files)),
        last_error TEXT,
        last_error_at TEXT
      );
    `);
  },
};
