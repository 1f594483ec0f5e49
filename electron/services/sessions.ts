import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../shared/case';

export type SessionRecord = { staffId: string; role: Role; expiresAt: number };

const idleLimitMs = 8 * 60 * 60 * 1000; // one working day at the window

/**
 * Sessions live in the main process's memory only: a restart signs everyone out, which is what a
 * shared hall PC should do. Tokens are kept hashed so a memory dump does not hand out sessions.
 */
export class Sessions {
  private readonly byHash = new Map<string, SessionRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  open(staffId: string, role: Role): string {
    const token = randomBytes(32).toString('base64url');
    this.byHash.set(digest(token), { staffId, role, expiresAt: this.now() + idleLimitMs });
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
    return s;
  }

  close(token: string | null): void {
    if (token) this.byHash.delete(digest(token));
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
