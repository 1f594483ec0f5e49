import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../electron/store/db';
import { appendEvent } from '../../electron/store/events';
import { rebuildProjections } from '../../electron/projections/cases';
import { terminalMetrics } from '../../electron/services/reports';
import { eachDialect } from '../../server/db/test-db';
import { rebuildCaseProjections } from '../../server/cases/rebuild';
import { centerMetrics } from '../../server/reports/metrics';
import { inWritingOrder, seedHall, syncHarness } from '../../server/sync/test-support';
import { testApp } from '../../server/test-app';
import type { CaseEvent } from '../../shared/case';
import type { Dashboard, Metrics, ReportScope } from '../../shared/reports';
import { cleanupAfterEach } from '../support/cleanups';
import { tempTerminal } from '../support/terminal';
import { goldenAsOf, goldenDepartments, goldenLog } from './golden-log';
import { seedGoldenRecords } from './golden-center';

// The golden log (216 cases: three departments × four days × eighteen cases in nine patterns, see
// golden-log.ts) gives the numbers below, counted by hand per department and day:
//   received 18 · accepted 16 (one of them by law) · refused 2 · notices 3 · completed by 16 March
//   8 (approved 6, denied 2; on time 7, the late one overdue) · extended 2 · rated 非常满意 4 and
//   非常不满意 1 · open on 20 March: red 8 (3 noticed, 2 extended, 2 denied awaiting delivery,
//   1 silent), normal 3 (2 paused, 1 late awaiting delivery) · paused 2 · kinds: 承诺件 18,
//   and the bad rating, open until rectified within 15 working days of its rating: rated on
//   Mon 2 March it is due Mon 23 March (1 day left on the 20th: yellow), Tuesday's warning,
//   Wednesday's and Thursday's normal — per department 1 yellow, 1 warning, 2 normal;
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
    // the bad ratings awaiting rectification: one yellow, one warning, two normal a department
    yellow: units / 4,
    warning: units / 4,
    normal: 3 * units + units / 2,
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
  async function pushGolden() {
    await seedHall(db().db);
    await db().db.insertInto('departments').values({ code: 'WJ', name: '卫生健康局' }).execute();
    await db()
      .db.insertInto('windows')
      .values({ id: 'w-wj-1', code: 'WJ01', name: '卫健一号窗', department_code: 'WJ' })
      .execute();
    await seedGoldenRecords(db().db);
    // the windows sync at the end of the log's days: the center's clock then, not before them
    const h = syncHarness(db(), () => new Date(goldenAsOf));
    for (const d of goldenDepartments) {
      const device = await h.enroll(d.windowId);
      const events = inWritingOrder(log.filter((e) => e.windowId === d.windowId));
      // each decision sealed by its chief's key, registered at the center (its number the case's)
      const answer = await device.pushOk(device.sign(await h.sealed(device, events)));
      expect(answer.results.every((r) => r.status === 'accepted')).toBe(true);
    }
  }

  it('from its case projection: the center, each department, one day', async () => {
    await pushGolden();
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

  // Issue 17: the applicants' ratings kept by the center, beside the log's legacy `rated` events.
  // Per department: a ticket served without a case rated 非常不满意 at the device on Tue 3 March;
  // a paper form (代录) 非常不满意 for one of its cases on Wed 4; a QR 不满意 for that case on Thu 5,
  // appealed away. By hand, per department over the period (four days): 非常满意 16 (all legacy),
  // 非常不满意 4 legacy + 1 device = 5, 差评 5, legacy 20 (16 + 4), 代录 1, 申诉剔除 1; on Tuesday
  // across the center 非常满意 12, 非常不满意 3 legacy + 3 devices.
  async function keepGoldenRatings() {
    for (const d of goldenDepartments) {
      const caseId = log.find((e) => e.windowId === d.windowId && e.type === 'received')!.caseId;
      const kept = (id: string, over: Record<string, string | number | null>) =>
        db()
          .db.insertInto('ratings')
          .values({
            id,
            service_kind: 'ticket',
            service_id: id,
            channel: 'device',
            level: 5,
            reasons: '[]',
            rated_at: '2026-03-03T10:00:00+08:00',
            department_code: d.code,
            window_id: d.windowId,
            ...over,
          })
          .execute();
      await kept(`${d.code}-ticket`, { ticket_number: 'A001' });
      await kept(`${d.code}-paper`, {
        service_kind: 'decision',
        service_id: caseId,
        channel: 'paper',
        form_number: `F-${d.code}`,
        case_id: caseId,
        rated_at: '2026-03-04T10:00:00+08:00',
      });
      await kept(`${d.code}-qr`, {
        service_kind: 'acceptance',
        service_id: caseId,
        channel: 'qr',
        level: 4,
        case_id: caseId,
        rated_at: '2026-03-05T10:00:00+08:00',
      });
      await db()
        .db.insertInto('rating_appeals')
        .values({
          rating_id: `${d.code}-qr`,
          reason: '误触',
          appealed_at: '2026-03-05T11:00:00+08:00',
          appealed_by: d.clerk.userId,
          decision: 'upheld',
          decision_note: '属实',
          decided_at: '2026-03-06T09:00:00+08:00',
          decided_by: 'u-supervisor',
        })
        .execute();
    }
  }

  it("counts the center's ratings beside the log's legacy ones, 代录 and 申诉剔除 apart", async () => {
    await pushGolden();
    await keepGoldenRatings();
    const asOf = new Date(goldenAsOf);
    const ratingNumbers = (m: Metrics) => ({
      rated1: m.ratings[1].count,
      rated4: m.ratings[4].count,
      rated5: m.ratings[5].count,
      badRatings: m.badRatings.count,
      legacy: m.legacyRatings.count,
      paper: m.paperRatings.count,
      appealedAway: m.appealedAway.count,
    });
    const perDepartment = {
      rated1: 16,
      rated4: 0,
      rated5: 5,
      badRatings: 5,
      legacy: 20,
      paper: 1,
      appealedAway: 1,
    };
    const center = await centerMetrics(db().db, period, asOf);
    expect(ratingNumbers(center)).toEqual({
      rated1: 48,
      rated4: 0,
      rated5: 15,
      badRatings: 15,
      legacy: 60,
      paper: 3,
      appealedAway: 3,
    });
    // the device's ratings have no case: their tickets are named instead
    expect(center.ratings[5].tickets).toEqual(['A001', 'A001', 'A001']);
    expect(center.ratings[5].caseIds).toHaveLength(12);
    for (const d of goldenDepartments) {
      const department = await centerMetrics(db().db, { ...period, departmentCode: d.code }, asOf);
      expect(ratingNumbers(department)).toEqual(perDepartment);
      const window = await centerMetrics(db().db, { ...period, windowId: d.windowId }, asOf);
      expect(ratingNumbers(window)).toEqual(perDepartment);
    }
    const day = { from: '2026-03-03', to: '2026-03-03', asOf: goldenAsOf };
    expect(ratingNumbers(await centerMetrics(db().db, day, asOf))).toMatchObject({
      rated1: 12,
      rated5: 6,
      paper: 0,
    });
    // the rest of the report is untouched by them
    const { rated1: _r1, rated5: _r5, badRatings: _b, ...rest } = wholeCenter;
    expect(numbers(center)).toMatchObject(rest);
  });

  it("gives the dashboard's cards, trend and red list with the report's numbers", async () => {
    await pushGolden();
    const now = new Date(goldenAsOf);
    const staff = testApp(db(), () => now);
    const answer = await staff.call('GET', '/api/reports/dashboard?date=2026-03-16', {
      token: await staff.tokenFor('manager'),
    });
    expect(answer.statusCode).toBe(200);
    const board = answer.json<Dashboard>();
    const atEnd = '2026-03-17T00:00:00+08:00';
    expect(board.asOf).toBe(atEnd);

    // the trend: thirty days ending 16 March, each day what that day's report says
    expect(board.trend.map((d) => d.date)).toHaveLength(30);
    expect(board.trend[0]?.date).toBe('2026-02-15');
    expect(board.trend.at(-1)?.date).toBe('2026-03-16');
    for (const d of board.trend) {
      const m = await centerMetrics(db().db, { from: d.date, to: d.date, asOf: atEnd }, now);
      expect([d.date, d.received, d.completed, d.completedOnTime]).toEqual([
        d.date,
        m.received.count,
        m.completed.count,
        m.completedOnTime.count,
      ]);
    }
    const sum = (k: 'received' | 'completed' | 'completedOnTime') =>
      board.trend.reduce((n, d) => n + d[k], 0);
    expect([sum('received'), sum('completed'), sum('completedOnTime')]).toEqual([216, 96, 84]);
    // Mon 2 … Thu 5 March: 54 received a day; the late seals on Mon 16 March, one per department
    expect(board.trend.find((d) => d.date === '2026-03-03')).toMatchObject({
      received: 54,
      completed: 21,
      onTimeRate: 1,
    });
    expect(board.trend.find((d) => d.date === '2026-03-16')).toMatchObject({
      received: 0,
      completed: 12,
      completedOnTime: 0,
      onTimeRate: 0,
    });

    // the cards: each golden department's day as its report, seedHall's others empty
    for (const d of goldenDepartments) {
      const card = board.departments.find((c) => c.code === d.code);
      const m = await centerMetrics(
        db().db,
        { from: '2026-03-16', to: '2026-03-16', asOf: atEnd, departmentCode: d.code },
        now,
      );
      expect(card).toMatchObject({
        name: d.name,
        completed: m.completed.count,
        onTimeRate: m.onTimeRate,
        open: { red: m.openByLevel.red.count, yellow: m.openByLevel.yellow.count },
      });
      // the late seal of each department, overdue
      expect(card?.onTimeRate).toBe(0);
      expect(card?.doubleHundred).toBe(false);
    }

    // the list: exactly the period's red and yellow cases, red first, with the window's name
    const period16 = await centerMetrics(db().db, { ...period, asOf: atEnd }, now);
    expect(board.attention.map((c) => c.caseId).sort()).toEqual(
      [...period16.openByLevel.red.caseIds, ...period16.openByLevel.yellow.caseIds].sort(),
    );
    expect(board.attention[0]).toMatchObject({ level: 'red', departmentName: '市场监督管理局' });
    expect(board.attention.map((c) => c.windowName)).toContain('卫健一号窗');

    // today, Friday 20 March: 8 red per department-day, and Monday's bad rating yellow (hand count above)
    const today = await staff.call('GET', '/api/reports/dashboard?date=2026-03-20', {
      token: await staff.tokenFor('supervisor'),
    });
    const now20 = today.json<Dashboard>();
    expect(Date.parse(now20.asOf)).toBe(Date.parse(goldenAsOf));
    expect(now20.attention).toHaveLength(99);
    expect(now20.attention.filter((c) => c.level === 'red')).toHaveLength(96);
    for (const d of goldenDepartments) {
      expect(now20.departments.find((c) => c.code === d.code)?.open).toEqual({
        normal: 14,
        warning: 1,
        yellow: 1,
        red: 32,
      });
    }

    const clerk = await staff.call('GET', '/api/reports/dashboard?date=2026-03-16', {
      token: await staff.tokenFor('clerk', 'w-sj-1'),
    });
    expect(clerk.statusCode).toBe(403);
    const badDate = await staff.call('GET', '/api/reports/dashboard?date=2026-3-16', {
      token: await staff.tokenFor('manager'),
    });
    expect(badDate.statusCode).toBe(400);
  });

  it('folds the same rows again from the events, completion facts included (a new projection version)', async () => {
    await pushGolden();
    const rows = async () =>
      (await db().db.selectFrom('cases').selectAll().orderBy('id').execute()).map(
        ({ updated_at: _pushedAt, ...row }) => row,
      );
    const kept = await rows();
    expect(kept.filter((r) => r.sealed_at !== null)).toHaveLength(96);
    expect(kept.reduce((n, r) => n + (r.sealed_on_time ?? 0), 0)).toBe(84);
    // as a center that migrated through 0006 finds them: sealed, without the facts
    await db().db.updateTable('cases').set({ sealed_at: null, sealed_on_time: null }).execute();
    const rebuilt = await db()
      .db.transaction()
      // at the moment they were pushed: a case the law accepted by then is listed as accepted
      // (issue 16 part P), so the rows say what time has done, like the clocks they keep
      .execute((trx) => rebuildCaseProjections(trx, new Date(goldenAsOf)));
    expect(rebuilt).toBe(216);
    expect(await rows()).toEqual(kept);
  });
});
