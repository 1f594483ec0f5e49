import { pullPageLimit, type PullRequest, type PullResponse } from '../../shared/sync';
import type { AuthDevice, ServerContext } from '../http/spec';
import { pulledEventOf } from './event-rows';
import { referenceFor } from './reference';
import { restoreDetected } from '../admin/terminal-numbers';

/**
 * The department's events of other PCs after the terminal's cursor in server order — accepted
 * and conflicted alike, so both windows see a conflict — plus the reference data whose version
 * moved. The (department_code, server_seq) index makes each page one range scan, and the cursor
 * moves past the terminal's own events too (protocol 2), so that a PC alone in its department
 * does not scan all it ever sent on every idle pull (issue 19).
 */
export async function pullEvents(
  ctx: ServerContext,
  device: AuthDevice,
  input: PullRequest,
  protocol: number,
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
  // Read before the page, and the page kept to it: an event committed between the two reads is
  // past `newest`, so moving the cursor to `newest` skips nothing. (A push holds the event log's
  // lock from its first insert to its commit, so every number below a visible one is committed.)
  const newest =
    protocol >= 2
      ? await ctx.db
          .selectFrom('events')
          .select(['id', 'server_seq'])
          .where('department_code', '=', device.departmentCode)
          .where('server_seq', '>', input.cursor)
          .orderBy('server_seq', 'desc')
          .limit(1)
          .executeTakeFirst()
      : undefined;
  // One row beyond the page tells whether more wait, without a count.
  let query = ctx.db
    .selectFrom('events')
    .selectAll()
    .where('department_code', '=', device.departmentCode)
    .where('server_seq', '>', input.cursor)
    // its own events the terminal already knows from the push answers (number, status, conflict);
    // sending them back would double a fresh sync's traffic for nothing
    .where('device_id', '!=', device.id);
  if (newest) query = query.where('server_seq', '<=', newest.server_seq);
  const rows = await query
    .orderBy('server_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit).map(pulledEventOf);
  const more = rows.length > limit;
  const reference = await referenceFor(ctx.db, device.departmentCode, input.versions);
  const last = page.at(-1);
  if (!more && newest && Number(newest.server_seq) > (last?.serverSeq ?? input.cursor)) {
    // all of the others' events up to `newest` are on this page: the rest are this PC's own
    return {
      events: page,
      cursor: Number(newest.server_seq),
      cursorEventId: newest.id,
      more,
      reference,
    };
  }
  return { events: page, cursor: last?.serverSeq ?? input.cursor, more, reference };
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
