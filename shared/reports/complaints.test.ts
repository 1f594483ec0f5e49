import { describe, expect, it } from 'vitest';
import { createCalendar, officialCalendarData } from '../calendar';
import {
  complaintClock,
  complaintDeadline,
  complaintMetrics,
  type ReportComplaint,
} from './complaints';

const calendar = createCalendar(officialCalendarData([]));

describe('the complaint clock', () => {
  it('ends at 24:00 of the 5th working day after recording', () => {
    // recorded Mon 2 March 2026: Tue 3 … Mon 9 March
    expect(complaintDeadline(calendar, '2026-03-02T10:00:00+08:00')).toMatchObject({
      date: '2026-03-09',
      dueAt: '2026-03-10T00:00:00+08:00',
    });
  });

  it('moves over a statutory holiday and a center closure', () => {
    // Thu 30 April 2026: 1–5 May are off, Sat 9 May a make-up working day → 6, 7, 8, 9, 11 May
    expect(complaintDeadline(calendar, '2026-04-30T15:00:00+08:00').date).toBe('2026-05-11');
    const closed = createCalendar(officialCalendarData([{ date: '2026-03-05', reason: '停电' }]));
    expect(complaintDeadline(closed, '2026-03-02T10:00:00+08:00').date).toBe('2026-03-10');
  });

  it('warns with one working day left, turns red when overdue, and stops at closing', () => {
    const c = { dueDate: '2026-03-09', dueAt: '2026-03-10T00:00:00+08:00', closedAt: null };
    expect(complaintClock(calendar, c, '2026-03-05T09:00:00+08:00').level).toBe('normal');
    // Fri 6 March: only Mon 9 left
    expect(complaintClock(calendar, c, '2026-03-06T09:00:00+08:00')).toMatchObject({
      level: 'warning',
      workingDaysLeft: 1,
    });
    expect(complaintClock(calendar, c, '2026-03-10T00:00:00+08:00')).toMatchObject({
      level: 'red',
      overdue: true,
    });
    const closed = { ...c, closedAt: '2026-03-09T17:00:00+08:00' };
    expect(complaintClock(calendar, closed, '2026-03-20T09:00:00+08:00')).toMatchObject({
      level: 'normal',
      overdue: false,
      stopped: true,
    });
  });
});

describe('the complaint numbers of a report', () => {
  const complaint = (id: string, o: Partial<ReportComplaint>): ReportComplaint => ({
    id,
    departmentCode: 'SJ',
    windowId: 'w1',
    receivedAt: '2026-03-02T10:00:00+08:00',
    dueAt: '2026-03-10T00:00:00+08:00',
    closedAt: null,
    conclusion: null,
    ...o,
  });
  const all = [
    // closed on time as 属实
    complaint('a', { closedAt: '2026-03-04T10:00:00+08:00', conclusion: '属实' }),
    // closed late as 不属实
    complaint('b', { closedAt: '2026-03-11T10:00:00+08:00', conclusion: '不属实' }),
    // open and overdue at the end of 11 March
    complaint('c', {}),
    // recorded on 10 March at another window, open, not yet due; 部分属实 later, outside
    complaint('d', {
      windowId: 'w2',
      receivedAt: '2026-03-10T09:00:00+08:00',
      dueAt: '2026-03-18T00:00:00+08:00',
      closedAt: '2026-03-16T09:00:00+08:00',
      conclusion: '部分属实',
    }),
    // another department
    complaint('e', { departmentCode: 'ZJ', windowId: 'w9' }),
  ];
  const scope = { from: '2026-03-02', to: '2026-03-11', asOf: '2026-03-12T00:00:00+08:00' };

  it('counts received, closed, on time, overdue open and substantiated, with their ids', () => {
    const m = complaintMetrics(all, { ...scope, departmentCode: 'SJ' });
    expect(m.received).toEqual({ count: 4, ids: ['a', 'b', 'c', 'd'] });
    expect(m.closed.ids).toEqual(['a', 'b']);
    expect(m.closedOnTime.ids).toEqual(['a']);
    expect(m.overdueOpen.ids).toEqual(['c']);
    expect(m.substantiated.ids).toEqual(['a']);
  });

  it('judges open complaints at asOf, so a complaint closed after it was still open then', () => {
    const m = complaintMetrics(all, {
      ...scope,
      to: '2026-03-10',
      asOf: '2026-03-11T00:00:00+08:00',
    });
    expect(m.overdueOpen.ids).toEqual(['b', 'c', 'e']);
    expect(m.closed.ids).toEqual(['a']);
  });

  it('counts a window’s own complaints in a window’s scope and 部分属实 as substantiated', () => {
    const m = complaintMetrics(all, {
      from: '2026-03-10',
      to: '2026-03-20',
      asOf: '2026-03-21T00:00:00+08:00',
      windowId: 'w2',
    });
    expect(m.received.ids).toEqual(['d']);
    expect(m.substantiated.ids).toEqual(['d']);
    expect(m.closedOnTime.ids).toEqual(['d']);
  });
});
