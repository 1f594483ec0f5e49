import { describe, expect, it } from 'vitest';
import { apply, initialCaseState, type CaseEvent, type OpenCase } from '../case';
import {
  allMaterialsReceived,
  approval,
  caseScript,
  fixedCalendar,
  jointItem,
  pausePayload,
  people,
  receivedPayload,
  sealOn,
} from '../case/test-fixtures';
import { appealNotice } from '../case/appeal';
import {
  authorization,
  computeMetrics,
  meetsDoubleHundred,
  type ReportCase,
  type ReportRating,
} from './metrics';

// Seven cases of one window in the week of Mon 3 March 2025, every number below counted by hand
// (singleItem: promised 5, statutory 20 working days; jointItem: promised 5, statutory 45).

const { clerk, chief } = people;
const at = (iso: string) => ({ at: `2025-03-${iso}:00+08:00` });

function fold(events: CaseEvent[]): ReportCase {
  return { state: events.reduce(apply, initialCaseState) as OpenCase, windowId: 'w-01' };
}

const accepted = (e: ReturnType<typeof caseScript>, day: string, item = receivedPayload()) => [
  e('received', item, clerk, at(`${day}T09:00`)),
  e('materialsChecked', allMaterialsReceived, clerk, at(`${day}T09:10`)),
  e('accepted', {}, clerk, at(`${day}T09:20`)),
];

function week(): ReportCase[] {
  const a = caseScript('A');
  const b = caseScript('B');
  const c = caseScript('C');
  const d = caseScript('D');
  const e = caseScript('E');
  const f = caseScript('F');
  const g = caseScript('G');
  return [
    // A: accepted Mon 3, approved and sealed Wed 5 (on time), delivered and rated 非常满意 Thu 6
    fold([
      ...accepted(a, '03'),
      a('decided', approval, chief, { ...at('05T10:00'), id: 'A-d' }),
      a('stamped', sealOn('A-d'), chief, at('05T11:00')),
      a('delivered', { method: 'window', recipient: '申请人甲' }, clerk, at('06T09:00')),
      a('rated', { score: 1 }, clerk, at('06T09:05')),
    ]),
    // B: a one-time notice Mon 3, supplements and acceptance Tue 4; promised by Tue 11: red on 12
    fold([
      b('received', receivedPayload(), clerk, at('03T10:00')),
      b(
        'noticeIssued',
        { items: [{ materialId: 'm2', problem: 'missing', detail: '请补交' }] },
        clerk,
        at('03T10:10'),
      ),
      b('supplementReceived', { materialIds: ['m2'] }, clerk, at('04T09:00')),
      b('materialsChecked', allMaterialsReceived, clerk, at('04T09:05')),
      b('accepted', {}, clerk, at('04T09:10')),
    ]),
    // C: refused at intake Mon 3
    fold([
      c('received', receivedPayload(), clerk, at('03T11:00')),
      c(
        'refused',
        { ground: 'noLicenceNeeded', reasons: '无需许可', legalBasis: '《行政许可法》第三十二条' },
        clerk,
        at('03T11:10'),
      ),
    ]),
    // D: received Tue 4, nothing within 5 working days: accepted by law on the 4th, red on 12
    fold([d('received', receivedPayload(), clerk, at('04T09:00'))]),
    // E: a joint item accepted Wed 5, expert review from Thu 6, still paused
    fold([
      ...accepted(e, '05', receivedPayload(jointItem)),
      e('paused', pausePayload, clerk, at('06T10:00')),
    ]),
    // F: accepted Thu 6, extended Fri 7; promised by Thu 13: one working day left on 12 → yellow
    fold([
      ...accepted(f, '06'),
      f(
        'extended',
        { workingDays: 10, approver: '局长', reason: '需现场核查', applicantNoticeRef: '延告1号' },
        chief,
        at('07T10:00'),
      ),
    ]),
    // G: accepted Mon 3, denied and sealed Tue 11, after its promised Mon 10: overdue
    fold([
      ...accepted(g, '03'),
      g(
        'decided',
        {
          outcome: 'deny',
          facts: '场所不符',
          reasons: '不具备条件',
          legalBasis: '《食品安全法》第三十五条',
          appealNotice: appealNotice(),
        },
        chief,
        { ...at('11T09:00'), id: 'G-d' },
      ),
      g('stamped', sealOn('G-d'), chief, at('11T10:00')),
    ]),
  ];
}

const asOf = '2025-03-12T17:00:00+08:00';
const calendar = () => fixedCalendar;
const ids = (d: { caseIds: string[] }) => [...d.caseIds].sort();

describe('the report numbers of one window', () => {
  it('counts the week of 3–7 March', () => {
    const m = computeMetrics(week(), { from: '2025-03-03', to: '2025-03-07', asOf }, calendar);
    expect(m.received.count).toBe(7);
    expect(ids(m.accepted)).toEqual(['A', 'B', 'D', 'E', 'F', 'G']);
    expect(ids(m.refusedAtIntake)).toEqual(['C']);
    expect(m.noticesIssued).toEqual({ count: 1, caseIds: ['B'] });
    expect(ids(m.deemedAccepted)).toEqual(['D']);
    expect(ids(m.completed)).toEqual(['A']);
    expect(ids(m.approved)).toEqual(['A']);
    expect(m.denied.count).toBe(0);
    expect(m.onTimeRate).toBe(1);
    expect(m.windowCompletionRate).toBe(1);
    expect(ids(m.extended)).toEqual(['F']);
    expect(ids(m.ratings[1])).toEqual(['A']);
    expect(m.badRatings.count).toBe(0);
    expect(ids(m.kinds.promised)).toEqual(['A', 'B', 'C', 'D', 'F', 'G']);
    expect(ids(m.kinds.joint)).toEqual(['E']);
    expect(ids(m.kinds.returned)).toEqual(['C']);
    expect(ids(m.kinds.supplemented)).toEqual(['B']);
    expect(ids(m.kinds.special)).toEqual(['E']);
    expect(m.kinds.immediate.count + m.kinds.referred.count).toBe(0);
    expect(m.averageWorkingDaysToDecision).toBe(2);
  });

  it('judges the open cases at the moment asked', () => {
    const m = computeMetrics(week(), { from: '2025-03-03', to: '2025-03-07', asOf }, calendar);
    expect(ids(m.openByLevel.red)).toEqual(['B', 'D']);
    expect(ids(m.openByLevel.yellow)).toEqual(['F']);
    expect(m.openByLevel.warning.count).toBe(0);
    // E is paused; G waits for its delivery (10 working days from the seal)
    expect(ids(m.openByLevel.normal)).toEqual(['E', 'G']);
    expect(ids(m.paused)).toEqual(['E']);
  });

  it('counts a case the calendar cannot measure (a PC whose clock said 1999) without failing', () => {
    const z = caseScript('Z');
    const skewed = fold([
      z('received', receivedPayload(), clerk, { at: '1999-06-01T10:00:00+08:00' }),
      z('materialsChecked', allMaterialsReceived, clerk, { at: '1999-06-01T10:10:00+08:00' }),
      z('accepted', {}, clerk, { at: '1999-06-01T10:20:00+08:00' }),
    ]);
    const m = computeMetrics(
      [...week(), skewed],
      { from: '1999-01-01', to: '2025-03-07', asOf },
      calendar,
    );
    expect(m.received.count).toBe(8);
    expect(ids(m.accepted)).toContain('Z');
    // open, with no clock to measure: normal, as the work list and the center show it
    expect(ids(m.openByLevel.normal)).toEqual(['E', 'G', 'Z']);
    expect(ids(m.openByLevel.red)).toEqual(['B', 'D']);
  });

  it('takes the late denial into a longer period: half on time, four working days on average', () => {
    const m = computeMetrics(week(), { from: '2025-03-03', to: '2025-03-11', asOf }, calendar);
    expect(ids(m.completed)).toEqual(['A', 'G']);
    expect(ids(m.denied)).toEqual(['G']);
    expect(ids(m.completedOverdue)).toEqual(['G']);
    expect(m.onTimeRate).toBe(0.5);
    // A: 3 → 5 March is 2 working days; G: 3 → 11 March is 6
    expect(m.averageWorkingDaysToDecision).toBe(4);
  });

  it('narrows to one day and to a window or department', () => {
    const day = computeMetrics(week(), { from: '2025-03-03', to: '2025-03-03', asOf }, calendar);
    expect(ids(day.received)).toEqual(['A', 'B', 'C', 'G']);
    expect(ids(day.accepted)).toEqual(['A', 'G']);
    const other = computeMetrics(
      week(),
      { from: '2025-03-03', to: '2025-03-07', asOf, windowId: 'w-02' },
      calendar,
    );
    expect(other.received.count).toBe(0);
    expect(other.onTimeRate).toBeNull();
    const department = computeMetrics(
      week(),
      { from: '2025-03-03', to: '2025-03-07', asOf, departmentCode: 'SCJ' },
      calendar,
    );
    expect(department.received.count).toBe(7);
  });
});

describe('the 好差评 block', () => {
  // the center's ratings beside the week: A's legacy 非常满意 (its `rated` event) stays counted
  const rating = (over: Partial<ReportRating>): ReportRating => ({
    level: 1,
    channel: 'device',
    ratedAt: '2025-03-05T10:00:00+08:00',
    departmentCode: 'SCJ',
    windowId: 'w-01',
    caseId: null,
    ticketNumber: null,
    appealedAway: false,
    ...over,
  });
  const ratings = [
    // a ticket served without a case, rated 不满意 at the device: no case to drill to
    rating({ level: 4, ticketNumber: 'A001' }),
    // A's acceptance rated by QR: A's second rating, one case behind two
    rating({ channel: 'qr', caseId: 'A' }),
    // a paper form for B (代录): apart, never in the levels
    rating({ level: 5, channel: 'paper', caseId: 'B' }),
    // appealed away: out of the counts, counted only as such
    rating({ level: 5, ticketNumber: 'A002', appealedAway: true }),
    // another window's, and one after the week
    rating({ level: 2, windowId: 'w-02', ticketNumber: 'A003' }),
    rating({ level: 3, channel: 'sms', caseId: 'A', ratedAt: '2025-03-10T10:00:00+08:00' }),
  ];
  const week3 = { from: '2025-03-03', to: '2025-03-07', asOf };

  it('counts the center’s ratings with the legacy ones, 代录 and 申诉剔除 apart', () => {
    const m = computeMetrics(week(), week3, calendar, undefined, ratings);
    expect(m.ratings[1]).toEqual({ count: 2, caseIds: ['A'], tickets: [] });
    expect(m.ratings[2]).toEqual({ count: 1, caseIds: [], tickets: ['A003'] });
    expect(m.ratings[3].count + m.ratings[5].count).toBe(0);
    expect(m.ratings[4]).toEqual({ count: 1, caseIds: [], tickets: ['A001'] });
    expect(m.badRatings).toEqual({ count: 1, caseIds: [], tickets: ['A001'] });
    expect(m.legacyRatings).toEqual({ count: 1, caseIds: ['A'], tickets: [] });
    expect(m.paperRatings).toEqual({ count: 1, caseIds: ['B'], tickets: [] });
    expect(m.appealedAway).toEqual({ count: 1, caseIds: [], tickets: ['A002'] });
  });

  it('narrows them to a window and a department', () => {
    const own = computeMetrics(
      week(),
      { ...week3, windowId: 'w-01' },
      calendar,
      undefined,
      ratings,
    );
    expect(own.ratings[2].count).toBe(0);
    expect(own.ratings[1].count).toBe(2);
    const other = computeMetrics(
      week(),
      { ...week3, departmentCode: 'ZJ' },
      calendar,
      undefined,
      ratings,
    );
    expect(other.ratings[4].count + other.paperRatings.count + other.ratings[1].count).toBe(0);
    const scj = { ...week3, departmentCode: 'SCJ' };
    expect(computeMetrics(week(), scj, calendar, undefined, ratings).ratings[4].count).toBe(1);
    // the later week holds the SMS rating of A only
    const later = computeMetrics(
      week(),
      { from: '2025-03-10', to: '2025-03-11', asOf },
      calendar,
      undefined,
      ratings,
    );
    expect(later.ratings[3]).toEqual({ count: 1, caseIds: ['A'], tickets: [] });
    expect(later.legacyRatings.count).toBe(0);
  });
});

describe('authorization (双百)', () => {
  const all = ['accept', 'approve', 'coordinate', 'deliver', 'respond', 'certify'] as const;
  const items = ['SJ-001', 'SJ-002', 'SJ-003', 'SJ-004', 'SJ-005'];
  const full = items.map((itemCode) => ({ windowId: 'w1', itemCode, powers: all }));
  const without = (itemCode: string, ...missing: string[]) =>
    full.map((d) =>
      d.itemCode === itemCode ? { ...d, powers: all.filter((p) => !missing.includes(p)) } : d,
    );

  it('lets 审批 and 制证 fall to 80 % but wants the other four at 100 %', () => {
    const one = authorization('SJ', items, without('SJ-003', 'approve', 'certify'));
    expect(one.rates).toMatchObject({ approve: 0.8, certify: 0.8, accept: 1, respond: 1 });
    expect(one.met).toBe(true);
    expect(authorization('SJ', items, without('SJ-005', 'respond')).met).toBe(false);
    const two = without('SJ-003', 'approve').map((d) =>
      d.itemCode === 'SJ-004' ? { ...d, powers: all.filter((p) => p !== 'approve') } : d,
    );
    expect(authorization('SJ', items, two).rates.approve).toBe(0.6);
    expect(authorization('SJ', items, two).met).toBe(false);
    // a power held by any window of the department counts for the item
    const split = [
      ...without('SJ-003', 'approve'),
      { windowId: 'w2', itemCode: 'SJ-003', powers: ['approve'] as const },
    ];
    expect(authorization('SJ', items, split).rates.approve).toBe(1);
  });

  it('calls the department 双百 only with full authorization and every case on time', () => {
    const auth = authorization('SJ', items, full);
    const week3 = { from: '2025-03-03', to: '2025-03-07' };
    // judged at the end of Friday 7 March: every seal on time, nothing open overdue yet
    const atFriday = computeMetrics(
      week(),
      { ...week3, asOf: '2025-03-08T00:00:00+08:00' },
      calendar,
    );
    expect(meetsDoubleHundred(auth, atFriday)).toBe(true);
    expect(
      meetsDoubleHundred(authorization('SJ', items, without('SJ-005', 'respond')), atFriday),
    ).toBe(false);
    // judged on Wednesday 12th: B, promised by Tuesday 11th, is open and red — no longer on time
    const atWednesday = computeMetrics(week(), { ...week3, asOf }, calendar);
    expect(atWednesday.openByLevel.red.count).toBeGreaterThan(0);
    expect(atWednesday.onTimeRate).toBe(1);
    expect(meetsDoubleHundred(auth, atWednesday)).toBe(false);
    // the late denial sealed in the longer period
    const longer = computeMetrics(week(), { from: '2025-03-03', to: '2025-03-11', asOf }, calendar);
    expect(meetsDoubleHundred(auth, longer)).toBe(false);
  });
});
