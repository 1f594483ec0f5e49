import { initialCaseState } from '../../shared/case';
import type { CaseHistory } from '../../shared/center-api';
import { HttpError } from '../http/errors';
import type { ServerContext } from '../http/spec';
import { pulledEventOf } from '../sync/event-rows';
import { caseItemOf, caseMeasured, itemColumns } from './case-item';
import { clockContext } from './clocks';
import { parseCaseState } from './projection';

export async function caseHistory(ctx: ServerContext, caseId: string): Promise<CaseHistory> {
  const [row, events] = await Promise.all([
    ctx.db.selectFrom('cases').select(itemColumns).where('id', '=', caseId).executeTakeFirst(),
    ctx.db
      .selectFrom('events')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('server_seq')
      .execute(),
  ]);
  if (!row && events.length === 0) throw new HttpError(404, 'not_found', '办件不存在');
  const conflicts = events.filter((e) => e.status === 'conflicted').length;
  return {
    case: row
      ? caseItemOf(row, caseMeasured(row, await clockContext(ctx.db, ctx.now())), conflicts)
      : null,
    state: row ? parseCaseState(row.state) : initialCaseState,
    events: events.map((e) => ({ ...pulledEventOf(e), receivedAt: e.received_at })),
  };
}
