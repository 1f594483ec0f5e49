// Time you can trust: the center's clock is the reference, and every answer carries it. A
// terminal's clock is only believed within `clockTolerance` of the center's; beyond that a legal
// date written by the PC (a receipt, a decision, a delivery) could be years off, or a late
// decision made to look on time by setting the clock back.

/** The center's time on every answer: ISO-8601 UTC with milliseconds. */
export const centerTimeHeader = 'x-center-time';
/** The terminal's own clock (uncorrected) on every request, same format. */
export const terminalTimeHeader = 'x-terminal-time';
/**
 * Milliseconds the terminal subtracts from its own clock to date its events, once a manager
 * acknowledged a measured offset. Absent: events carry the PC's clock as it is.
 */
export const clockCorrectionHeader = 'x-terminal-clock-correction';

/** How far a clock may be from the center's before it is not trusted: 5 minutes. */
export const clockTolerance = 5 * 60_000;

/** One exchange with the center, as the terminal's own clock saw it. */
export type ClockSample = { sentAt: number; answeredAt: number; centerTime: number };

/**
 * The terminal's clock minus the center's, in ms. The center read its clock somewhere during the
 * round trip; assuming the middle, at `answeredAt` the center's clock read centerTime + rtt/2.
 */
export function clockOffset(sample: ClockSample): number {
  const rtt = Math.max(0, sample.answeredAt - sample.sentAt);
  return Math.round(sample.answeredAt - (sample.centerTime + rtt / 2));
}

export function beyondTolerance(offsetMs: number): boolean {
  return Math.abs(offsetMs) > clockTolerance;
}

/** A header's time: an ISO instant naming its zone, else null (never the machine's zone). */
export function headerTime(value: string | string[] | undefined | null): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || text.length > 40 || !/(?:Z|[+-]\d{2}:\d{2})$/i.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** A correction header: whole milliseconds, within ±20 years (anything else is ignored). */
export function headerCorrection(value: string | string[] | undefined | null): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^-?\d{1,13}$/.test(text)) return null;
  const ms = Number(text);
  return Math.abs(ms) <= 20 * 366 * 86_400_000 ? ms : null;
}

/** Minutes and seconds of an offset, for people: '快 10 分 3 秒' / '慢 2 天 4 小时'. */
export function describeOffset(offsetMs: number): string {
  const way = offsetMs >= 0 ? '快' : '慢';
  let s = Math.round(Math.abs(offsetMs) / 1000);
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  s -= minutes * 60;
  const parts = [
    days ? `${days} 天` : '',
    hours ? `${hours} 小时` : '',
    minutes ? `${minutes} 分` : '',
    !days && !hours ? `${s} 秒` : '',
  ].filter(Boolean);
  return `${way} ${parts.join(' ')}`;
}
