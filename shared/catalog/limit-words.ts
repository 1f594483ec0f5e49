import type { LimitUnit } from './schema';

/**
 * How a limit reads on paper: the 行政许可法's own limits are working days (Art. 82), a limit
 * another law sets in "日" is calendar days and must be printed as that law says it — "60个工作日"
 * for a regulation's "60日" is a different, longer period.
 */
export const limitUnitWords: Readonly<Record<LimitUnit, string>> = {
  workingDays: '个工作日',
  calendarDays: '日',
};

/** '10个工作日' or '60日'. */
export function limitText(days: number, unit: LimitUnit): string {
  return `${days}${limitUnitWords[unit]}`;
}
