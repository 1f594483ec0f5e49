import type { CaseEvent } from '../../shared/case';
import {
  casePart,
  genesisHash,
  type EventEnvelope,
  type SignedEvent,
} from '../../shared/sync/envelope';
import { sql, type Db } from './db';
import { eventFault, eventHash, type EventFault } from '../../node-shared/events/crypto';
import {
  signedEventColumns,
  signedEventOf,
  type SignedEventColumns,
} from '../../node-shared/events/rows';
import type { Device } from './device';

export type SyncState = 'pending' | 'acknowledged' | 'conflicted' | 'rejected';
/** Why the center did not take an event: the reducer's rule (conflicted) or the error code. */
export type SyncNote = { rule: string; message: string };
export type StoredEvent = SignedEvent & {
  seq: number;
  /** the center's global order; null until the center answered */
  serverSeq: number | null;
  syncState: SyncState;
  syncNote: SyncNote | null;
};

export type EventRow = SignedEventColumns & {
  seq: number;
  sync_state: SyncState;
  server_seq: number | null;
  sync_note: string | null;
};

const insertSql = `INSERT INTO events (id, case_id, type, payload, actor_id, actor_name,
  actor_role, window_id, occurred_at, device_id, device_seq, prev_hash, hash, signature,
  server_seq, sync_state, sync_note)
  VALUES (@id, @case_id, @type, @payload, @actor_id, @actor_name, @actor_role, @window_id,
  @occurred_at, @device_id, @device_seq, @prev_hash, @hash, @signature, @server_seq,
  @sync_state, @sync_note)`;

function insertParams(
  e: SignedEvent,
  sync: { serverSeq: number | null; syncState: SyncState; syncNote: SyncNote | null },
) {
  return {
    ...signedEventColumns(e),
    server_seq: sync.serverSeq,
    sync_state: sync.syncState,
    sync_note: sync.syncNote ? JSON.stringify(sync.syncNote) : null,
  };
}

/**
 * Appends one event to this device's chain. Call inside the command's transaction: the seq and
 * prev_hash read here are only safe while the write lock is held.
 */
export function appendEvent(db: Db, device: Device, event: CaseEvent): StoredEvent {
  const head = sql(
    db,
    'SELECT device_seq, hash FROM events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1',
  ).get(device.id) as { device_seq: number; hash: string } | undefined;
  const envelope: EventEnvelope = {
    id: event.id,
    caseId: event.caseId,
    type: event.type,
    payload: event.payload,
    actor: event.actor,
    windowId: event.windowId,
    occurredAt: event.occurredAt,
    deviceId: device.id,
    deviceSeq: (head?.device_seq ?? 0) + 1,
    prevHash: head?.hash ?? genesisHash,
  };
  const hash = eventHash(envelope);
  const signature = device.sign(hash);
  const pending = { serverSeq: null, syncState: 'pending', syncNote: null } as const;
  const signed = { ...envelope, hash, signature };
  const info = sql(db, insertSql).run(insertParams(signed, pending));
  return { ...signed, ...pending, seq: Number(info.lastInsertRowid) };
}

/** What this terminal holds of an event: enough to tell whether the center's answer is news. */
export type HeldEvent = {
  seq: number;
  hash: string;
  caseId: string;
  deviceId: string;
  serverSeq: number | null;
  syncState: SyncState;
  syncNote: string | null;
};

export function heldEvent(db: Db, id: string): HeldEvent | undefined {
  return sql(
    db,
    `SELECT seq, hash, case_id AS caseId, device_id AS deviceId, server_seq AS serverSeq,
       sync_state AS syncState, sync_note AS syncNote FROM events WHERE id = ?`,
  ).get(id) as HeldEvent | undefined;
}

/**
 * Stores an event as the center answered it: a foreign one is written once (pulling the same
 * page again changes nothing), one already here (ours) only takes the center's order and
 * verdict. Another event in the same device slot, or another event under the same id, is a
 * forked chain and fails the transaction. `held` is what heldEvent read for this id.
 *
 * Returns whether the case's fold may have changed: a new event, or a known one whose place in
 * the fold order (server_seq) or whose membership in it (sync_state) moved. The note alone is
 * only shown, never folded.
 */
export function storeAnsweredEvent(
  db: Db,
  e: SignedEvent,
  answer: {
    serverSeq: number;
    syncState: 'acknowledged' | 'conflicted';
    syncNote: SyncNote | null;
  },
  held: HeldEvent | undefined,
): boolean {
  const note = answer.syncNote ? JSON.stringify(answer.syncNote) : null;
  // Insert only what is new (a different hash under a held id fails on the UNIQUE id, as a
  // fork must): an upsert would spend an AUTOINCREMENT value on every event we already hold,
  // and verifyChain reads a gap at the end of the log as rows cut off.
  if (!held || held.hash !== e.hash) {
    sql(db, insertSql).run(insertParams(e, answer));
    return true;
  }
  if (
    held.serverSeq === answer.serverSeq &&
    held.syncState === answer.syncState &&
    held.syncNote === note
  ) {
    // the usual case for our own events: the push answer already recorded all of it
    return false;
  }
  sql(
    db,
    'UPDATE events SET server_seq = @serverSeq, sync_state = @syncState, sync_note = @note WHERE id = @id',
  ).run({ id: e.id, serverSeq: answer.serverSeq, syncState: answer.syncState, note });
  return held.serverSeq !== answer.serverSeq || held.syncState !== answer.syncState;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    ...signedEventOf(row),
    seq: row.seq,
    serverSeq: row.server_seq,
    syncState: row.sync_state,
    syncNote: row.sync_note ? (JSON.parse(row.sync_note) as SyncNote) : null,
  };
}

/**
 * A case's events in the order every terminal folds them: the center's order first, then our
 * events it has not answered yet, in the order we wrote them.
 */
export function caseEvents(db: Db, caseId: string): StoredEvent[] {
  return (
    sql(
      db,
      'SELECT * FROM events WHERE case_id = ? ORDER BY server_seq IS NULL, server_seq, seq',
    ).all(caseId) as EventRow[]
  ).map(toStoredEvent);
}

/** Conflicted and rejected events stay in the history but never shape the case. */
export function folds(e: StoredEvent): boolean {
  return e.syncState !== 'conflicted' && e.syncState !== 'rejected';
}

/** The domain's view of a stored event: what the reducer folds. */
export function asCaseEvent(e: StoredEvent): CaseEvent {
  // Stored events were validated against caseEventSchema before they were written.
  return casePart(e) as CaseEvent;
}

const chainFaults: Record<EventFault, string> = {
  altered: '事件内容与哈希不符',
  unknownDevice: '未知设备',
  badSignature: '签名无效',
};

export type ChainReport =
  | { ok: true; events: number }
  | {
      ok: false;
      events: number;
      broken: { eventId: string; deviceId: string; deviceSeq: number; reason: string };
    };

/**
 * Re-derives every hash and link of every device chain and checks each signature. Names the
 * first broken link, so an edited row in the database can be pointed at.
 */
export function verifyChain(db: Db, publicKeys: ReadonlyMap<string, string>): ChainReport {
  const rows = db
    .prepare('SELECT * FROM events ORDER BY device_id, device_seq')
    .iterate() as IterableIterator<EventRow>;
  let count = 0;
  let device = '';
  let expectedSeq = 1;
  let prev = genesisHash;
  for (const row of rows) {
    count += 1;
    if (row.device_id !== device) {
      device = row.device_id;
      expectedSeq = 1;
      prev = genesisHash;
    }
    const e = toStoredEvent(row);
    const broken = (reason: string): ChainReport => ({
      ok: false,
      events: count,
      broken: { eventId: e.id, deviceId: e.deviceId, deviceSeq: e.deviceSeq, reason },
    });
    if (e.deviceSeq !== expectedSeq)
      return broken(`序号断裂：应为 ${expectedSeq}，实为 ${e.deviceSeq}`);
    if (e.prevHash !== prev) return broken('前一事件哈希不符');
    const fault = eventFault(e, publicKeys.get(e.deviceId));
    if (fault) return broken(chainFaults[fault]);
    prev = e.hash;
    expectedSeq += 1;
  }
  // AUTOINCREMENT remembers the highest seq ever written: rows cut off the end of the log leave
  // it higher than the last row that is still there.
  const written = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as
    { seq: number } | undefined;
  const last = db.prepare('SELECT max(seq) AS seq, id, device_id, device_seq FROM events').get() as
    { seq: number | null; id: string; device_id: string; device_seq: number } | undefined;
  if ((written?.seq ?? 0) !== (last?.seq ?? 0)) {
    return {
      ok: false,
      events: count,
      broken: {
        eventId: last?.id ?? '',
        deviceId: last?.device_id ?? '',
        deviceSeq: last?.device_seq ?? 0,
        reason: `日志末尾的事件被删除：已写入至 ${written?.seq ?? 0}，现存至 ${last?.seq ?? 0}`,
      },
    };
  }
  return { ok: true, events: count };
}
