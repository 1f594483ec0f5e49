import type { PushResult, ReferenceVersions } from '../../shared/sync';
import { sql, type Db } from './db';
import {
  heldEvent,
  toStoredEvent,
  type EventRow,
  type HeldEvent,
  type StoredEvent,
  type SyncNote,
} from './events';
import { getSetting, setSetting } from './reference';

// What the terminal remembers of its conversation with the center, in the settings table.
export const syncKeys = {
  /** the center's base URL */
  server: 'sync.server',
  /** the bearer secret from enrollment, sealed like the device key */
  deviceToken: 'sync.deviceToken',
  /** the last server_seq applied from a pull */
  cursor: 'sync.cursor',
  /** the id of the event at the cursor: tells a center restored from an older copy */
  cursorEventId: 'sync.cursorEventId',
  /** the reference versions held (ReferenceVersions) */
  versions: 'sync.versions',
  /** the highest device_seq of ours the center acknowledged */
  lastAckSeq: 'sync.lastAckSeq',
  /** ISO instant of the last round that reached the center and finished */
  lastSync: 'sync.lastSync',
  /** what went wrong in the last round, for the status; null after a clean round */
  lastError: 'sync.lastError',
  /** the last measured offset of this PC's clock against the center's (ClockRecord) */
  clock: 'sync.clock',
  /** a manager's acknowledgment of a measured offset (ClockAcknowledgment): who, when, what */
  clockAck: 'sync.clockAck',
  /** set by enrollment: the center, not the demo seed, provides staff and catalog */
  enrolled: 'terminal.enrolled',
  /** part A of issue 15: the center refused this PC's token (UnknownToCenter); null: it knows it */
  unknownToCenter: 'sync.unknownToCenter',
} as const;

export const noVersions: ReferenceVersions = { catalog: 0, calendar: 0, staff: 0, settings: 0 };

export function isEnrolled(db: Db): boolean {
  return getSetting<boolean>(db, syncKeys.enrolled) === true;
}

/**
 * Our own unanswered events in chain order, at most `limit`. None at or after a rejected event:
 * the center cannot take an event whose predecessor it refused, so the queue waits there.
 */
export function pushableEvents(db: Db, deviceId: string, limit: number): StoredEvent[] {
  return (
    sql(
      db,
      `SELECT * FROM events WHERE device_id = @deviceId AND sync_state = 'pending'
         AND device_seq < coalesce((SELECT min(device_seq) FROM events
           WHERE device_id = @deviceId AND sync_state = 'rejected'), 9007199254740991)
       ORDER BY device_seq LIMIT @limit`,
    ).all({ deviceId, limit }) as EventRow[]
  ).map(toStoredEvent);
}

/**
 * Records the center's answer to a push; returns the cases whose fold may have changed. Folding
 * a case again (its events, the reducer, its clocks, its row) costs far more than recording an
 * answer, and an accepted event usually changes nothing in the fold: it moves from the head of
 * our unanswered events to the tail of the center's order, the same place in the sequence.
 */
export function recordPushResults(db: Db, results: readonly PushResult[]): Set<string> {
  const update = sql(
    db,
    'UPDATE events SET sync_state = ?, server_seq = ?, sync_note = ? WHERE id = ?',
  );
  const touched = new Set<string>();
  let highest = getSetting<number>(db, syncKeys.lastAckSeq) ?? 0;
  for (const r of results) {
    highest = Math.max(highest, r.deviceSeq);
    const held = heldEvent(db, r.id);
    if (!held) continue;
    const note = r.conflict ? JSON.stringify(r.conflict satisfies SyncNote) : null;
    const state = r.status === 'accepted' ? 'acknowledged' : 'conflicted';
    // an answer given again (a lost reply, a replayed batch): nothing to write
    if (held.syncState === state && held.serverSeq === r.serverSeq && held.syncNote === note)
      continue;
    // decided before the update: it compares the event's old place with its new one
    const inPlace =
      (held.syncState === state && held.serverSeq === r.serverSeq) ||
      (held.syncState === 'pending' &&
        state === 'acknowledged' &&
        keepsPlace(db, held, r.serverSeq));
    update.run(state, r.serverSeq, note, r.id);
    if (!inPlace) touched.add(held.caseId);
  }
  setSetting(db, syncKeys.lastAckSeq, highest);
  return touched;
}

/**
 * Whether an unanswered event that the center numbered `serverSeq` keeps its place in its case's
 * fold order (server_seq first, then unanswered events by seq): true when no event of the case
 * sits between its old place and its new one, i.e. none is numbered after it and no unanswered
 * one was written before it. Conservative: events that do not fold count too.
 */
function keepsPlace(db: Db, held: HeldEvent, serverSeq: number): boolean {
  const row = sql(
    db,
    `SELECT EXISTS (SELECT 1 FROM events WHERE case_id = @caseId AND seq <> @seq
       AND (server_seq > @serverSeq OR (server_seq IS NULL AND seq < @seq))) AS moved`,
  ).get({ caseId: held.caseId, seq: held.seq, serverSeq }) as { moved: number };
  return row.moved === 0;
}

/** The center refused this event outright (not a conflict): it and everything after it wait. */
export function markRejected(db: Db, eventId: string, note: SyncNote): string | undefined {
  const row = sql(
    db,
    "UPDATE events SET sync_state = 'rejected', sync_note = ? WHERE id = ? RETURNING case_id",
  ).get(JSON.stringify(note), eventId) as { case_id: string } | undefined;
  return row?.case_id;
}

/**
 * The center holds our chain only up to `lastSeq` (it was restored from a backup): everything
 * after it is ours to send again. Returns the cases whose fold order changed.
 */
export function resendAfter(db: Db, deviceId: string, lastSeq: number): Set<string> {
  const rows = sql(
    db,
    `UPDATE events SET sync_state = 'pending', server_seq = NULL, sync_note = NULL
     WHERE device_id = ? AND device_seq > ? AND sync_state IN ('acknowledged', 'conflicted')
     RETURNING case_id`,
  ).all(deviceId, lastSeq) as { case_id: string }[];
  setSetting(db, syncKeys.lastAckSeq, lastSeq);
  return new Set(rows.map((r) => r.case_id));
}

export type QueueCounts = { pending: number; rejected: number; conflicts: number };

/**
 * What the status shows: our unsent events, our refused ones, and the conflicts in the cases of
 * this terminal's department — the ones 同步冲突 lists (departmentConflicts), since any window of
 * the department acts on its cases (issue 16 part T): a colleague's conflict at SJ02 on a case
 * SJ01 holds is SJ01's to see too.
 */
export function queueCounts(db: Db, deviceId: string, departmentCode: string | null): QueueCounts {
  return sql(
    db,
    `SELECT
       (SELECT count(*) FROM events WHERE device_id = @deviceId AND sync_state = 'pending')
         AS pending,
       (SELECT count(*) FROM events WHERE device_id = @deviceId AND sync_state = 'rejected')
         AS rejected,
       (SELECT count(*) FROM events e JOIN events r ON r.case_id = e.case_id AND r.type = 'received'
         WHERE e.sync_state = 'conflicted'
           AND json_extract(r.payload, '$.item.departmentCode') = @departmentCode) AS conflicts`,
  ).get({ deviceId, departmentCode }) as QueueCounts;
}

export type ConflictRecord = {
  event_id: string;
  case_id: string;
  case_number: string;
  type: string;
  actor_name: string;
  actor_role: string;
  window_id: string;
  occurred_at: string;
  sync_note: string | null;
};

/**
 * The conflicted events of a department's cases, newest first. Case number and department come
 * from the case's receipt, not the projection: a case whose receipt itself conflicted has no row.
 */
export function departmentConflicts(db: Db, departmentCode: string): ConflictRecord[] {
  return sql(
    db,
    `SELECT e.id AS event_id, e.case_id, json_extract(r.payload, '$.caseNumber') AS case_number,
       e.type, e.actor_name, e.actor_role, e.window_id, e.occurred_at, e.sync_note
     FROM events e JOIN events r ON r.case_id = e.case_id AND r.type = 'received'
     WHERE e.sync_state = 'conflicted' AND json_extract(r.payload, '$.item.departmentCode') = ?
     ORDER BY e.occurred_at DESC`,
  ).all(departmentCode) as ConflictRecord[];
}
