import type { AlertSummary, Complaint, WindowSupervision } from '../../shared/sync';
import { inTransaction, sql, type Db } from './db';

// The terminal's copy of the center's supervision of its department (migration 005): replaced
// whole on each sync round, read by the window offline.

export type SupervisionCopy = WindowSupervision & { fetchedAt: string | null };

/** Replaces the copy with what the center answered, in one transaction. */
export function replaceSupervisionCopy(db: Db, feed: WindowSupervision, fetchedAt: string): void {
  inTransaction(db, () => {
    sql(db, 'DELETE FROM supervision_alerts').run();
    sql(db, 'DELETE FROM supervision_complaints').run();
    const alert = sql(
      db,
      'INSERT INTO supervision_alerts (id, window_id, raised_at, data) VALUES (?, ?, ?, ?)',
    );
    for (const a of feed.alerts) alert.run(a.id, a.windowId, a.raisedAt, JSON.stringify(a));
    for (const c of feed.complaints) saveComplaint(db, c);
    sql(
      db,
      `INSERT INTO supervision_fetch (id, fetched_at) VALUES (1, ?)
       ON CONFLICT (id) DO UPDATE SET fetched_at = excluded.fetched_at`,
    ).run(fetchedAt);
  });
}

function saveComplaint(db: Db, c: Complaint): void {
  sql(
    db,
    `INSERT INTO supervision_complaints (id, window_id, received_at, data) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET window_id = excluded.window_id, data = excluded.data`,
  ).run(c.id, c.windowId, c.receivedAt, JSON.stringify(c));
}

/** One complaint as the center answered it (after a reply), without waiting for the next round. */
export function updateCopiedComplaint(db: Db, c: Complaint): void {
  inTransaction(db, () => saveComplaint(db, c));
}

const queries = {
  alerts: `SELECT data FROM supervision_alerts
    WHERE ? IS NULL OR window_id = ? ORDER BY raised_at DESC, id`,
  complaints: `SELECT data FROM supervision_complaints
    WHERE ? IS NULL OR window_id = ? ORDER BY received_at DESC, id`,
} as const;

/** The copy, newest first: the whole department's, or one window's (`windowId`). */
export function readSupervisionCopy(db: Db, windowId: string | null): SupervisionCopy {
  const rows = (query: string) =>
    (sql(db, query).all(windowId, windowId) as { data: string }[]).map(
      (r) => JSON.parse(r.data) as unknown,
    );
  const fetched = sql(db, 'SELECT fetched_at FROM supervision_fetch WHERE id = 1').get() as
    { fetched_at: string } | undefined;
  return {
    alerts: rows(queries.alerts) as AlertSummary[],
    complaints: rows(queries.complaints) as Complaint[],
    fetchedAt: fetched?.fetched_at ?? null,
  };
}
