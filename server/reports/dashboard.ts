import { sql, type Kysely } from 'kysely';
import { addDays, endOfDay, type LocalDate } from '../../shared/calendar';
import {
  attentionCases,
  authorization,
  computeMetrics,
  departmentCard,
  reportAsOf,
  trendDays,
  type Dashboard,
  type TrendDay,
} from '../../shared/reports';
import { readPowers } from '../admin/powers';
import { readSettings } from '../admin/settings';
import { clockContext } from '../cases/clocks';
import type { ServerDb } from '../db/schema';
import { centerReportCases, centerReportRatings } from './metrics';

/**
 * The center's last thirty days from the projection's completion facts (projection.ts): counted
 * in SQL, so thirty days of a large center cost what one day's report does. The golden test
 * holds each day to that day's report.
 */
async function centerTrend(db: Kysely<ServerDb>, to: LocalDate): Promise<TrendDay[]> {
  const from = addDays(to, 1 - trendDays);
  const end = endOfDay(to);
  const day = sql<string>`substr(received_at, 1, 10)`;
  const sealedDay = sql<string>`substr(sealed_at, 1, 10)`;
  const [received, sealed] = await Promise.all([
    db
      .selectFrom('cases')
      .select([day.as('day'), (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('received_at', '>=', from)
      .where('received_at', '<', end)
      .groupBy(day)
      .execute(),
    db
      .selectFrom('cases')
      .select([
        sealedDay.as('day'),
        (eb) => eb.fn.countAll<number | string>().as('n'),
        (eb) => eb.fn.sum<number | string>('sealed_on_time').as('onTime'),
      ])
      .where('sealed_at', '>=', from)
      .where('sealed_at', '<', end)
      .groupBy(sealedDay)
      .execute(),
  ]);
  // PostgreSQL answers counts as text (bigint)
  const byDay = (rows: { day: string; n: number | string }[]) =>
    new Map(rows.map((r) => [r.day, Number(r.n)]));
  const receivedOn = byDay(received);
  const completedOn = byDay(sealed);
  const onTimeOn = new Map(sealed.map((r) => [r.day, Number(r.onTime)]));
  return Array.from({ length: trendDays }, (_, i) => {
    const date = addDays(from, i);
    const completed = completedOn.get(date) ?? 0;
    const completedOnTime = onTimeOn.get(date) ?? 0;
    return {
      date,
      received: receivedOn.get(date) ?? 0,
      completed,
      completedOnTime,
      onTimeRate: completed === 0 ? null : completedOnTime / completed,
    };
  });
}

/**
 * The center manager's day at a glance: every department's card for `date`, the center's trend
 * over the days before it, and the red and yellow cases now. The cards and the list come from
 * the day's report read, the same cases the daily report counts.
 */
export async function centerDashboard(
  db: Kysely<ServerDb>,
  date: LocalDate,
  now: Date,
): Promise<Dashboard> {
  const [{ calendar, thresholds }, settings, departments, windows, items, powers] =
    await Promise.all([
      clockContext(db, now),
      readSettings(db),
      db.selectFrom('departments').select(['code', 'name']).orderBy('code').execute(),
      db.selectFrom('windows').select(['id', 'name', 'department_code']).execute(),
      db.selectFrom('items').select(['code', 'department_code']).execute(),
      readPowers(db),
    ]);
  const asOf = reportAsOf(date, now);
  const [cases, ratings] = await Promise.all([
    centerReportCases(db, calendar, { from: date, to: date }),
    centerReportRatings(db, { from: date, to: date }),
  ]);
  const measure = (departmentCode: string) =>
    computeMetrics(
      cases,
      { from: date, to: date, asOf, departmentCode },
      () => calendar,
      thresholds,
      ratings,
    );
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  const departmentName = new Map(departments.map((d) => [d.code, d.name]));
  return {
    centerName: settings.centerName,
    date,
    asOf,
    departments: departments.map((d) => {
      const own = new Set(windows.filter((w) => w.department_code === d.code).map((w) => w.id));
      return departmentCard(
        d,
        measure(d.code),
        authorization(
          d.code,
          items.filter((i) => i.department_code === d.code).map((i) => i.code),
          powers.filter((p) => own.has(p.windowId)),
        ),
      );
    }),
    trend: await centerTrend(db, date),
    attention: attentionCases(cases, asOf, () => calendar, thresholds).map((c) => ({
      ...c,
      windowName: windowName.get(c.windowId) ?? c.windowId,
      departmentName: departmentName.get(c.departmentCode) ?? c.departmentCode,
    })),
  };
}
