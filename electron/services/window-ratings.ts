import type { RatingRecord } from '../../shared/center-api';
import { addDays, shanghaiDate, type LocalDate } from '../../shared/calendar';
import { ruleMessages } from '../../shared/case';
import type { RatingMetrics } from '../../shared/reports';
import { ratingsUnreachable } from '../../shared/reports/daily-report';
import { ApiFailure } from '../api/errors';
import { CenterFailure } from '../sync/client';
import type { Terminal } from './context';
import { centerCallFailure, enrolledClient, isCenterUnreachable } from './queue';
import type { SessionRecord } from './sessions';

// Issue 17, part 2 at the window: the center keeps every rating (the terminal holds none), so the
// report's 好差评 block and the window's own ratings are asked of it with the device's
// credentials, naming the member signed in, as the queue's calls do. Nothing here works offline,
// and nothing pretends to: the report says the center could not be asked instead of a zero.

type Period = { from: LocalDate; to: LocalDate };

/** The department's 好差评 block and each window's, as the center counts them. */
export type CenterRatings = {
  department: RatingMetrics;
  byWindow: { windowId: string; ratings: RatingMetrics }[];
};

/** The center's 好差评 block for the report, or the sentence the report shows in its place. */
export async function centerRatingFigures(
  t: Terminal,
  period: Period,
): Promise<CenterRatings | string> {
  let client;
  try {
    client = enrolledClient(t, '好差评数据来自中心');
  } catch (error) {
    if (error instanceof ApiFailure)
      return `好差评数据来自中心，${ruleMessages['terminal.notEnrolled']}`;
    throw error;
  }
  try {
    const answer = await client.call('rating.terminalFigures', { query: period });
    // the wire keys levels as text; the report's Metrics by number
    const asMetrics = (r: (typeof answer)['department']): RatingMetrics => ({
      ...r,
      ratings: {
        1: r.ratings['1'],
        2: r.ratings['2'],
        3: r.ratings['3'],
        4: r.ratings['4'],
        5: r.ratings['5'],
      },
    });
    return {
      department: asMetrics(answer.department),
      byWindow: answer.byWindow.map((w) => ({
        windowId: w.windowId,
        ratings: asMetrics(w.ratings),
      })),
    };
  } catch (error) {
    if (!(error instanceof CenterFailure)) throw error;
    return isCenterUnreachable(error)
      ? ratingsUnreachable
      : `好差评数据来自中心，中心未给出：${error.message}`;
  }
}

const offline = (reason: string) => `本窗口评价保存在中心，当前无法连接中心（${reason}）`;

/** The days a window's ratings are listed for when none are asked: the last 30, by this PC. */
const defaultDays = 30;

export async function windowRatings(
  t: Terminal,
  session: SessionRecord,
  asked: Period | undefined,
): Promise<Period & { ratings: RatingRecord[] }> {
  const client = enrolledClient(t, '不能查看本窗口评价');
  const today = shanghaiDate(t.now());
  const period = asked ?? { from: addDays(today, 1 - defaultDays), to: today };
  try {
    const query = { ...period, staffId: session.actor.userId };
    return { ...period, ratings: (await client.call('rating.windowList', { query })).ratings };
  } catch (error) {
    throw centerCallFailure(error, offline, 'from');
  }
}

export async function appealWindowRating(
  t: Terminal,
  session: SessionRecord,
  input: { ratingId: string; reason: string },
): Promise<RatingRecord> {
  const client = enrolledClient(t, '不能申诉');
  try {
    return await client.call('rating.windowAppeal', {
      params: { id: input.ratingId },
      body: { staffId: session.actor.userId, reason: input.reason },
    });
  } catch (error) {
    throw centerCallFailure(error, offline, 'reason');
  }
}
