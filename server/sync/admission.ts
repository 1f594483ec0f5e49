import { HttpError } from '../http/errors';

// Issue 19: 300 PCs back after an outage all push at once. Unbounded, their transactions took
// every connection of the pool, and /health, sign-in and pulls waited behind them. Each center
// process now runs a few pushes at a time and lines up a few more; beyond that it says it is
// busy (503 with Retry-After), and the terminal comes back after that long, jittered.

/** The center is busy now: try again after `retryAfterSeconds` (sent as Retry-After). */
export class BusyError extends HttpError<'unavailable'> {
  constructor(readonly retryAfterSeconds: number) {
    super(503, 'unavailable', `中心正忙，请 ${retryAfterSeconds} 秒后再同步（记录已保留在本机）`);
  }
}

export type AdmissionLimits = {
  /** at most this many at once */
  running: number;
  /** at most this many waiting for a place; the next is told to come back later */
  waiting: number;
  retryAfterSeconds: number;
};

export const defaultPushAdmission: AdmissionLimits = {
  // the pool holds 10 connections: pushes never take more than 4 of them
  running: 4,
  waiting: 32,
  retryAfterSeconds: 2,
};

/** Runs work at most `running` at a time, first come first served, `waiting` in line. */
export class Admission {
  private active = 0;
  private readonly line: (() => void)[] = [];

  constructor(private readonly limits: AdmissionLimits) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.limits.running) this.active += 1;
    else if (this.line.length < this.limits.waiting)
      // the place is handed over by the one that leaves: `active` stays as it is
      await new Promise<void>((resolve) => this.line.push(resolve));
    else throw new BusyError(this.limits.retryAfterSeconds);
    try {
      return await work();
    } finally {
      const next = this.line.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}
