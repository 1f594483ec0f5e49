import { canonicalJson } from '../sync/canonical';
import type { CalendarData } from './calendar-data';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

// Cases pin the version their deadlines were computed with, so it must be synchronous (a
// Calendar is built synchronously) and identical on every terminal and the server: FNV-1a 64
// over the UTF-8 of the canonical JSON. Not a security hash — it only names content.
function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  }
  return hash;
}

/** Expects data already normalized, so that order and duplicates do not change the version. */
export function calendarVersion(data: CalendarData): string {
  return `cal-${fnv1a64(canonicalJson(data)).toString(16).padStart(16, '0').slice(0, 12)}`;
}
