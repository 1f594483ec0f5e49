import type { Attachment } from '../../shared/case';
import { sql, type Db } from './db';

// Issue 18: what this PC holds of the materials' files (the bytes are in <dataDir>/files).

const attachedByAnEvent = `EXISTS (
  SELECT 1 FROM events e, json_each(e.payload, '$.materials') m, json_each(m.value, '$.files') a
  WHERE e.type = 'materialsAttached' AND json_extract(a.value, '$.sha256') = f.sha256)`;

export type FileRow = {
  sha256: string;
  media_type: Attachment['mediaType'];
  bytes: number;
  width: number | null;
  height: number | null;
  origin: 'local' | 'center';
  added_at: string;
  uploaded_at: string | null;
  lost_at: string | null;
};

export function fileRow(db: Db, sha256: string): FileRow | undefined {
  return sql(db, 'SELECT * FROM files WHERE sha256 = ?').get(sha256) as FileRow | undefined;
}

/**
 * Records a file whose bytes are already stored; a file held before keeps its row, and is no
 * longer lost (its bytes are here again).
 */
export function recordFile(db: Db, row: Omit<FileRow, 'uploaded_at' | 'lost_at'>): void {
  sql(
    db,
    `INSERT INTO files (sha256, media_type, bytes, width, height, origin, added_at, uploaded_at)
     VALUES (@sha256, @media_type, @bytes, @width, @height, @origin, @added_at,
       CASE WHEN @origin = 'center' THEN @added_at END)
     ON CONFLICT (sha256) DO UPDATE SET lost_at = NULL`,
  ).run(row);
}

/**
 * The files this PC took that a case's event names and the center does not have yet, oldest
 * first. A page taken and then dropped before it was attached stays here, never sent: it is
 * the applicant's personal information and no case needs it.
 */
export function owedFiles(db: Db, limit: number): FileRow[] {
  return sql(
    db,
    `SELECT f.* FROM files f
     WHERE f.uploaded_at IS NULL AND f.lost_at IS NULL AND ${attachedByAnEvent}
     ORDER BY f.added_at, f.sha256 LIMIT ?`,
  ).all(limit) as FileRow[];
}

export function markUploaded(db: Db, sha256: string, at: string): void {
  sql(db, 'UPDATE files SET uploaded_at = ? WHERE sha256 = ? AND uploaded_at IS NULL').run(
    at,
    sha256,
  );
}

/**
 * Forgets the pages taken here before `before` that no case ever named (a scan dropped, an intake
 * abandoned): the applicant's papers are kept only as a case needs them. Returns their hashes,
 * for the caller to remove the bytes.
 */
export function forgetUnattached(db: Db, before: string): string[] {
  const gone = sql(
    db,
    `SELECT f.sha256 FROM files f
     WHERE f.origin = 'local' AND f.uploaded_at IS NULL AND f.added_at < ? AND NOT ${attachedByAnEvent}`,
  )
    .all(before)
    .map((r) => (r as { sha256: string }).sha256);
  const drop = sql(db, 'DELETE FROM files WHERE sha256 = ?');
  for (const sha256 of gone) drop.run(sha256);
  return gone;
}

/** The bytes of a file the center is owed are gone or damaged here: it is not sent. */
export function markLost(db: Db, sha256: string, at: string): void {
  sql(db, 'UPDATE files SET lost_at = ? WHERE sha256 = ? AND uploaded_at IS NULL').run(at, sha256);
}
