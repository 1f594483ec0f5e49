import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../shared/case';
import { activityReportMs, screenLockMinutes } from '../../shared/screen-lock';

// The actor is fixed at sign-in: every event of the session carries the same name and role.
// dispatch() re-checks the account on every call, so a changed account loses its session.
// `lastInputAt` is the last time the renderer reported a key or pointer (not any call: the page
// polls sync and alerts by itself); `locked` refuses every call but unlock and sign-out.
export type SessionRecord = {
  actor: Actor;
  expiresAt: number;
  lastInputAt: number;
  locked: boolean;
};

export const defaultLockAfterMs = screenLockMinutes.default * 60_000;

const idleLimitMs = 8 * 60 * 60 * 1000; // one working day at the window

/**
 * Sessions live in the main process's memory only: a restart signs everyone out, which is what a
 * shared hall PC should do. Tokens are kept hashed so a memory dump does not hand out sessions.
 */
export class Sessions {
  private readonly byHash = new Map<string, SessionRecord>();

  /**
   * `lockAfterMs` is read at every call, so a manager's new idle time holds at once. Both clocks
   * are the real one: a business clock fixed for a demonstration (--now) must not lock, nor
   * never lock, the screen.
   */
  constructor(
    private readonly now: () => number = Date.now,
    readonly lockAfterMs: () => number = () => defaultLockAfterMs,
  ) {}

  open(actor: Actor): string {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    this.byHash.set(digest(token), {
      actor,
      expiresAt: now + idleLimitMs,
      lastInputAt: now,
      locked: false,
    });
    return token;
  }

  resolve(token: string | null | undefined): SessionRecord | null {
    if (!token || token.length > 128) return null;
    const key = digest(token);
    const s = this.byHash.get(key);
    if (!s) return null;
    if (s.expiresAt <= this.now()) {
      this.byHash.delete(key);
      return null;
    }
    s.expiresAt = this.now() + idleLimitMs;
    const lockAfter = this.lockAfterMs();
    if (!s.locked && this.now() - s.lastInputAt >= lockAfter + activityReportMs(lockAfter)) {
      s.locked = true;
    }
    return s;
  }

  /** Someone is at the keyboard: the idle time starts again (a locked screen stays locked). */
  touched(s: SessionRecord): void {
    if (!s.locked) s.lastInputAt = this.now();
  }

  lock(s: SessionRecord): void {
    s.locked = true;
  }

  /** Only after the session's own password was checked (session.unlock). */
  unlock(s: SessionRecord): void {
    s.locked = false;
    s.lastInputAt = this.now();
  }

  close(token: string | null): void {
    if (token) this.byHash.delete(digest(token));
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const maxFailures = 5;
const lockoutMs = 60_000;
// Guessing many made-up usernames must not grow memory without end.
const maxTracked = 1000;

/**
 * Slows down password guessing at a shared hall PC: after five wrong passwords in a row an
 * account is refused for a minute. In memory only, like the sessions.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until the account may try again; 0 when it may try now. */
  waitFor(username: string): number {
    const f = this.failures.get(username);
    return f ? Math.max(0, f.lockedUntil - this.now()) : 0;
  }

  failed(username: string): void {
    const f = this.failures.get(username) ?? { count: 0, lockedUntil: 0 };
    if (!this.failures.has(username) && this.failures.size >= maxTracked) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    f.count += 1;
    if (f.count >= maxFailures) {
      f.lockedUntil = this.now() + lockoutMs;
      f.count = 0;
    }
    this.failures.set(username, f);
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }
}
