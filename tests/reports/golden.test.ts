import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../electron/store/db';
import { appendEvent } from '../../electron/store/events';
import { rebuildProjections } from '../../electron/services/projections';
import { terminalMetrics } from '../../electron/services/reports';
import { eachDialect } from '../../server/db/test-db';
import { centerMetrics } from '../../server/reports/metrics';
import { seedHall, syncHarness } from '../../server/sync/test-support';
import { testApp } from '../../server/test-app';
import type { CaseEvent } from '../../shared/case';
import type { Metrics, ReportScope } from '../../shared/reports';
import { cleanupAfterEach } from '../support/cleanups';
import { tempTerminal } from '../support/terminal';
import { goldenAsOf, goldenDepartments, goldenLog } from './golden-log';

// The golden log (216 cases: three departments × four days × eighteen cases in nine patterns, see
// golden-log.ts) gives the numbers below, counted by hand per department and day:
//   received 18 · accepted 16 (one of them by law) · refused 2 · notices 3 · completed by 16 March
//   8 (approved 6, denied 2; on time 7, the late one overdue) · extended 2 · rated 非常满意 4 and
//   非常不满意 1 · open on 20 March: red 8 (3 noticed, 2 extended, 2 denied awaiting delivery,
//   1 silent), normal 3 (2 paused, 1 late awaiting delivery) · paused 2 · kinds: 承诺件 18,
//   退回件 2, 补办件 3, 特办件 2. Working days to decision: 0 for every same-day decision, and
//   for the late one sealed on Mon 16 March 10, 9, 8, 7 from Mon 2 … Thu 5 March.
// The terminal (its SQLite log) and the center (SQLite and PostgreSQL) must both give them.

const log = JSON.parse(
  readFileSync(new URL('./golden-events.json', import.meta.url), 'utf8'),
) as CaseEvent[];
const period: ReportScope = { from: '2026-03-02', to: '2026-03-16', asOf: goldenAsOf };

type Golden = {
  received: number;
  accepted: number;
  refusedAtIntake: number;
  noticesIssued: number;
  deemedAccepted: number;
  completed: number;
  approved: number;
  denied: number;
  completedOnTime: number;
  completedOverdue: number;
  onTimeRate: number | null;
  windowCompletionRate: number | null;
  extended: number;
  red: number;
  yellow: number;
  warning: number;
  normal: number;
  paused: number;
  rated1: number;
  rated5: number;
  badRatings: number;
  promised: number;
  returned: number;
  supplemented: number;
  special: number;
  averageWorkingDaysToDecision: number | null;
};

/** The hand-counted numbers of `units` department-days of the whole period. */
function handCounted(units: number, lateWorkingDays: number): Golden {
  return {
    received: 18 * units,
    accepted: 16 * units,
    refusedAtIntake: 2 * units,
    noticesIssued: 3 * units,
    deemedAccepted: units,
    completed: 8 * units,
    approved: 6 * units,
    denied: 2 * units,
    completedOnTime: 7 * units,
    completedOverdue: units,
    onTimeRate: 7 / 8,
    windowCompletionRate: 1,
    extended: 2 * units,
    red: 8 * units,
    yellow: 0,
    warning: 0,
    normal: 3 * units,
    paused: 2 * units,
    rated1: 4 * units,
    rated5: units,
    badRatings: units,
    promised: 18 * units,
    returned: 2 * units,
    supplemented: 3 * units,
    special: 2 * units,
    averageWorkingDaysToDecision: lateWorkingDays / (8 * units),
  };
}

function numbers(m: Metrics): Golden {
  return {
    received: m.received.count,
    accepted: m.accepted.count,
    refusedAtIntake: m.refusedAtIntake.count,
    noticesIssued: m.noticesIssued.count,
    deemedAccepted: m.deemedAccepted.count,
    completed: m.completed.count,
    approved: m.approved.count,
    denied: m.denied.count,
    completedOnTime: m.completedOnTime.count,
    completedOverdue: m.completedOverdue.count,
    onTimeRate: m.onTimeRate,
    windowCompletionRate: m.windowCompletionRate,
    extended: m.extended.count,
    red: m.openByLevel.red.count,
    yellow: m.openByLevel.yellow.count,
    warning: m.openByLevel.warning.count,
    normal: m.openByLevel.normal.count,
    paused: m.paused.count,
    rated1: m.ratings[1].count,
    rated5: m.ratings[5].count,
    badRatings: m.badRatings.count,
    promised: m.kinds.promised.count,
    returned: m.kinds.returned.count,
    supplemented: m.kinds.supplemented.count,
    special: m.kinds.special.count,
    averageWorkingDaysToDecision: m.averageWorkingDaysToDecision,
  };
}

// the late case of each department: 10 + 9 + 8 + 7 working days
const wholeCenter = handCounted(12, 3 * 34);
const oneDepartment = handCounted(4, 34);

/** Tuesday 3 March across the center: three department-days, none of the late seals. */
const tuesday: Partial<Golden> = {
  received: 54,
  accepted: 48,
  deemedAccepted: 3,
  noticesIssued: 9,
  completed: 21,
  completedOnTime: 21,
  onTimeRate: 1,
  extended: 6,
  rated1: 12,
};

describe('the golden log', () => {
  it('is what golden-log.ts builds (npm run golden rewrites it)', () => {
    const version = (log[0]?.payload as { calendarVersion: string }).calendarVersion;
    expect(log).toEqual(goldenLog(version));
    expect(new Set(log.map((e) => e.caseId)).size).toBe(216);
  });
});

describe('the terminal counts the golden log', () => {
  const later = cleanupAfterEach();
  it('from its SQLite log: the center, each department, one day', () => {
    const { terminal: t, cleanup } = tempTerminal(() => new Date(goldenAsOf));
    later(cleanup);
    expect(t.currentCalendar().version).toBe(
      (log[0]?.payload as { calendarVersion: string }).calendarVersion,
    );
    inTransaction(t.db, () => {
      for (const e of log) appendEvent(t.db, t.device, e);
    });
    expect(rebuildProjections(t)).toBe(216);
    expect(numbers(terminalMetrics(t, period))).toEqual(wholeCenter);
    for (const d of goldenDepartments) {
      expect(numbers(terminalMetrics(t, { ...period, departmentCode: d.code }))).toEqual(
        oneDepartment,
      );
      expect(numbers(terminalMetrics(t, { ...period, windowId: d.windowId }))).toEqual(
        oneDepartment,
      );
    }
    const day = { from: '2026-03-03', to: '2026-03-03', asOf: goldenAsOf };
    expect(numbers(terminalMetrics(t, day))).toMatchObject(tuesday);
  });
});

eachDialect('the center counts the golden log', (db) => {
  it('from its case projection: the center, each department, one day', async () => {
    await seedHall(db().db);
    await db().db.insertInto('departments').values({ code: 'WJ', name: '卫生健康局' }).execute();
    await db()
      .db.insertInto('windows')
      .values({ id: 'w-wj-1', code: 'WJ01', name: '卫健一号窗', department_code: 'WJ' })
      .execute();
    const h = syncHarness(db());
    for (const d of goldenDepartments) {
      const device = await h.enroll(d.windowId);
      const events = log.filter((e) => e.windowId === d.windowId);
      const answer = await device.pushOk(device.sign(events));
      expect(answer.results.every((r) => r.status === 'accepted')).toBe(true);
    }
    const asOf = new Date(goldenAsOf);
    expect(numbers(await centerMetrics(db().db, period, asOf))).toEqual(wholeCenter);
    for (const d of goldenDepartments) {
      const department = await centerMetrics(db().db, { ...period, departmentCode: d.code }, asOf);
      expect(numbers(department)).toEqual(oneDepartment);
    }
    const day = { from: '2026-03-03', to: '2026-03-03', asOf: goldenAsOf };
    expect(numbers(await centerMetrics(db().db, day, asOf))).toMatchObject(tuesday);

    // the same numbers through the center's API, for the supervisor
    const staff = testApp(db(), () => asOf);
    const answer = await staff.call('GET', '/api/reports/metrics?from=2026-03-02&to=2026-03-16', {
      token: await staff.tokenFor('supervisor'),
    });
    expect(answer.statusCode).toBe(200);
    // a past period is judged at its end: the open cases as they stood at midnight after 16 March
    const body = answer.json<{ asOf: string; metrics: Metrics }>();
    expect(body.asOf).toBe('2026-03-17T00:00:00+08:00');
    const atEnd = await centerMetrics(db().db, { ...period, asOf: body.asOf }, asOf);
    expect(numbers(body.metrics)).toEqual(numbers(atEnd));
    expect(numbers(body.metrics)).toMatchObject({ received: 216, completed: 96 });
    const backwards = await staff.call(
      'GET',
      '/api/reports/metrics?from=2026-03-16&to=2026-03-02',
      {
        token: await staff.tokenFor('manager'),
      },
    );
    expect(backwards.statusCode).toBe(400);
    const clerk = await staff.call('GET', '/api/reports/metrics?from=2026-03-02&to=2026-03-02', {
      token: await staff.tokenFor('clerk', 'w-sj-1'),
    });
    expect(clerk.statusCode).toBe(403);
  });
});
