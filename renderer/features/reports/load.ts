import { create } from 'zustand';
import type { ApiResult } from '../../../shared/api';
import { addDays, endOfDay, shanghaiDate } from '../../../shared/calendar';
import type { DailyReport } from '../../../shared/reports/daily-report';
import { call } from '../../api';

/**
 * What the report was last asked for, kept while the user opens a case from a drill list and
 * comes back: the same days and window, not today again. `from` null: the terminal's today.
 */
type ReportFilters = {
  from: string | null;
  to: string | null;
  windowId: string | undefined;
  set: (f: Partial<Omit<ReportFilters, 'set'>>) => void;
};

export const useReportFilters = create<ReportFilters>((set) => ({
  from: null,
  to: null,
  windowId: undefined,
  set: (f) => set(f),
}));

/** Today in Beijing by this PC's clock, 'YYYY-MM-DD'. */
export function browserToday(): string {
  return shanghaiDate(new Date().toISOString());
}

export type Loaded = ApiResult<DailyReport>;

export function loadReport(from: string, to: string, windowId?: string): Promise<Loaded> {
  return call('reports.metrics', { from, to, ...(windowId ? { windowId } : {}) });
}

/**
 * Today's report by the terminal's business clock, which is the one that counts (and may differ
 * from this PC's, or be fixed in a test). The report says when it was judged: today's at the
 * terminal's now, a past day at its end. So ask for the PC's today; when that is not the
 * terminal's, the answer's `asOf` tells which day is, and a second call fetches it.
 */
export async function loadToday(windowId?: string): Promise<Loaded> {
  const guess = browserToday();
  const first = await loadReport(guess, guess, windowId);
  if (!first.ok) return first;
  let asOf = first.value.asOf;
  // the terminal is already past the PC's today: probe days ahead of it. Each step stays within
  // the year ahead of the terminal's own today that a report period may reach (dates by meaning,
  // issue 16), so a terminal days or months ahead of this PC is found in a step or two.
  for (let probed = guess, steps = 0; asOf === endOfDay(probed) && steps < 20; steps++) {
    probed = addDays(probed, 300);
    const probe = await loadReport(probed, probed, windowId);
    if (!probe.ok) return probe;
    asOf = probe.value.asOf;
  }
  const today = shanghaiDate(asOf);
  return today === guess ? first : loadReport(today, today, windowId);
}
