import { pullPageLimit, type PullRequest, type PullResponse } from '../../shared/sync';
import type { AuthDevice, ServerContext } from '../http/spec';
import { pulledEventOf } from './event-rows';
import { referenceFor } from './reference';

/**
 * The department's events after the terminal's cursor in server order — accepted and conflicted
 * alike, so both windows see a conflict — plus the reference data whose version moved. The
 * (department_code, server_seq) index makes each page one range scan.
 */
export async function pullEvents(
  ctx: ServerContext,
  device: AuthDevice,
  input: PullRequest,
): Promise<PullResponse> {
  const limit = Math.min(input.limit ?? pullPageLimit, pullPageLimit);
  // One row beyond the page tells whether more wait, without a count.
  const rows = await ctx.db
    .selectFrom('events')
    .selectAll()
    .where('department_code', '=', device.departmentCode)
    .where('server_seq', '>', input.cursor)
    .orderBy('server_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(pulledEventOf);
  return {
    events: page,
    cursor: page.at(-1)?.serverSeq ?? input.cursor,
    more: rows.length > limit,
    reference: await referenceFor(ctx.db, device.departmentCode, input.versions),
  };
}
