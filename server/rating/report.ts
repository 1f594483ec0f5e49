import type { Kysely } from 'kysely';
import type { LocalDate } from '../../shared/calendar';
import type { RatingPeriod, RatingReport } from '../../shared/center-api';
import type { ServerDb } from '../db/schema';
import { isCounted, ratingsOf } from './views';

// Issue 17, part 2: the department's 好差评 figures. The levels and the 差评 rate are the
// applicant's own ratings (device, QR, SMS); a paper form keyed in by staff (代录) is counted
// apart, and a rating whose appeal was upheld is out of both, counted only as appealed away. A
// paper form of a service the applicant also rated on their own is out of both too: the
// applicant's own word counts (0026). A follow-up is overdue once its due day has passed with no
// call recorded: `today` is the center's day (Asia/Shanghai), not the period's end.

const noLevels = () => ({ '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 });
type LevelKey = keyof ReturnType<typeof noLevels>;

export async function ratingReport(
  db: Kysely<ServerDb>,
  period: RatingPeriod,
  today: LocalDate,
): Promise<RatingReport> {
  const rows = await ratingsOf(db, period);
  const levels = noLevels();
  const paper = noLevels();
  let appealedAway = 0;
  let appealsWaiting = 0;
  let followUpsOpen = 0;
  let followUpsOverdue = 0;
  for (const row of rows) {
    if (row.appealed_at !== null && row.decision === null) appealsWaiting += 1;
    if (row.decision === 'upheld') {
      appealedAway += 1;
      continue;
    }
    if (!isCounted(row)) continue;
    if (row.due_date !== null && row.contacted_at === null) {
      followUpsOpen += 1;
      if (row.due_date < today) followUpsOverdue += 1;
    }
    const key = String(row.level) as LevelKey;
    (row.channel === 'paper' ? paper : levels)[key] += 1;
  }
  const total = Object.values(levels).reduce((a, b) => a + b, 0);
  // 不满意 and 非常不满意 (shared/case isBadRating)
  const bad = levels['4'] + levels['5'];
  return {
    from: period.from,
    to: period.to,
    department: period.department ?? null,
    levels,
    total,
    bad,
    badRate: total === 0 ? null : bad / total,
    paper: { levels: paper, total: Object.values(paper).reduce((a, b) => a + b, 0) },
    appealedAway,
    appealsWaiting,
    followUpsOpen,
    followUpsOverdue,
  };
}
