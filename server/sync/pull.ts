import { pullPageLimit, type PullRequest, type PullResponse } from '../../shared/sync';
import type { AuthDevice, ServerContext } from '../http/spec';
import { pulledEventOf } from './event-rows';
import { referenceFor } from './reference';
import { restoreDetected } from '../admin/terminal-numbers';

/**
 * The department's events of other PCs after the terminal's cursor in server order — accepted
 * and conflicted alike, so both windows see a conflict — plus the reference data whose version
 * moved. The
 * (department_code, server_seq) index makes each page one range scan.
 */
export async function pullEvents(
  ctx: ServerContext,
  device: AuthDevice,
  input: PullRequest,
): Promise<PullResponse> {
  if (input.cursor > 0 && !(await cursorHolds(ctx, input))) {
    // part A of issue 15: the center was restored without the restore command (or the command
    // ran and this is one more terminal finding out): recorded, and no terminal number that a
    // lost PC may carry is handed out again
    ctx.log.warn(
      { deviceId: device.id, cursor: input.cursor },
      'pull cursor beyond what the center holds: restored from a backup',
    );
    await restoreDetected(
      ctx.db,
      ctx.dialect,
      `终端 ${device.id} 的拉取位置（第 ${input.cursor} 号）不在中心所存事件之中`,
      ctx.now(),
    );
    return {
      events: [],
      cursor: 0,
      more: true,
      restart: true,
      reference: await referenceFor(ctx.db, device.departmentCode, input.versions),
    };
  }
  const limit = Math.min(input.limit ?? pullPageLimit, pullPageLimit);
  // One row beyond the page tells whether more wait, without a count.
  const rows = await ctx.db
    .selectFrom('events')
    .selectAll()
    .where('department_code', '=', device.departmentCode)
    .where('server_seq', '>', input.cursor)
    // its own events the terminal already knows from the push answers (number, status, conflict);
    // sending them back would double a fresh sync's traffic for nothing
    .where('device_id', '!=', device.id)
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

/**
 * Whether the terminal's cursor still points where it did. After a restore from an older copy the
 * center re-numbers what terminals send again; a cursor past the restored end would skip those
 * events for good, so it must be recognised and the terminal sent back to the start.
 */
async function cursorHolds(ctx: ServerContext, input: PullRequest): Promise<boolean> {
  const at = await ctx.db
    .selectFrom('events')
    .select('id')
    .where('server_seq', '=', input.cursor)
    .executeTakeFirst();
  if (!at) return false;
  return input.cursorEventId === undefined || at.id === input.cursorEventId;
}
