/** ISO 8601 in Beijing time with its offset, whatever the PC's own zone is set to. */
export function shanghaiIso(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 23)}+08:00`;
}
