import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar';
import { caseClocks, deemedAcceptance, type ClockKind, type ClockView } from './clocks';
import type { CaseEvent } from './events';
import { apply } from './reducer';
import { initialCaseState, type OpenCase } from './state';
import {
  allMaterialsReceived,
  approval,
  caseScript,
  fixedCalendar,
  pausePayload,
  people,
  receivedPayload,
  sealOn,
  singleItem,
} from './test-fixtures';
import type { ItemSnapshot } from './payloads';

const { clerk, chief } = people;

// Dates below are counted by hand on the 2025 table (DOMAIN.md): Mon 2025-03-03 is an ordinary
// working week; Apr 4 (Fri) is 清明; Oct 1–8 is the National Day holiday, Oct 11 (Sat) a make-up day.

function fold(events: CaseEvent[]): OpenCase {
  const state = events.reduce(apply, initialCaseState);
  if (state.status === 'none') throw new Error('expected a case');
  return state;
}

function clock(clocks: ClockView[], kind: ClockKind): ClockView {
  const found = clocks.find((c) => c.kind === kind);
  if (!found) throw new Error(`no ${kind} clock in [${clocks.map((c) => c.kind).join(', ')}]`);
  return found;
}

const at = (iso: string) => ({ at: iso });

describe('completeness (Art. 32(4): 5 working days to notify)', () => {
  it('runs from receipt to the end of the 5th working day after it', () => {
    const e = caseScript();
    const state = fold([e('received', receivedPayload(), clerk, at('2025-03-03T09:00:00+08:00'))]);
    const clocks = caseClocks(state, fixedCalendar, '2025-03-05T10:00:00+08:00');
    expect(clocks.map((c) => c.kind)).toEqual(['completeness']);
    const c = clock(clocks, 'completeness');
    expect(c).toMatchObject({
      state: 'running',
      label: '补正告知期限',
      days: 5,
      unit: 'workingDays',
      startedAt: state.receivedAt,
    });
    expect(c.deadline).toMatchObject({ date: '2025-03-10', dueAt: '2025-03-11T00:00:00+08:00' });
    // 6th, 7th and 10th March are left after today.
    expect(c.remaining).toMatchObject({ workingDays: 3, level: 'normal', overdue: false });
    expect(c.deemedAccepted).toBeUndefined();
  });

  it('skips the National Day holiday and counts the make-up Saturday', () => {
    const e = caseScript();
    const state = fold([e('received', receivedPayload(), clerk, at('2025-09-30T15:00:00+08:00'))]);
    // Oct 9, 10, 11 (Sat, make-up), 13, 14.
    expect(
      clock(caseClocks(state, fixedCalendar, '2025-09-30T16:00:00+08:00'), 'completeness').deadline
        .date,
    ).toBe('2025-10-14');
  });

  it('turns warning, then yellow, as the last day nears; thresholds are the caller’s', () => {
    const e = caseScript();
    const state = fold([e('received', receivedPayload(), clerk, at('2025-03-03T09:00:00+08:00'))]);
    const level = (now: string, t?: { warningWorkingDays: number; yellowWorkingDays: number }) =>
      clock(caseClocks(state, fixedCalendar, now, t), 'completeness').remaining.level;
    expect(level('2025-03-06T09:00:00+08:00')).toBe('warning');
    expect(level('2025-03-07T09:00:00+08:00')).toBe('yellow');
    expect(
      level('2025-03-06T09:00:00+08:00', { warningWorkingDays: 3, yellowWorkingDays: 2 }),
    ).toBe('yellow');
  });

  it('stops at the first one-time notice, kept in time', () => {
    const e = caseScript();
    const state = fold([
      e('received', receivedPayload(), clerk, at('2025-03-03T09:00:00+08:00')),
      e(
        'noticeIssued',
        { items: [{ materialId: 'm1', problem: 'missing', detail: '未提交申请书' }] },
        clerk,
        at('2025-03-05T11:00:00+08:00'),
      ),
    ]);
    const clocks = caseClocks(state, fixedCalendar, '2025-04-30T09:00:00+08:00');
    const c = clock(clocks, 'completeness');
    expect(c.state).toBe('stopped');
    expect(c.stopped).toEqual({ reason: 'noticeIssued', at: '2025-03-05T11:00:00+08:00' });
    expect(c.remaining.overdue).toBe(false);
    expect(deemedAcceptance(state, fixedCalendar, '2025-04-30T09:00:00+08:00')).toBeNull();
    expect(clocks.map((x) => x.kind)).toEqual(['completeness']);
  });

  it('deems the application accepted on the day of receipt once the 5 days pass in silence', () => {
    const e = caseScript();
    const state = fold([e('received', receivedPayload(), clerk, at('2025-03-03T09:00:00+08:00'))]);
    expect(deemedAcceptance(state, fixedCalendar, '2025-03-10T23:59:59+08:00')).toBeNull();
    const now = '2025-03-11T00:00:00+08:00';
    expect(deemedAcceptance(state, fixedCalendar, now)).toEqual({ on: '2025-03-03' });
    const clocks = caseClocks(state, fixedCalendar, now);
    expect(clock(clocks, 'completeness')).toMatchObject({
      state: 'stopped',
      stopped: { reason: 'deemedAccepted', at: '2025-03-11T00:00:00+08:00' },
      deemedAccepted: { on: '2025-03-03' },
      remaining: { overdue: true, level: 'red' },
    });
    // The decision clocks now run from receipt: 5 working days → Mar 10; 20 → Mar 31.
    expect(clock(clocks, 'promised')).toMatchObject({
      state: 'running',
      startedAt: state.receivedAt,
      deadline: { date: '2025-03-10' },
    });
    expect(clock(clocks, 'statutory').deadline.date).toBe('2025-03-31');
  });

  it('keeps counting the decision from receipt when acceptance comes too late', () => {
    const e = caseScript();
    const state = fold([
      e('received', receivedPayload(), clerk, at('2025-03-03T09:00:00+08:00')),
      e('materialsChecked', allMaterialsReceived, clerk, at('2025-03-12T09:00:00+08:00')),
      e('accepted', {}, clerk, at('2025-03-12T09:30:00+08:00')),
    ]);
    const clocks = caseClocks(state, fixedCalendar, '2025-03-12T10:00:00+08:00');
    expect(clock(clocks, 'completeness')).toMatchObject({
      stopped: { reason: 'accepted' },
      deemedAccepted: { on: '2025-03-03' },
    });
    expect(clock(clocks, 'statutory').deadline.date).toBe('2025-03-31');
  });
});

describe('decision (Art. 42, pauses of Art. 45 not counted)', () => {
  const e = caseScript();
  const acceptedCase = [
    e('received', receivedPayload(), clerk, at('2025-03-03T09:00:00+08:00')),
    e('materialsChecked', allMaterialsReceived, clerk, at('2025-03-04T09:30:00+08:00')),
    e('accepted', {}, clerk, at('2025-03-04T10:00:00+08:00')),
  ];

  it('counts the promised and the statutory limit from acceptance', () => {
    const clocks = caseClocks(fold(acceptedCase), fixedCalendar, '2025-03-04T11:00:00+08:00');
    expect(clocks.map((c) => c.kind)).toEqual(['completeness', 'promised', 'statutory']);
    expect(clock(clocks, 'completeness').stopped?.reason).toBe('accepted');
    expect(clock(clocks, 'promised')).toMatchObject({
      label: '承诺办结期限',
      days: 5,
      deadline: { date: '2025-03-11' },
    });
    expect(clock(clocks, 'statutory')).toMatchObject({
      label: '法定办结期限',
      days: 20,
      unit: 'workingDays',
      deadline: { date: '2025-04-01' },
    });
  });

  it('shows an open special procedure as paused since its start, deadline pushed by the days spent', () => {
    const state = fold([
      ...acceptedCase,
      e('paused', pausePayload, clerk, at('2025-03-06T10:00:00+08:00')),
    ]);
    const c = clock(caseClocks(state, fixedCalendar, '2025-03-10T12:00:00+08:00'), 'statutory');
    expect(c.state).toBe('paused');
    expect(c.paused).toEqual({ since: '2025-03-06T10:00:00+08:00', procedure: 'expertReview' });
    // Mar 7 and Mar 10 were spent in the procedure.
    expect(c.deadline.pausedDays).toBe(2);
  });

  it('adds the working days of a finished procedure, and a granted extension to the statutory limit only', () => {
    const state = fold([
      ...acceptedCase,
      e('paused', pausePayload, clerk, at('2025-03-06T10:00:00+08:00')),
      e('resumed', {}, clerk, at('2025-03-12T15:00:00+08:00')),
      e(
        'extended',
        {
          workingDays: 10,
          approver: '局长',
          reason: '专家意见分歧',
          applicantNoticeRef: '延告1号',
        },
        chief,
        at('2025-03-13T09:00:00+08:00'),
      ),
    ]);
    const clocks = caseClocks(state, fixedCalendar, '2025-03-13T10:00:00+08:00');
    // Paused: Mar 7, 10, 11, 12 = 4 working days. Promised 5 + 4 = 9 → Mar 17.
    expect(clock(clocks, 'promised')).toMatchObject({
      state: 'running',
      days: 5,
      deadline: { date: '2025-03-17', pausedDays: 4 },
    });
    // Statutory 20 + 10 + 4 = 34 from Mar 4, skipping 清明 (Apr 4) → Apr 22.
    expect(clock(clocks, 'statutory')).toMatchObject({
      days: 30,
      deadline: { date: '2025-04-22', pausedDays: 4 },
    });
  });

  it('does not break when the terminal’s clock lags behind the last event', () => {
    const state = fold([
      ...acceptedCase,
      e('paused', pausePayload, clerk, at('2025-03-06T10:00:00+08:00')),
    ]);
    expect(
      clock(caseClocks(state, fixedCalendar, '2025-03-06T09:59:00+08:00'), 'statutory').state,
    ).toBe('paused');
  });
});

describe('delivery (Art. 44: 10 working days from the stamped decision)', () => {
  it('stops the decision clocks at the seal and runs delivery until the receipt', () => {
    const e = caseScript();
    const stamped = [
      e('received', receivedPayload(), clerk, at('2025-03-03T09:00:00+08:00')),
      e('materialsChecked', allMaterialsReceived, clerk, at('2025-03-03T09:10:00+08:00')),
      e('accepted', {}, clerk, at('2025-03-03T09:20:00+08:00')),
      e('decided', approval, chief, { ...at('2025-03-07T15:00:00+08:00'), id: 'd1' }),
      e('stamped', sealOn('d1'), chief, at('2025-03-07T16:00:00+08:00')),
    ];
    const clocks = caseClocks(fold(stamped), fixedCalendar, '2025-03-10T09:00:00+08:00');
    expect(clock(clocks, 'promised')).toMatchObject({
      state: 'stopped',
      stopped: { reason: 'stamped' },
      remaining: { overdue: false },
    });
    expect(clock(clocks, 'delivery')).toMatchObject({
      state: 'running',
      label: '送达期限',
      deadline: { date: '2025-03-21' },
    });

    const delivered = fold([
      ...stamped,
      e(
        'delivered',
        { method: 'post', recipient: '申请人甲', address: '某区某路1号', receiptRef: '挂号1号' },
        clerk,
        at('2025-03-24T10:00:00+08:00'),
      ),
    ]);
    expect(
      clock(caseClocks(delivered, fixedCalendar, '2025-06-01T09:00:00+08:00'), 'delivery'),
    ).toMatchObject({
      state: 'stopped',
      stopped: { reason: 'delivered', at: '2025-03-24T10:00:00+08:00' },
      remaining: { overdue: true, level: 'red' },
    });
  });
});

describe('the pinned calendar', () => {
  it('refuses a calendar other than the one the case was received with', () => {
    const e = caseScript();
    const state = fold([e('received', receivedPayload(), clerk, at('2025-03-03T09:00:00+08:00'))]);
    const other = createCalendar({
      official: {},
      closures: [{ date: '2025-03-05', reason: '中心停电' }],
    });
    expect(() => caseClocks(state, other, '2025-03-04T09:00:00+08:00')).toThrow(
      /pinned to calendar/,
    );
  });

  it('has no clocks before receipt', () => {
    expect(caseClocks(initialCaseState, fixedCalendar, '2025-03-04T09:00:00+08:00')).toEqual([]);
  });
});

describe('the item’s law (issue 14): calendar days, publication, the capped promise', () => {
  const e = caseScript();
  const law = {
    statutoryBasis: '《某条例》第十条',
    publicationPausesStatutory: false,
    validity: { kind: 'decided' },
  } as const;
  // a limit another law sets in 日, e.g. GA-002's 7日
  const calendarItem = {
    ...singleItem,
    ...law,
    statutoryUnit: 'calendarDays',
    statutoryDays: 7,
    extensionDays: 0,
  } as const;
  const workingItem = { ...singleItem, ...law, statutoryUnit: 'workingDays' } as const;
  const acceptedOn = (item: ItemSnapshot, day: string) => [
    e('received', receivedPayload(item), clerk, at(`${day}T09:00:00+08:00`)),
    e('materialsChecked', allMaterialsReceived, clerk, at(`${day}T09:30:00+08:00`)),
    e('accepted', {}, clerk, at(`${day}T10:00:00+08:00`)),
  ];

  it('counts a calendar-day limit in days, its end moved off a holiday, and says its unit', () => {
    // Fri 2025-01-24 + 7日 = Fri Jan 31, inside the Spring Festival (Jan 28 – Feb 4) → Wed Feb 5.
    const clocks = caseClocks(
      fold(acceptedOn(calendarItem, '2025-01-24')),
      fixedCalendar,
      '2025-01-24T11:00:00+08:00',
    );
    expect(clock(clocks, 'statutory')).toMatchObject({
      days: 7,
      unit: 'calendarDays',
      deadline: { date: '2025-02-05', unit: 'calendarDays' },
    });
    // The promise stays in working days: Jan 26 (make-up Sunday), 27, Feb 5, 6, 7 → Feb 7, which
    // the law does not allow: it ends with the statutory limit.
    expect(clock(clocks, 'promised')).toMatchObject({
      days: 5,
      unit: 'workingDays',
      cappedAtStatutory: true,
      deadline: { date: '2025-02-05', dueAt: '2025-02-06T00:00:00+08:00' },
    });
  });

  it('leaves an uncapped promise alone', () => {
    const clocks = caseClocks(
      fold(acceptedOn(calendarItem, '2025-03-03')),
      fixedCalendar,
      '2025-03-03T11:00:00+08:00',
    );
    // Mon Mar 3: 5 working days → Mon Mar 10, 7日 → Mon Mar 10.
    expect(clock(clocks, 'promised').deadline.date).toBe('2025-03-10');
    expect(clock(clocks, 'promised').cappedAtStatutory).toBeUndefined();
    expect(clock(clocks, 'statutory').deadline.date).toBe('2025-03-10');
  });

  it('grants an extension in the unit of the limit', () => {
    const item = { ...calendarItem, statutoryDays: 60, extensionDays: 30 };
    const state = fold([
      ...acceptedOn(item, '2025-03-03'),
      e(
        'extended',
        { workingDays: 30, approver: '局长', reason: '情况复杂', applicantNoticeRef: '延告1号' },
        chief,
        at('2025-03-20T09:00:00+08:00'),
      ),
    ]);
    // Mar 3 + 90日 = Sun Jun 1, inside the Dragon Boat holiday (May 31 – Jun 2) → Tue Jun 3.
    expect(
      clock(caseClocks(state, fixedCalendar, '2025-03-20T10:00:00+08:00'), 'statutory'),
    ).toMatchObject({ days: 90, unit: 'calendarDays', deadline: { date: '2025-06-03' } });
  });

  const publication = { ...pausePayload, procedure: 'publication' } as const;

  it('lets publication pause the promise but not the statutory limit (Art. 45 is closed)', () => {
    const state = fold([
      ...acceptedOn(workingItem, '2025-03-03'),
      e('paused', publication, clerk, at('2025-03-05T10:00:00+08:00')),
    ]);
    const clocks = caseClocks(state, fixedCalendar, '2025-03-07T12:00:00+08:00');
    expect(clock(clocks, 'promised')).toMatchObject({
      state: 'paused',
      paused: { procedure: 'publication' },
      // Mar 6 and 7 spent in publication: 5 + 2 → Mar 12
      deadline: { date: '2025-03-12', pausedDays: 2 },
    });
    expect(clock(clocks, 'statutory')).toMatchObject({
      state: 'running',
      deadline: { date: '2025-03-31', pausedDays: 0 },
    });
    expect(clock(clocks, 'statutory').paused).toBeUndefined();
  });

  it('lets publication pause the statutory limit where the item’s own law says so', () => {
    const item = {
      ...workingItem,
      publicationPausesStatutory: true,
      publicationBasis: '《某条例》第十二条',
    };
    const state = fold([
      ...acceptedOn(item, '2025-03-03'),
      e('paused', publication, clerk, at('2025-03-05T10:00:00+08:00')),
    ]);
    const c = clock(caseClocks(state, fixedCalendar, '2025-03-07T12:00:00+08:00'), 'statutory');
    expect(c).toMatchObject({ state: 'paused', deadline: { date: '2025-04-02', pausedDays: 2 } });
  });

  it('counts a case received before snapshots carried the law as it was printed', () => {
    // singleItem has no law fields: publication paused both clocks then, and still does.
    const state = fold([
      ...acceptedOn(singleItem, '2025-03-03'),
      e('paused', publication, clerk, at('2025-03-05T10:00:00+08:00')),
    ]);
    const clocks = caseClocks(state, fixedCalendar, '2025-03-07T12:00:00+08:00');
    expect(clock(clocks, 'statutory')).toMatchObject({
      state: 'paused',
      unit: 'workingDays',
      deadline: { date: '2025-04-02', pausedDays: 2 },
    });
    expect(clock(clocks, 'promised').deadline.date).toBe('2025-03-12');
  });

  it('treats other special procedures as before for every item', () => {
    const state = fold([
      ...acceptedOn(calendarItem, '2025-03-03'),
      e('paused', pausePayload, clerk, at('2025-03-05T10:00:00+08:00')),
      e('resumed', {}, clerk, at('2025-03-09T10:00:00+08:00')),
    ]);
    const clocks = caseClocks(state, fixedCalendar, '2025-03-10T12:00:00+08:00');
    // an expert review paused 4 calendar days (Mar 6–9) → Mar 3 + 7 + 4 = Fri Mar 14
    expect(clock(clocks, 'statutory').deadline).toMatchObject({
      date: '2025-03-14',
      pausedDays: 4,
    });
    // and 2 working days of the promise (Mar 6, 7) → Mar 12
    expect(clock(clocks, 'promised').deadline).toMatchObject({ date: '2025-03-12', pausedDays: 2 });
  });
});
