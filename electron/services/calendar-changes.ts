import type { CallOutput, ParsedInput } from '../../shared/api';
import { deadlineChanges, type OpenCase } from '../../shared/case';
import type { CalendarChange } from '../../shared/center-api';
import { ApiFailure } from '../api/errors';
import { inTransaction } from '../store/db';
import { getCaseState, listScopeCases } from '../store/cases';
import { boundWindow } from '../store/reference';
import { appendToCase } from './cases';
import { correctedNow } from './clock';
import type { Terminal } from './context';
import type { SessionRecord } from './sessions';

// Issue 14 point 12 at the window: when a pull brought a new calendar (next year's official
// table, a closure), the window's open cases whose printed dates it moves, and the 期限变更告知书
// that tells the applicant and moves the case onto the new calendar.

/** The window's open cases whose printed deadlines the current calendar moves, oldest first. */
export function windowCalendarChanges(t: Terminal): CalendarChange[] {
  const window = boundWindow(t.db);
  if (!window) return [];
  const current = t.currentCalendar();
  const now = correctedNow(t);
  const { rows } = listScopeCases(
    t.db,
    { windowId: window.id },
    { open: true, limit: 100_000, offset: 0 },
  );
  const listed: CalendarChange[] = [];
  for (const row of rows) {
    if (row.calendar_version === current.version) continue;
    const state = getCaseState(t.db, row.id);
    if (!state || state.status === 'none') continue;
    const changes = deadlineChanges(state, t.calendar(state.calendarVersion), current, now);
    if (changes.length === 0) continue;
    listed.push({
      caseId: state.caseId,
      caseNumber: state.caseNumber,
      windowId: window.id,
      itemName: state.item.name,
      applicantName: state.applicant.name,
      pinnedVersion: state.calendarVersion,
      currentVersion: current.version,
      changes,
    });
  }
  return listed.sort((a, b) => (a.caseNumber < b.caseNumber ? -1 : 1));
}

/**
 * Records the 期限变更告知书 of a case: the dates are the ones the two calendars give at the
 * notice's own time (never typed), so the printed notice, the case and the center agree.
 */
export function reviseCaseCalendar(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'cases.reviseCalendar'>,
): CallOutput<'cases.reviseCalendar'> {
  return inTransaction(t.db, () => {
    const current = t.currentCalendar();
    const { stored, state } = appendToCase(t, session, input.caseId, (s: OpenCase, at) => {
      const changes = deadlineChanges(s, t.calendar(s.calendarVersion), current, at);
      if (changes.length === 0) {
        throw new ApiFailure('invalid_input', '该办件的期限未因日历变更而改变，无须告知', {
          field: 'caseId',
        });
      }
      return {
        type: 'calendarRevised',
        payload: {
          calendarVersion: current.version,
          changes: changes.map(({ clock, from, to }) => ({ clock, from, to })),
        },
      };
    });
    return { eventId: stored.id, status: state.status };
  });
}
