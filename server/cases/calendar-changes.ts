import { deadlineChanges, type OpenCase } from '../../shared/case';
import type { CalendarChange } from '../../shared/center-api';
import type { CenterHandlers } from '../http/spec';
import type { ServerContext } from '../http/spec';
import { clockContext } from './clocks';

/**
 * Every open case whose printed deadlines differ between the calendar it pinned and the center's
 * current one (issue 14 point 12), oldest first: the windows print a 期限变更告知书 for each. A
 * case pinned to a version the center never made cannot say what it printed and is not listed:
 * the center measures it on the current calendar already.
 */
export async function calendarChanges(ctx: ServerContext): Promise<CalendarChange[]> {
  const c = await clockContext(ctx.db, ctx.now());
  const rows = await ctx.db
    .selectFrom('cases')
    .select(['state', 'window_id'])
    .where('open', '=', 1)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  const listed: CalendarChange[] = [];
  for (const row of rows) {
    const state = JSON.parse(row.state) as OpenCase;
    if (state.calendarVersion === c.calendar.version) continue;
    const pinned = c.pinned(state.calendarVersion);
    if (!pinned) continue;
    const changes = deadlineChanges(state, pinned, c.calendar, c.now);
    if (changes.length === 0) continue;
    listed.push({
      caseId: state.caseId,
      caseNumber: state.caseNumber,
      windowId: row.window_id,
      itemName: state.item.name,
      applicantName: state.applicant.name,
      pinnedVersion: state.calendarVersion,
      currentVersion: c.calendar.version,
      changes,
    });
  }
  return listed;
}

export const calendarChangeHandlers = {
  'calendar.changes': async (_input, ctx) => ({ body: await calendarChanges(ctx) }),
} satisfies Partial<CenterHandlers>;
