import { describe, expect, it } from 'vitest';
import { appendToCase } from '../../electron/services/cases';
import { inTransaction } from '../../electron/store/db';
import { statutoryHolidays } from '../../shared/calendar';
import type { CalendarChange } from '../../shared/center-api';
import { adminAccount } from '../support/center';
import { centerAdmin, type CenterAdmin } from '../support/center-admin';
import { cleanupAfterEach } from '../support/cleanups';
import { callAs } from '../support/sync';
import { table2027 } from '../support/table-2027';
import { enrolledTerminal, hallOn, receiveChecked, syncUntilQuiet, writeCases } from './world';

// Issue 14 point 12, end to end on both dialects: the manager enters 2027's official table at the
// center; the next pull brings it to the window's PC as a new calendar version; the center and
// the PC list the open case whose printed statutory deadline it moves, with both dates; the
// clerk records the 期限变更告知书, which moves the case onto the new calendar and which the center
// checks against the two calendars it made. Wednesday 20 January 2027: WJ-001's 20 working days
// from an acceptance that morning run through 春节, whose bridging days the table adds.
const now = '2027-01-20T09:00:00+08:00';
const fixedNow = () => new Date(now);

const defer = cleanupAfterEach();

const changesAt = (admin: CenterAdmin) =>
  admin.call<CalendarChange[]>('GET', '/api/calendar/changes');

describe.each(['sqlite', 'postgres'] as const)(
  'next year’s table at the center (%s)',
  (dialect) => {
    it('reaches the window, lists the moved deadline on both sides, and the notice moves the case', async () => {
      const hall = await hallOn(dialect, defer, now);
      const h = await enrolledTerminal(hall, hall.windows[2]!, fixedNow);
      defer(h.cleanup);
      const [caseId, forgedId] = await writeCases(h, 2);
      // received before the table reaches the PC, accepted after (review F4)
      const lateId = await receiveChecked(h, 7);
      await syncUntilQuiet([h.t]);
      const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
      expect(await changesAt(admin)).toEqual([]);

      // a table that leaves out 除夕 is refused at its field, and nothing changes
      await expect(
        admin.call('PUT', '/api/calendar/official-years', {
          ...table2027,
          holidays: table2027.holidays.filter((d) => d !== '2027-02-05'),
        }),
      ).rejects.toThrow(/400.*2027-02-05.*body\.holidays/);
      await expect(
        admin.call('PUT', '/api/calendar/official-years', {
          ...table2027,
          workdays: ['2027-02-17'],
        }),
      ).rejects.toThrow(/400.*不是周六或周日.*body\.workdays/);
      // review F3: weekdays off joined to no statutory day, a year with no working day
      await expect(
        admin.call('PUT', '/api/calendar/official-years', {
          ...table2027,
          holidays: [...table2027.holidays, '2027-03-10', '2027-03-11', '2027-03-12'],
        }),
      ).rejects.toThrow(/400.*须与法定节假日相连.*2027-03-10.*body\.holidays/);
      // review F2: the shipped 2026 table is not replaced by the statutory days alone unconfirmed
      await expect(
        admin.call('PUT', '/api/calendar/official-years', {
          year: 2026,
          holidays: statutoryHolidays(2026).map((d) => d.date),
          workdays: [],
          confirmPast: true,
        }),
      ).rejects.toThrow(/400.*随程序发布.*2026-01-02.*body\.confirmReplace/);
      const before = await admin.call<{ calendar: number }>('GET', '/api/reference/versions');

      const stored = await admin.call<{ year: number; holidays: string[] }[]>(
        'PUT',
        '/api/calendar/official-years',
        table2027,
      );
      expect(stored.map((y) => y.year)).toEqual([2027]);
      const after = await admin.call<{ calendar: number }>('GET', '/api/reference/versions');
      expect(after.calendar).toBe(before.calendar + 1);
      // entering it again replaces the entered table only when the manager confirms
      await expect(admin.call('PUT', '/api/calendar/official-years', table2027)).rejects.toThrow(
        /400.*已录入.*与现行安排相同.*body\.confirmReplace/,
      );
      expect(await admin.call('GET', '/api/reference/versions')).toEqual(after);

      // the center: both open cases, the statutory deadline moved past the bridging days
      const atCenter = await changesAt(admin);
      expect(atCenter.map((c) => c.caseId).sort()).toEqual([caseId, forgedId].sort());
      const statutory = atCenter[0]!.changes.find((c) => c.clock === 'statutory')!;
      expect(statutory.to).toBe('2027-02-24');
      expect(statutory.from < statutory.to).toBe(true);

      // the window's PC, after its next sync: the same cases and dates
      const pinned = h.t.currentCalendar().version;
      await syncUntilQuiet([h.t]);
      expect(h.t.currentCalendar().version).not.toBe(pinned);
      expect(h.t.currentCalendar().version).toBe(atCenter[0]!.currentVersion);
      const atWindow = (await callAs(
        h.t,
        h.clerk,
        'cases.calendarChanges',
        {},
      )) as unknown as CalendarChange[];
      expect(atWindow.map((c) => ({ id: c.caseId, changes: c.changes })).sort(byId)).toEqual(
        atCenter.map((c) => ({ id: c.caseId, changes: c.changes })).sort(byId),
      );

      // the case received before the table and accepted after prints the new calendar's dates:
      // its acceptance notice is the first paper with a decision limit on it
      const accepted = (await callAs(h.t, h.clerk, 'cases.record', {
        caseId: lateId,
        type: 'accepted',
        payload: {},
      })) as { eventId: string };
      const notice = (await callAs(h.t, h.clerk, 'documents.get', {
        caseId: lateId,
        eventId: accepted.eventId,
      })) as { statutoryDate: string; provisional: boolean };
      expect(notice).toMatchObject({ statutoryDate: '2027-02-24', provisional: false });
      await syncUntilQuiet([h.t]);
      const late = (await callAs(h.t, h.clerk, 'cases.get', { caseId: lateId })) as {
        events: { type: string; syncState: string }[];
      };
      expect(late.events.find((e) => e.type === 'accepted')!.syncState).toBe('acknowledged');
      expect((await changesAt(admin)).map((c) => c.caseId)).not.toContain(lateId);

      // the clerk records the notice: the case now counts on the new calendar
      const { eventId } = (await callAs(h.t, h.clerk, 'cases.reviseCalendar', { caseId })) as {
        eventId: string;
      };
      const doc = (await callAs(h.t, h.clerk, 'documents.get', { caseId, eventId })) as {
        kind: string;
        changes: { clock: string; from: string; to: string; label: string }[];
        previousVersion: string;
      };
      expect(doc.kind).toBe('deadlineChange');
      expect(doc.previousVersion).toBe(pinned);
      expect(doc.changes).toContainEqual({ ...statutory, label: '法定办结期限' });
      const view = (await callAs(h.t, h.clerk, 'cases.get', { caseId })) as {
        state: { calendarVersion: string };
        clocks: { kind: string; deadline: { date: string } }[];
      };
      expect(view.state.calendarVersion).toBe(h.t.currentCalendar().version);
      expect(view.clocks.find((c) => c.kind === 'statutory')!.deadline.date).toBe('2027-02-24');
      // once told, a second notice is refused: nothing changed any more
      await expect(callAs(h.t, h.clerk, 'cases.reviseCalendar', { caseId })).rejects.toThrow(
        /无须告知/,
      );

      // a notice printing dates the calendars do not give (a PC's own arithmetic): conflicted
      inTransaction(h.t.db, () =>
        appendToCase(h.t, h.t.sessions.resolve(h.clerk)!, forgedId!, () => ({
          type: 'calendarRevised',
          payload: {
            calendarVersion: h.t.currentCalendar().version,
            changes: [{ clock: 'statutory', from: statutory.from, to: '2027-02-25' }],
          },
        })),
      );
      await syncUntilQuiet([h.t]);
      const events = (await callAs(h.t, h.clerk, 'cases.get', { caseId })) as {
        events: { type: string; syncState: string }[];
      };
      expect(events.events.find((e) => e.type === 'calendarRevised')!.syncState).toBe(
        'acknowledged',
      );
      const forged = (await callAs(h.t, h.clerk, 'cases.get', { caseId: forgedId })) as {
        events: { type: string; syncState: string; syncNote: { rule: string } | null }[];
      };
      const conflicted = forged.events.find((e) => e.type === 'calendarRevised')!;
      expect(conflicted.syncState).toBe('conflicted');
      expect(conflicted.syncNote?.rule).toBe('calendarRevision.datesDiffer');

      // the center lists only the case still owed its notice
      expect((await changesAt(admin)).map((c) => c.caseId)).toEqual([forgedId]);
    });
  },
);

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
