import { isLegalEvent, ruleMessages, type CaseEventType } from '../../shared/case';
import { describeOffset } from '../../shared/sync';
import { ApiFailure } from '../api/errors';
import { clockStatus, type ClockAcknowledgment } from '../sync/clock';
import { setSetting } from '../store/reference';
import { syncKeys } from '../store/sync-state';
import type { Terminal } from './context';
import type { SessionRecord } from './sessions';

/**
 * A legal event at a PC whose clock is not trusted is refused under `clock.skewed`: its date
 * would be a legal fact.
 */
export function assertTrustedClock(t: Terminal, type: CaseEventType): void {
  const clock = clockStatus(t.db, t.device.id, t.now());
  if ((clock.state === 'skewed' || clock.state === 'setBack') && isLegalEvent(type)) {
    const how =
      clock.state === 'setBack'
        ? '本机时钟早于已记录的时间，可能被调回'
        : `上次同步测得本机时钟${describeOffset(clock.offsetMs ?? 0)}`;
    throw new ApiFailure('not_allowed', `${ruleMessages['clock.skewed']}（${how}）`, {
      rule: 'clock.skewed',
    });
  }
}

/**
 * The time new events are dated with: the PC's clock, or the center's time (the PC's minus the
 * measured offset) once a manager acknowledged the offset.
 */
export function correctedNow(t: Terminal): Date {
  const now = t.now();
  return new Date(now.getTime() - (clockStatus(t.db, t.device.id, now).correctionMs ?? 0));
}

/** The time a new event of `type` is dated with, once the clock may date it. */
export function eventClock(t: Terminal, type: CaseEventType): Date {
  assertTrustedClock(t, type);
  return correctedNow(t);
}

/**
 * A manager accepts the offset the last sync measured. Only a measured offset can be
 * acknowledged: a clock set back while offline has none yet, and syncing measures it.
 */
export function acknowledgeClock(t: Terminal, session: SessionRecord): void {
  const now = t.now();
  const clock = clockStatus(t.db, t.device.id, now);
  if (clock.state === 'ok' || clock.offsetMs === null) {
    throw new ApiFailure('not_allowed', '本机时钟与中心时间相符，无需确认时差');
  }
  if (clock.state === 'setBack') {
    throw new ApiFailure('not_allowed', '本机时钟早于已记录的时间：请先与中心同步以测量时差');
  }
  const ack: ClockAcknowledgment = {
    offsetMs: clock.offsetMs,
    userId: session.actor.userId,
    name: session.actor.name,
    at: new Date(now.getTime() - clock.offsetMs).toISOString(),
  };
  setSetting(t.db, syncKeys.clockAck, ack);
}
