import { periodProblem, shanghaiDate, type LocalDate } from '../../shared/calendar';
import type { RatingRecord } from '../../shared/center-api';
import { foldRatings } from '../../shared/reports';
import { invalid } from '../admin/access';
import { clockContext } from '../cases/clocks';
import type { AuthDevice, ServerContext } from '../http/spec';
import { assertWindowStaff } from '../queue/window';
import { centerReportCases, centerReportRatings } from '../reports/metrics';
import { appealRating } from './appeals';
import { ratingsOf, toRecord } from './views';

// Issue 17, part 2 at the window: its terminal talks to the center with the device's credentials
// (as the queue does), so these calls name the member signed in there. The device fixes the
// window and the department; the member must be of that very window — a colleague of another
// window of the same department sees and disputes nothing of this one.

type Period = { from: LocalDate; to: LocalDate };

/** The member signed in at the terminal: active window staff of the device's own window. */
function assertWindowMember(ctx: ServerContext, device: AuthDevice, staffId: string) {
  const refusal = '仅本窗口的工作人员可以查看和申诉本窗口的评价';
  return assertWindowStaff(ctx.db, device, staffId, refusal, true);
}

/** A period reaching past next year needs the center's clock (the schema judged the rest). */
function assertPeriod(ctx: ServerContext, period: Period): void {
  const problem = periodProblem(period, shanghaiDate(ctx.now()));
  if (problem) throw invalid(`query.${problem.field}`, problem.message);
}

/**
 * The 好差评 block of the device's department for the terminal's report, and of each of its
 * windows: the terminal holds no ratings, so its report asks for these.
 */
export async function terminalFigures(ctx: ServerContext, device: AuthDevice, period: Period) {
  assertPeriod(ctx, period);
  const departmentCode = device.departmentCode;
  const { calendar } = await clockContext(ctx.db, ctx.now());
  const [cases, ratings, windows] = await Promise.all([
    centerReportCases(ctx.db, calendar, { ...period, departmentCode }),
    centerReportRatings(ctx.db, { ...period, departmentCode }),
    ctx.db
      .selectFrom('windows')
      .select('id')
      .where('department_code', '=', departmentCode)
      .orderBy('code')
      .execute(),
  ]);
  // foldRatings needs no clock: the moment open cases are judged at does not matter here
  const scope = { ...period, asOf: period.to, departmentCode };
  return {
    department: foldRatings(cases, ratings, scope),
    byWindow: windows.map((w) => ({
      windowId: w.id,
      ratings: foldRatings(cases, ratings, { ...scope, windowId: w.id }),
    })),
  };
}

export async function windowRatings(
  ctx: ServerContext,
  device: AuthDevice,
  query: Period & { staffId: string },
): Promise<{ ratings: RatingRecord[] }> {
  assertPeriod(ctx, query);
  await assertWindowMember(ctx, device, query.staffId);
  const rows = await ratingsOf(
    ctx.db,
    { from: query.from, to: query.to, department: device.departmentCode },
    device.windowId,
  );
  return { ratings: rows.map(toRecord) };
}

export async function windowAppeal(
  ctx: ServerContext,
  device: AuthDevice,
  ratingId: string,
  appeal: { staffId: string; reason: string },
): Promise<RatingRecord> {
  await assertWindowMember(ctx, device, appeal.staffId);
  return appealRating(
    ctx,
    { windowId: device.windowId, staffId: appeal.staffId },
    ratingId,
    appeal.reason,
  );
}
