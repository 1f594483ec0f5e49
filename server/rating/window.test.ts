import { expect, it } from 'vitest';
import type { RatingRecord } from '../../shared/center-api';
import type { Metrics, RatingMetrics } from '../../shared/reports';
import { eachDialect } from '../db/test-db';
import { actors, seedHall, syncHarness, type TestDevice } from '../sync/test-support';
import { testApp } from '../test-app';
import { ratingPath as path, ratingSteps } from './test-support';

// Issue 17, part 2 at the window: its terminal asks the center, with the device's credentials and
// the member signed in, for its department's 好差评 block and its own window's ratings, and files
// 申诉 — on both dialects, through the real routes. The center's report counts the same ratings.

type Failure = { error: { code: string; message: string } };
type Figures = {
  department: RatingMetrics;
  byWindow: { windowId: string; ratings: RatingMetrics }[];
};
const period = 'from=2025-03-01&to=2025-03-31';

eachDialect('center: 好差评 at the window’s terminal', (t) => {
  const clock = new Date('2025-03-14T09:00:00+08:00');

  /** SJ01 served A001, rated 不满意 on its tablet; SJ02 served A002, rated 非常满意 on its own. */
  const setup = async () => {
    await seedHall(t().db);
    const h = syncHarness(t(), () => clock);
    const staff = testApp(t(), () => clock);
    const manager = await staff.tokenFor('manager');
    const supervisor = await staff.tokenFor('supervisor');
    const sj1 = await h.enroll('w-sj-1');
    const sj2 = await h.enroll('w-sj-2');
    const zj1 = await h.enroll('w-zj-1');
    const steps = ratingSteps(h.call, staff.call, manager);
    const serveAndRate = async (
      device: TestDevice,
      windowCode: string,
      staffId: string,
      rating: Record<string, unknown>,
    ) => {
      const tablet = await steps.pair(windowCode);
      const serviceId = await steps.serve(device, staffId);
      const kept = await h.call('POST', path('rating.rate'), {
        token: tablet,
        body: { serviceId, rating },
      });
      expect(kept.statusCode, kept.body).toBe(201);
    };
    await serveAndRate(sj1, 'SJ01', actors.clerk.userId, {
      level: 4,
      reasons: ['办事效率低'],
      comment: '等太久',
    });
    await serveAndRate(sj2, 'SJ02', actors.clerkSj2.userId, { level: 1 });
    const figures = async (device: TestDevice) => {
      const res = await h.call('GET', `${path('rating.terminalFigures')}?${period}`, {
        token: device.token,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Figures>();
    };
    const list = (device: TestDevice, staffId: string) =>
      h.call('GET', `${path('rating.windowList')}?${period}&staffId=${staffId}`, {
        token: device.token,
      });
    const appeal = (device: TestDevice, id: string, staffId: string, reason: string) =>
      h.call('POST', path('rating.windowAppeal', id), {
        token: device.token,
        body: { staffId, reason },
      });
    return { h, staff, supervisor, sj1, sj2, zj1, figures, list, appeal };
  };

  it('gives the terminal its department’s 好差评 block, each window’s apart', async () => {
    const { h, sj1, zj1, figures } = await setup();
    const sj = await figures(sj1);
    // A001 was a ticket served without a case: counted, no case to open, its number named
    expect(sj.department.ratings['4']).toEqual({ count: 1, caseIds: [], tickets: ['A001'] });
    expect(sj.department.ratings['1'].count).toBe(1);
    expect(sj.department.badRatings.count).toBe(1);
    expect(
      sj.byWindow.map((w) => [
        w.windowId,
        w.ratings.badRatings.count,
        w.ratings.ratings['1'].count,
      ]),
    ).toEqual([
      ['w-sj-1', 1, 0],
      ['w-sj-2', 0, 1],
    ]);
    // another department's terminal sees its own, empty block
    const zj = await figures(zj1);
    expect(zj.department.ratings['4'].count + zj.department.ratings['1'].count).toBe(0);
    expect(zj.byWindow.map((w) => w.windowId)).toEqual(['w-zj-1']);
    // no device, no figures
    const anonymous = await h.call('GET', `${path('rating.terminalFigures')}?${period}`);
    expect(anonymous.statusCode).toBe(401);
  });

  it('shows a window’s members its own ratings only, and refuses another window’s member', async () => {
    const { sj1, list } = await setup();
    const own = await list(sj1, actors.clerk.userId);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<{ ratings: RatingRecord[] }>().ratings).toEqual([
      expect.objectContaining({
        level: 4,
        windowCode: 'SJ01',
        ticketNumber: 'A001',
        reasons: ['办事效率低'],
        comment: '等太久',
        appeal: null,
        counted: true,
      }),
    ]);
    // the chief of the same window sees them too; SJ02's clerk and ZJ's at SJ01's PC do not
    expect((await list(sj1, actors.chief.userId)).statusCode).toBe(200);
    for (const other of [actors.clerkSj2.userId, actors.clerkZj.userId, 'u-nobody']) {
      const refused = await list(sj1, other);
      expect(refused.statusCode).toBe(403);
      expect(refused.json<Failure>().error.message).toBe(
        '仅本窗口的工作人员可以查看和申诉本窗口的评价',
      );
    }
  });

  it('files the window’s 申诉 from its terminal; the supervisor’s decision takes it out of the count', async () => {
    const { staff, supervisor, sj1, sj2, figures, list, appeal } = await setup();
    const [bad] = (await list(sj1, actors.clerk.userId)).json<{ ratings: RatingRecord[] }>()
      .ratings;
    const id = bad!.id;
    const blank = await appeal(sj1, id, actors.clerk.userId, '   ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json<Failure>().error.message).toBe('请写明申诉理由');
    // SJ02's clerk at SJ02's PC: the rating is not SJ02's to dispute
    const foreign = await appeal(sj2, id, actors.clerkSj2.userId, '不是本窗口的服务');
    expect(foreign.statusCode).toBe(403);
    // SJ02's clerk named at SJ01's PC: not a member of this window
    expect((await appeal(sj1, id, actors.clerkSj2.userId, '误触')).statusCode).toBe(403);

    const filed = await appeal(sj1, id, actors.clerk.userId, '申请人误触，当场已说明');
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json<RatingRecord>().appeal).toMatchObject({
      reason: '申请人误触，当场已说明',
      decision: null,
    });
    expect((await appeal(sj1, id, actors.clerk.userId, '再次申诉')).statusCode).toBe(409);

    const decided = await staff.call('POST', path('rating.decideAppeal', id), {
      token: supervisor,
      body: { upheld: true, note: '调阅录像属实' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const [after] = (await list(sj1, actors.clerk.userId)).json<{ ratings: RatingRecord[] }>()
      .ratings;
    expect(after).toMatchObject({
      counted: false,
      appeal: { decision: 'upheld', decisionNote: '调阅录像属实' },
    });
    const sj = await figures(sj1);
    expect(sj.department.badRatings.count).toBe(0);
    expect(sj.department.appealedAway).toEqual({ count: 1, caseIds: [], tickets: ['A001'] });
  });

  it('counts the ratings in the center’s daily report and dashboard', async () => {
    const { staff, supervisor } = await setup();
    const report = await staff.call('GET', `/api/reports/metrics?${period}&department=SJ`, {
      token: supervisor,
    });
    expect(report.statusCode, report.body).toBe(200);
    const { metrics } = report.json<{ metrics: Metrics }>();
    expect([metrics.ratings[1].count, metrics.ratings[4].count, metrics.badRatings.count]).toEqual([
      1, 1, 1,
    ]);
    const window2 = await staff.call('GET', `/api/reports/metrics?${period}&window=w-sj-2`, {
      token: supervisor,
    });
    expect(window2.json<{ metrics: Metrics }>().metrics.badRatings.count).toBe(0);
    const board = await staff.call('GET', '/api/reports/dashboard?date=2025-03-14', {
      token: supervisor,
    });
    const cards = board.json<{ departments: { code: string; badRatings: number }[] }>().departments;
    expect(cards.map((c) => [c.code, c.badRatings])).toEqual([
      ['SJ', 1],
      ['ZJ', 0],
    ]);
  });
});
