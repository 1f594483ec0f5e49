/**
 * How long to wait before retrying after `failures` failed rounds in a row: exponential, capped,
 * with full jitter, so that a hall of PCs coming back after a center outage does not knock on
 * its door in step.
 */
export function backoffDelay(
  failures: number,
  random: () => number = Math.random,
  baseMs = 1000,
  capMs = 60_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

export type RoundResult = {
  retry: boolean;
  /** how long the center asked to be left alone (Retry-After); absent: the backoff decides */
  retryAfterMs?: number;
};

/**
 * The wait after a busy center's Retry-After: at least that long, and spread over as long again,
 * so that the PCs it turned away together do not come back together.
 */
export function retryAfterDelay(retryAfterMs: number, random: () => number = Math.random): number {
  return retryAfterMs + Math.floor(random() * retryAfterMs);
}

/**
 * Runs sync rounds one at a time: every `intervalMs`, sooner after a failure (backoff), and on
 * demand. A request while a round runs gets one follow-up round after it (shared by every
 * request made meanwhile), so an event written during a round is not left for the next tick,
 * and rounds never overlap: two rounds pushing the same events would race on their answers.
 */
export class RoundScheduler<R extends RoundResult> {
  private inFlight: Promise<R> | null = null;
  private queued: Promise<R> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private started = false;
  private closed = false;

  constructor(
    private readonly round: () => Promise<R>,
    private readonly opts: { intervalMs: number; random?: () => number },
  ) {}

  get running(): boolean {
    return this.inFlight !== null;
  }

  /** Begins the periodic rounds, the first one now. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.now();
  }

  /** A round as soon as possible; resolves with its result. */
  now(): Promise<R> {
    if (!this.inFlight) return this.launch();
    this.queued ??= this.inFlight.then(() => {
      this.queued = null;
      return this.launch();
    });
    return this.queued;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private launch(): Promise<R> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // The round reports failures in its result; a rejection here is a bug, but must still free
    // the scheduler for the next request.
    const run = this.round()
      .finally(() => (this.inFlight = null))
      .then((result) => {
        this.failures = result.retry ? this.failures + 1 : 0;
        this.schedule(result.retry ? result.retryAfterMs : undefined);
        return result;
      });
    this.inFlight = run;
    return run;
  }

  private schedule(retryAfterMs?: number): void {
    if (!this.started || this.closed || this.queued) return;
    const delay =
      retryAfterMs !== undefined
        ? retryAfterDelay(retryAfterMs, this.opts.random)
        : this.failures > 0
          ? backoffDelay(this.failures, this.opts.random)
          : this.opts.intervalMs;
    this.timer = setTimeout(() => void this.now(), delay);
    // a pending round must not keep a closing process alive
    this.timer.unref?.();
  }
}
