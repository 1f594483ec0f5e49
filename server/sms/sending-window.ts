// Messages go out only in the sending window (default 08:00–20:00 Beijing time): one queued at
// 22:00 waits for 08:00. China keeps UTC+8 all year, so a fixed offset is exact.

const offsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The first moment at or after `at` inside the window [from, to) of a Beijing day. */
export function nextSendingTime(at: Date, window: { from: string; to: string }): Date {
  const local = at.getTime() + offsetMs;
  const dayStart = Math.floor(local / dayMs) * dayMs;
  const minute = (local - dayStart) / 60_000;
  const open = minutes(window.from);
  if (minute >= open && minute < minutes(window.to)) return at;
  const openDay = minute < open ? dayStart : dayStart + dayMs;
  return new Date(openDay + open * 60_000 - offsetMs);
}
