import type { SyncStatus } from '../../shared/api';
import type { SyncControl, Terminal } from '../services/context';
import { openSecret } from '../store/device';
import { boundWindow, getSetting, setSetting } from '../store/reference';
import { isEnrolled, queueCounts, syncKeys } from '../store/sync-state';
import { clockStatus, recordClockSample } from './clock';
import type { TerminalClock } from '../../node-shared/http/client';
import { CenterFailure, syncClient } from './client';
import { pullAll } from './pull';
import { checkDevice, pushPending } from './push';
import { RoundScheduler, type RoundResult } from './schedule';
import { clearUnknown, markUnknown, unknownReason, unknownToCenter } from './unknown';
import { fetchSupervision } from './supervision';
import { uploadOwedFiles } from './files';
import { reportHeaders } from '../operations/report';

type SyncStateName = SyncStatus['state'];

type Round = RoundResult & { state: SyncStateName; online: boolean };

export type SyncOptions = { intervalMs: number } | false;

export const defaultSyncIntervalMs = 30_000;

/**
 * The terminal's conversation with the center: a round is device check, push, then pull; rounds
 * run in the background (when enrolled) and on demand, one at a time. The terminal works the same
 * whether a round succeeds or not: sync only ever moves what is already committed.
 */
export class SyncEngine implements SyncControl {
  private readonly scheduler: RoundScheduler<Round>;
  private readonly abort = new AbortController();
  private last: Round = { retry: false, state: 'idle', online: false };

  constructor(
    private readonly t: Terminal,
    private readonly opts: SyncOptions,
  ) {
    this.scheduler = new RoundScheduler(() => this.round(), {
      intervalMs: opts === false ? defaultSyncIntervalMs : opts.intervalMs,
    });
  }

  get background(): boolean {
    return this.opts !== false;
  }

  /** Starts the background rounds, if this terminal is enrolled and background sync is on. */
  start(): void {
    if (this.opts !== false && isEnrolled(this.t.db)) this.scheduler.start();
  }

  /** One round now (or right after the running one); resolves with the status after it. */
  async syncNow(): Promise<SyncStatus> {
    await this.scheduler.now();
    return this.status();
  }

  status(): SyncStatus {
    const db = this.t.db;
    const enrolled = isEnrolled(db);
    const window = boundWindow(db);
    const binding = getSetting<{ windowId: string; number: number }>(db, 'terminal.binding');
    const counts = queueCounts(db, this.t.device.id, window?.department_code ?? null);
    let state: SyncStateName = this.scheduler.running ? 'syncing' : this.last.state;
    // a refused event stops the queue until someone acts: say so whatever the last round did
    if (counts.rejected > 0 && state !== 'syncing') state = 'blocked';
    return {
      enrolled,
      online: this.last.online,
      state,
      pending: counts.pending,
      lastSyncAt: getSetting<string>(db, syncKeys.lastSync) ?? null,
      lastError: getSetting<string | null>(db, syncKeys.lastError) ?? null,
      conflicts: counts.conflicts,
      serverUrl: getSetting<string>(db, syncKeys.server) ?? null,
      clock: clockStatus(db, this.t.device.id, this.t.now()),
      unknownToCenter: unknownToCenter(db),
      enrollment:
        enrolled && binding
          ? {
              deviceId: this.t.device.id,
              windowId: binding.windowId,
              windowName: window?.name ?? null,
              terminalNumber: binding.number,
            }
          : null,
    };
  }

  close(): void {
    this.scheduler.close();
    this.abort.abort();
  }

  private async round(): Promise<Round> {
    const db = this.t.db;
    const serverUrl = getSetting<string>(db, syncKeys.server);
    const sealedToken = getSetting<string>(db, syncKeys.deviceToken);
    if (!isEnrolled(db) || !serverUrl || !sealedToken) {
      return { retry: false, state: 'idle', online: false };
    }
    const client = syncClient({
      serverUrl,
      token: openSecret(sealedToken, this.t.keyProtector),
      signal: this.abort.signal,
      clock: terminalClock(this.t, this.abort.signal),
      // part C (issue 15): version, queue, last error, integrity on every request
      headers: reportHeaders(this.t),
    });
    let result: Round;
    let error: string | null = null;
    try {
      if (!(await checkDevice(this.t, client))) {
        error = markUnknown(db, 'revoked', this.t.now()).message;
        result = { retry: false, state: 'blocked', online: true };
      } else {
        clearUnknown(db);
        const pushed = await pushPending(this.t, client);
        await pullAll(this.t, client);
        await fetchSupervision(this.t, client);
        // issue 18: the scans last, so a page never holds up a case
        await uploadOwedFiles(this.t, client);
        error = pushed.rejected ?? pushed.held;
        result = { retry: false, state: error ? 'blocked' : 'idle', online: true };
        setSetting(db, syncKeys.lastSync, this.t.now().toISOString());
      }
    } catch (failure) {
      ({ result, error } = classify(failure));
      const reason = unknownReason(failure);
      if (reason && !this.abort.signal.aborted)
        error = markUnknown(db, reason, this.t.now()).message;
    }
    // the engine closed during the round: the database may be gone
    if (this.abort.signal.aborted) return result;
    setSetting(db, syncKeys.lastError, error);
    // part C (issue 15): a failed round is the first thing IT looks for in the log
    if (error) this.t.log.warn({ state: result.state }, `sync round: ${error}`);
    this.last = result;
    return result;
  }
}

/**
 * Every answer of the round measures this PC's clock; every request says it, with the
 * correction a manager acknowledged (the center judges the events' dates by both).
 */
export function terminalClock(t: Terminal, signal?: AbortSignal): TerminalClock {
  return {
    now: t.now,
    correctionMs: clockStatus(t.db, t.device.id, t.now()).correctionMs,
    onSample: (sample) => {
      // the engine closed during the request: the database may be gone
      if (!signal?.aborted) recordClockSample(t.db, sample);
    },
  };
}

function classify(failure: unknown): { result: Round; error: string } {
  const message = failure instanceof Error ? failure.message : String(failure);
  if (!(failure instanceof CenterFailure)) {
    // our side failed (a page that does not apply): retrying at once would fail the same way
    return { result: { retry: false, state: 'blocked', online: true }, error: message };
  }
  if (failure.kind === 'network')
    return { result: { retry: true, state: 'offline', online: false }, error: message };
  if (failure.status === 426) {
    return {
      result: { retry: false, state: 'outdated', online: true },
      error: `终端版本过旧，中心已不再接受：请升级一窗通终端（办件照常保存，升级后上传）(${message})`,
    };
  }
  if (failure.kind === 'malformed' || failure.kind === 'unavailable') {
    // a busy center says when to come back (issue 19): the scheduler waits that long, jittered
    const later = failure.retryAfterMs === null ? {} : { retryAfterMs: failure.retryAfterMs };
    return { result: { retry: true, state: 'offline', online: true, ...later }, error: message };
  }
  return { result: { retry: false, state: 'blocked', online: true }, error: message };
}
