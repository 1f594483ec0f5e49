import type { SyncStatus } from '../../shared/api';
import { beyondTolerance, clockOffset, clockTolerance, type ClockSample } from '../../shared/sync';
import { sql, type Db } from '../store/db';
import { getSetting, setSetting } from '../store/reference';
import { syncKeys } from '../store/sync-state';

// This PC's clock as the center sees it. Each answer of the center carries its time; the offset
// is measured then and kept with the moment it was measured. The offset is NOT aged out: a
// terminal offline for days is normal, and its last measurement stays the best word on its
// clock. What offline can hide — a clock set back meanwhile — shows as the clock reading earlier
// than a time this terminal has already seen (the center's, or its own last event).

/** The last measurement: PC clock minus center clock, and when (both clocks) it was taken. */
export type ClockRecord = { offsetMs: number; measuredAt: string; centerTime: string };

/**
 * A manager's acknowledgment of the offset measured then. While it holds, events are dated on
 * the center's time — the PC's clock minus the latest measured offset — because the legal date
 * must be the true one: the manager accepts that the PC's clock is wrong, not its dates.
 */
export type ClockAcknowledgment = {
  offsetMs: number;
  userId: string;
  name: string;
  /** the (corrected) time of the acknowledgment */
  at: string;
};

export type ClockStatus = SyncStatus['clock'];

/** Keeps a sample: the best of a round would be the shortest trip, the latest is good enough. */
export function recordClockSample(db: Db, sample: ClockSample): void {
  const record: ClockRecord = {
    offsetMs: clockOffset(sample),
    measuredAt: new Date(sample.answeredAt).toISOString(),
    centerTime: new Date(sample.centerTime).toISOString(),
  };
  setSetting(db, syncKeys.clock, record);
}

/** The latest time this terminal knows has passed: the center's last time, its own last event. */
function latestSeen(db: Db, deviceId: string, record: ClockRecord | undefined): number | null {
  const own = sql(
    db,
    'SELECT occurred_at FROM events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1',
  ).get(deviceId) as { occurred_at: string } | undefined;
  const times = [record?.centerTime, own?.occurred_at]
    .map((t) => (t ? Date.parse(t) : Number.NaN))
    .filter(Number.isFinite);
  return times.length > 0 ? Math.max(...times) : null;
}

/**
 * Whether this PC's clock may date a legal event, and the correction to apply. An
 * acknowledgment covers the offset it was given for: a clock that moved again by more than the
 * tolerance since is a new fact, and blocks again until a manager has seen it.
 */
export function clockStatus(db: Db, deviceId: string, now: Date): ClockStatus {
  const record = getSetting<ClockRecord>(db, syncKeys.clock);
  const ack = getSetting<ClockAcknowledgment>(db, syncKeys.clockAck) ?? null;
  const measured = record !== undefined && beyondTolerance(record.offsetMs);
  const covered =
    measured && ack !== null && Math.abs(ack.offsetMs - record.offsetMs) <= clockTolerance;
  const correctionMs = covered ? record.offsetMs : 0;
  const seen = latestSeen(db, deviceId, record);
  const setBack = seen !== null && now.getTime() - correctionMs < seen - clockTolerance;
  return {
    offsetMs: record?.offsetMs ?? null,
    measuredAt: record?.measuredAt ?? null,
    state: setBack ? 'setBack' : measured ? (covered ? 'acknowledged' : 'skewed') : 'ok',
    correctionMs: covered ? correctionMs : null,
    acknowledged: covered ? { by: ack.name, at: ack.at, offsetMs: ack.offsetMs } : null,
  };
}
