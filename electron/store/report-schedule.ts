import {
  defaultReportSchedule,
  type ReportSchedule,
  type ReportScheduleInput,
} from '../../shared/reports/schedule';
import { inTransaction, sql, type Db } from './db';

// The scheduled daily report's one row (migration 004): what the manager set, and how the last
// write went. The terminal's own: a pull from the center never touches it.

type Row = {
  enabled: number;
  folder: string;
  time: string;
  last_written_on: string | null;
  last_written_at: string | null;
  last_files: string;
  last_error: string | null;
  last_error_at: string | null;
};

export function readReportSchedule(db: Db): ReportSchedule {
  const row = sql(
    db,
    `SELECT enabled, folder, time, last_written_on, last_written_at, last_files, last_error,
       last_error_at FROM report_schedule WHERE id = 1`,
  ).get() as Row | undefined;
  if (!row) return defaultReportSchedule;
  return {
    enabled: row.enabled === 1,
    folder: row.folder,
    time: row.time,
    lastWrittenOn: row.last_written_on,
    lastWrittenAt: row.last_written_at,
    lastFiles: JSON.parse(row.last_files) as string[],
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
  };
}

/**
 * The manager's setting. The day's write stays remembered (once a day, whatever the folder); the
 * last error is dropped: it was about the folder or the time replaced now.
 */
export function saveReportSchedule(
  db: Db,
  s: ReportScheduleInput,
  by: { userId: string; at: string },
): void {
  inTransaction(db, () =>
    sql(
      db,
      `INSERT INTO report_schedule (id, enabled, folder, time, updated_at, updated_by)
       VALUES (1, @enabled, @folder, @time, @at, @by)
       ON CONFLICT(id) DO UPDATE SET enabled = excluded.enabled, folder = excluded.folder,
         time = excluded.time, updated_at = excluded.updated_at, updated_by = excluded.updated_by,
         last_error = NULL, last_error_at = NULL`,
    ).run({ enabled: s.enabled ? 1 : 0, folder: s.folder, time: s.time, at: by.at, by: by.userId }),
  );
}

// A write runs outside any transaction (files take their time): its outcome is recorded only
// while the folder is still the one it wrote to, so a manager's new folder is not marked done
// or failed by a write that went elsewhere.

export function recordReportWritten(
  db: Db,
  w: { folder: string; on: string; at: string; files: readonly string[] },
): void {
  inTransaction(db, () =>
    sql(
      db,
      `UPDATE report_schedule SET last_written_on = @on, last_written_at = @at,
         last_files = @files, last_error = NULL, last_error_at = NULL
       WHERE id = 1 AND folder = @folder`,
    ).run({ on: w.on, at: w.at, files: JSON.stringify(w.files), folder: w.folder }),
  );
}

export function recordReportFailed(
  db: Db,
  f: { folder: string; at: string; message: string },
): void {
  inTransaction(db, () =>
    sql(
      db,
      `UPDATE report_schedule SET last_error = @message, last_error_at = @at
       WHERE id = 1 AND folder = @folder`,
    ).run({ message: f.message, at: f.at, folder: f.folder }),
  );
}
