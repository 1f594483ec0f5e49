// An instant written elsewhere may carry another offset (Z, a synced event): bring it to Beijing
// time first. A bare date ('2026-02-26') is already a Shanghai calendar day.
export function inShanghai(iso: string): string {
  if (!/T\d{2}:\d{2}/.test(iso) || iso.endsWith('+08:00')) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().replace('Z', '+08:00');
}

/** An instant → 'YYYY-MM-DD HH:mm' in Beijing time (never the browser's zone). */
export function shanghaiMinute(iso: string): string {
  return inShanghai(iso).slice(0, 16).replace('T', ' ');
}
