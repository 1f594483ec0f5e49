import type { Calendar, Instant, LocalDate } from '../calendar';
import { caseClocks, clockLabels, type ClockKind } from './clocks';
import type { OpenCase } from './state';

// Issue 14 point 12: when the center's calendar changes (next year's official table entered, a
// closure added), the deadlines printed on an open case's notices were counted on the calendar
// the case pinned. A case keeps that version for its history; the window tells the applicant the
// new dates with a 期限变更告知书 (the `calendarRevised` event), and the new version governs from
// then on.

/** The clocks whose date is printed on a notice the applicant holds. */
export const printedClocks = ['completeness', 'promised', 'statutory', 'delivery'] as const;
export type PrintedClock = (typeof printedClocks)[number];

export type DeadlineChange = { clock: PrintedClock; label: string; from: LocalDate; to: LocalDate };

const isPrinted = (kind: ClockKind): kind is PrintedClock =>
  (printedClocks as readonly string[]).includes(kind);

/**
 * Each running printed clock whose last day differs between `pinned` (the case's calendar) and
 * `current`, measured at `now`. A paused or stopped clock prints no date to change: a paused
 * one is told again when it resumes, a stopped one has done its work.
 */
export function deadlineChanges(
  state: OpenCase,
  pinned: Calendar,
  current: Calendar,
  now: Instant,
): DeadlineChange[] {
  if (pinned.version === current.version) return [];
  const before = caseClocks(state, pinned, now);
  const after = caseClocks({ ...state, calendarVersion: current.version }, current, now);
  const changes: DeadlineChange[] = [];
  for (const clock of before) {
    if (clock.state !== 'running' || !isPrinted(clock.kind)) continue;
    const moved = after.find((c) => c.kind === clock.kind && c.state === 'running');
    if (moved && moved.deadline.date !== clock.deadline.date) {
      changes.push({
        clock: clock.kind,
        label: clockLabels[clock.kind],
        from: clock.deadline.date,
        to: moved.deadline.date,
      });
    }
  }
  return changes;
}
