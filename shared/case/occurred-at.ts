// An event's time, read once for the rules (which refuse a time that goes backwards) and the
// clocks (which run from it): in its own file so that neither has to import the other.

const OFFSET_AT_END = /(?:Z|[+-]\d{2}:\d{2})$/i;

/** Milliseconds of an ISO time that names its offset; null otherwise (a bare local time is ambiguous). */
export function occurredAtMs(occurredAt: string): number | null {
  const ms = OFFSET_AT_END.test(occurredAt) ? Date.parse(occurredAt) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
}
