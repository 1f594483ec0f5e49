import { addDays, fromDayNumber, toDayNumber, type LocalDate } from './local-date';

// An Instant is a point in time. Strings must carry their offset: '2025-03-03T10:00:00' without
// one would be read in the machine's local zone, and a terminal set to the wrong zone would
// then move deadlines.
export type Instant = string | number | Date;

const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;
const MS_PER_DAY = 86_400_000;
// China has used UTC+8 all year round since 1991, so a fixed offset is exact for every date we handle.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function instantMs(at: Instant): number {
  let ms: number;
  if (typeof at === 'number') {
    ms = at;
  } else if (at instanceof Date) {
    ms = at.getTime();
  } else if (typeof at === 'string') {
    const match = ISO_WITH_OFFSET.exec(at);
    if (!match?.[1]) {
      throw new Error(
        `Invalid instant ${JSON.stringify(at)}: expected ISO 8601 with 'Z' or an offset like '+08:00'`,
      );
    }
    toDayNumber(match[1]);
    ms = Date.parse(at);
  } else {
    throw new Error(`Invalid instant: ${String(at)}`);
  }
  if (!Number.isFinite(ms)) throw new Error(`Invalid instant: ${String(at)}`);
  return ms;
}

/** The calendar day in Asia/Shanghai at which `at` happens. */
export function shanghaiDate(at: Instant): LocalDate {
  return fromDayNumber(Math.floor((instantMs(at) + SHANGHAI_OFFSET_MS) / MS_PER_DAY));
}

/** 24:00 Asia/Shanghai of `date`, written as the next day's midnight so it parses everywhere. */
export function endOfDay(date: LocalDate): string {
  return `${addDays(date, 1)}T00:00:00+08:00`;
}

/** "2026-03-02 09:05" in Beijing time: a moment as a message for people states it. */
export function shanghaiMinuteText(at: Instant): string {
  return shanghaiIso(new Date(instantMs(at)))
    .slice(0, 16)
    .replace('T', ' ');
}

/** ISO 8601 in Beijing time with its offset, whatever the machine's own zone is set to. Stored
 * times compare as text, which is only sound while every one of them carries this same offset. */
export function shanghaiIso(at: Date): string {
  const shifted = new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 23)}+08:00`;
}
