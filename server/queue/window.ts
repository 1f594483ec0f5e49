import { sql, type Kysely, type Transaction } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type {
  QueueAction,
  WindowAction,
  WindowQueue,
  WindowQueueState,
} from '../../shared/center-api';
import type { ServerDb } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { HttpError } from '../http/errors';
import type { AuthDevice, ServerContext } from '../http/spec';
import { expireStale, listedTicket, queueDay, ticketRows, toTicket } from './tickets';

// Issue 17, part 1: the window's side of the queue — 叫号, 重呼, 过号, 转窗, 完成, 暂停服务 — sent by
// the window's terminal with its device credentials, naming the member signed in there.
//
// Correctness across center processes rests on the database, not on this process: a ticket is
// taken by an UPDATE that still requires it to be waiting (whoever commits first wins, the other
// looks again), PostgreSQL's SKIP LOCKED keeps two windows from queueing on one row, and the
// partial unique index on (window_id) WHERE status = 'called' refuses a second current ticket
// when one window sends two 叫号 at once.

type Db = Kysely<ServerDb> | Transaction<ServerDb>;

function refused(message: string): HttpError {
  return new HttpError(409, 'conflict', message);
}

/**
 * The member a terminal names as signed in at it: active window staff of the terminal's
 * department — or, with `sameWindow`, of its very window — else 403 with `refusal`.
 */
export async function assertWindowStaff(
  db: Db,
  device: AuthDevice,
  staffId: string,
  refusal: string,
  sameWindow = false,
): Promise<void> {
  const staff = await db
    .selectFrom('staff as s')
    .leftJoin('windows as w', 'w.id', 's.window_id')
    .select(['s.role', 's.active', 's.window_id', 'w.department_code'])
    .where('s.id', '=', staffId)
    .executeTakeFirst();
  if (
    !staff ||
    staff.active !== 1 ||
    staff.department_code !== device.departmentCode ||
    (sameWindow && staff.window_id !== device.windowId) ||
    !['clerk', 'chief', 'reviewer'].includes(staff.role)
  ) {
    throw new HttpError(403, 'forbidden', refusal);
  }
}

async function currentRow(db: Db, windowId: string) {
  return ticketRows(db)
    .where('t.window_id', '=', windowId)
    .where('t.status', '=', 'called')
    .executeTakeFirst();
}

/** Every action leaves its line in the ticket's record (queue_actions), in the same transaction. */
async function record(
  trx: Transaction<ServerDb>,
  ticketId: string,
  action: WindowAction['action'],
  by: { windowId: string; staffId: string; at: string },
  note: string | null = null,
) {
  await trx
    .insertInto('queue_actions')
    .values({
      ticket_id: ticketId,
      action,
      window_id: by.windowId,
      staff_id: by.staffId,
      note,
      at: by.at,
    })
    .execute();
}

async function paused(db: Db, windowId: string): Promise<boolean> {
  const row = await db
    .selectFrom('queue_windows')
    .select('paused')
    .where('window_id', '=', windowId)
    .executeTakeFirst();
  return Number(row?.paused ?? 0) === 1;
}

/**
 * What this window's 叫号 takes, in order: tickets sent to it by 转窗 first (the applicant has
 * waited once already), then its department's line by number.
 */
function lineFor(db: Db, device: AuthDevice, day: string) {
  return db
    .selectFrom('queue_tickets')
    .where('status', '=', 'waiting')
    .where('day', '=', day)
    .where((eb) =>
      eb.or([
        eb('window_id', '=', device.windowId),
        eb.and([eb('window_id', 'is', null), eb('department_code', '=', device.departmentCode)]),
      ]),
    );
}

/** Its order: tickets sent to the window by 转窗 first, then the line by time and number. */
function nextInLine(line: ReturnType<typeof lineFor>) {
  return line
    .select('id')
    .orderBy(sql`case when window_id is null then 1 else 0 end`)
    .orderBy('taken_at')
    .orderBy('serial');
}

async function callNext(trx: Transaction<ServerDb>, ctx: ServerContext, device: AuthDevice) {
  if (await paused(trx, device.windowId)) throw refused('本窗口已暂停服务，请先恢复服务再叫号');
  const current = await currentRow(trx, device.windowId);
  if (current) throw refused(`请先办结、过号或转出当前的 ${current.number} 号`);
  const day = queueDay(ctx.now());
  const at = shanghaiIso(ctx.now());
  // Another window may take the first ticket between the read and the update (a second center
  // process, or SQLite's reader before this writer): the update then changes nothing and the
  // next one is tried.
  for (;;) {
    const next = await nextInLine(lineFor(trx, device, day))
      .limit(1)
      .$if(ctx.dialect === 'postgres', (q) => q.forUpdate().skipLocked())
      .executeTakeFirst();
    if (!next) return null;
    const taken = await trx
      .updateTable('queue_tickets')
      .set({
        status: 'called',
        window_id: device.windowId,
        called_at: sql<string>`coalesce(called_at, ${at})`,
        service_from: at,
        last_called_at: at,
      })
      .where('id', '=', next.id)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) {
      await trx
        .insertInto('queue_calls')
        .values({ ticket_id: next.id, window_id: device.windowId, kind: 'call', at })
        .execute();
      return next.id;
    }
  }
}

async function mustHaveCurrent(trx: Db, windowId: string) {
  const current = await currentRow(trx, windowId);
  if (!current) throw refused('本窗口当前没有正在叫的号');
  return current;
}

async function act(
  trx: Transaction<ServerDb>,
  ctx: ServerContext,
  device: AuthDevice,
  action: WindowAction,
  staffId: string,
): Promise<string | null> {
  const at = shanghaiIso(ctx.now());
  const by = { windowId: device.windowId, staffId, at };
  const done = async (ticketId: string, note: string | null = null) => {
    await record(trx, ticketId, action.action, by, note);
    return ticketId;
  };
  switch (action.action) {
    case 'callNext': {
      const called = await callNext(trx, ctx, device);
      return called === null ? null : done(called);
    }
    case 'recall': {
      const current = await mustHaveCurrent(trx, device.windowId);
      await trx
        .updateTable('queue_tickets')
        .set({ recalls: sql<number>`recalls + 1`, last_called_at: at })
        .where('id', '=', current.id)
        .execute();
      await trx
        .insertInto('queue_calls')
        .values({ ticket_id: current.id, window_id: device.windowId, kind: 'recall', at })
        .execute();
      return done(current.id);
    }
    case 'noShow': {
      const current = await mustHaveCurrent(trx, device.windowId);
      // an applicant who did not hear the first call is called once more before being skipped
      if (Number(current.recalls) < 1) throw refused(`过号前请先重呼 ${current.number} 号一次`);
      await trx
        .updateTable('queue_tickets')
        .set({ status: 'noShow', finished_at: at, staff_id: staffId })
        .where('id', '=', current.id)
        .execute();
      return done(current.id);
    }
    case 'finish': {
      const current = await mustHaveCurrent(trx, device.windowId);
      await trx
        .updateTable('queue_tickets')
        .set({ status: 'done', finished_at: at, staff_id: staffId })
        .where('id', '=', current.id)
        .execute();
      return done(current.id);
    }
    case 'transfer': {
      const current = await mustHaveCurrent(trx, device.windowId);
      const target = await trx
        .selectFrom('windows')
        .select(['id', 'name', 'department_code'])
        .where('code', '=', action.toWindowCode)
        .executeTakeFirst();
      if (!target) {
        throw new HttpError(400, 'invalid_input', `没有这个窗口：${action.toWindowCode}`, {
          field: 'toWindowCode',
        });
      }
      if (target.id === device.windowId) throw refused('不能转到本窗口');
      // an applicant sent to a window nobody serves would wait there all day
      if (await paused(trx, target.id)) throw refused(`${target.name}已暂停服务，请转其他窗口`);
      await trx
        .updateTable('queue_tickets')
        .set({
          status: 'waiting',
          window_id: target.id,
          // it is the other department's applicant now: its line if that window pauses
          department_code: target.department_code,
          transfer_note: action.note,
          transferred_from: device.windowId,
          staff_id: staffId,
        })
        .where('id', '=', current.id)
        .execute();
      return done(current.id, `${action.toWindowCode}：${action.note}`);
    }
    case 'pause': {
      const current = await currentRow(trx, device.windowId);
      if (current) throw refused(`请先办结、过号或转出当前的 ${current.number} 号再暂停服务`);
      await setPaused(trx, device.windowId, 1);
      // tickets sent here by 转窗 go back to the department's line: nobody would call them here
      await trx
        .updateTable('queue_tickets')
        .set({ window_id: null })
        .where('window_id', '=', device.windowId)
        .where('status', '=', 'waiting')
        .execute();
      return null;
    }
    case 'resume':
      await setPaused(trx, device.windowId, 0);
      return null;
  }
}

async function setPaused(trx: Transaction<ServerDb>, windowId: string, value: 0 | 1) {
  await trx
    .insertInto('queue_windows')
    .values({ window_id: windowId, paused: value })
    .onConflict((oc) => oc.column('window_id').doUpdateSet({ paused: value }))
    .execute();
}

/**
 * One window's actions one after the other (a double-clicked 叫号, two PCs of one window): the
 * second waits for the first and then sees its ticket current. Without this it would skip the
 * first's locked row and answer that nobody waits while a ticket is being called.
 */
async function lockWindow(trx: Transaction<ServerDb>, ctx: ServerContext, windowId: string) {
  await trx
    .insertInto('queue_windows')
    .values({ window_id: windowId })
    .onConflict((oc) => oc.column('window_id').doNothing())
    .execute();
  await trx
    .selectFrom('queue_windows')
    .select('window_id')
    .where('window_id', '=', windowId)
    .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
    .execute();
}

export async function windowAct(
  ctx: ServerContext,
  device: AuthDevice,
  { staffId, act: action }: QueueAction,
): Promise<WindowQueue> {
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await assertWindowStaff(trx, device, staffId, '仅本部门的窗口工作人员可以叫号');
      await lockWindow(trx, ctx, device.windowId);
      // a ticket left called last night would hold this window's 叫号 (and its figures) forever
      await expireStale(trx, queueDay(ctx.now()), shanghaiIso(ctx.now()));
      await act(trx, ctx, device, action, staffId);
    });
  } catch (error) {
    // two 叫号 of one window at once: the second finds the first's ticket current
    if (isUniqueViolation(error)) throw refused('本窗口正在叫号，请稍候');
    throw error;
  }
  return windowQueue(ctx, device);
}

/** How many tickets the window's panel lists ahead. */
const shownNext = 5;

export async function windowQueue(ctx: ServerContext, device: AuthDevice): Promise<WindowQueue> {
  const db = ctx.db;
  const day = queueDay(ctx.now());
  const current = await currentRow(db, device.windowId);
  const nextIds = (
    await nextInLine(lineFor(db, device, day))
      .limit(shownNext)
      .execute()
  ).map((r) => r.id);
  const nextRows =
    nextIds.length === 0 ? [] : await ticketRows(db).where('t.id', 'in', nextIds).execute();
  nextRows.sort((a, b) => nextIds.indexOf(a.id) - nextIds.indexOf(b.id));
  const waiting = await lineFor(db, device, day)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const all = await db
    .selectFrom('windows as w')
    .innerJoin('departments as d', 'd.code', 'w.department_code')
    .select(['w.id', 'w.code', 'w.name', 'd.name as departmentName'])
    .orderBy('w.code')
    .execute();
  const own = all.find((w) => w.id === device.windowId);
  if (!own) throw new Error(`the device's window ${device.windowId} is not in the table`);
  const windows = all
    .filter((w) => w.id !== device.windowId)
    .map(({ code, name, departmentName }) => ({ code, name, departmentName }));
  const state: WindowQueueState = current
    ? 'calling'
    : (await paused(db, device.windowId))
      ? 'paused'
      : 'idle';
  return {
    windowCode: own.code,
    state,
    current: current ? await toTicket(db, current) : null,
    next: nextRows.map(listedTicket),
    waiting: Number(waiting.n),
    windows,
  };
}
