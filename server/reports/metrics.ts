import type { Kysely } from 'kysely';
import type { OpenCase } from '../../shared/case';
import { endOfDay, type Calendar } from '../../shared/calendar';
import {
  computeMetrics,
  type Metrics,
  type ReportCase,
  type ReportRating,
  type ReportScope,
} from '../../shared/reports';
import { clockContext } from '../cases/clocks';
import type { ServerDb } from '../db/schema';

/**
 * The cases a report of `scope`'s days can count, read from the center's case projection (folded
 * from the accepted events). A case counts in a period only through an event within it — so
 * received before its end, with its last event on or after its first day — or by being open. The
 * center keeps one calendar, so every case is measured on it (as the center's case list does).
 */
export async function centerReportCases(
  db: Kysely<ServerDb>,
  calendar: Calendar,
  scope: Pick<ReportScope, 'from' | 'to' | 'departmentCode' | 'windowId'>,
): Promise<ReportCase[]> {
  let query = db
    .selectFrom('cases')
    .select(['state', 'window_id'])
    .where((w) =>
      w.or([
        w('open', '=', 1),
        w.and([w('last_event_at', '>=', scope.from), w('received_at', '<', endOfDay(scope.to))]),
      ]),
    );
  if (scope.departmentCode !== undefined) {
    query = query.where('department_code', '=', scope.departmentCode);
  }
  if (scope.windowId !== undefined) query = query.where('window_id', '=', scope.windowId);
  const rows = await query.execute();
  return rows.map((r) => ({
    state: { ...(JSON.parse(r.state) as OpenCase), calendarVersion: calendar.version },
    windowId: r.window_id,
  }));
}

/**
 * The ratings the applicants gave in `scope`'s days (issue 17's ratings table), each with whether
 * an upheld appeal took it out of the counts. The counting itself is shared/reports foldRatings.
 */
export async function centerReportRatings(
  db: Kysely<ServerDb>,
  scope: Pick<ReportScope, 'from' | 'to' | 'departmentCode' | 'windowId'>,
): Promise<ReportRating[]> {
  let query = db
    .selectFrom('ratings as r')
    .leftJoin('rating_appeals as a', 'a.rating_id', 'r.id')
    // a paper form of a service the applicant also rated on their own counts nowhere (0026)
    .leftJoin('ratings as own', (j) =>
      j
        .onRef('own.service_kind', '=', 'r.service_kind')
        .onRef('own.service_id', '=', 'r.service_id')
        .on('own.channel', '<>', 'paper')
        .on('r.channel', '=', 'paper'),
    )
    .where('own.id', 'is', null)
    .select([
      'r.level',
      'r.channel',
      'r.rated_at',
      'r.department_code',
      'r.window_id',
      'r.case_id',
      'r.ticket_number',
      'a.decision',
    ])
    .where('r.rated_at', '>=', `${scope.from}T00:00:00+08:00`)
    .where('r.rated_at', '<', endOfDay(scope.to));
  if (scope.departmentCode !== undefined) {
    query = query.where('r.department_code', '=', scope.departmentCode);
  }
  if (scope.windowId !== undefined) query = query.where('r.window_id', '=', scope.windowId);
  const rows = await query.orderBy('r.rated_at').orderBy('r.id').execute();
  return rows.map((r) => ({
    // PostgreSQL may answer an integer column as text
    level: Number(r.level),
    channel: r.channel as ReportRating['channel'],
    ratedAt: r.rated_at,
    departmentCode: r.department_code,
    windowId: r.window_id,
    caseId: r.case_id,
    ticketNumber: r.ticket_number,
    appealedAway: r.decision === 'upheld',
  }));
}

/** The report's numbers for the whole center, or a department or window of it. */
export async function centerMetrics(
  db: Kysely<ServerDb>,
  scope: ReportScope,
  now: Date,
): Promise<Metrics> {
  const { calendar, thresholds } = await clockContext(db, now);
  const [cases, ratings] = await Promise.all([
    centerReportCases(db, calendar, scope),
    centerReportRatings(db, scope),
  ]);
  return computeMetrics(cases, scope, () => calendar, thresholds, ratings);
}
