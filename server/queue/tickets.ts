import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { shanghaiDate, shanghaiIso } from '../../shared/calendar';
import type { PublicTicket, Ticket, TicketStatus } from '../../shared/center-api';
import type { ServerDb } from '../db/schema';
import { conflict, invalid, notFound } from '../admin/access';
import type { ServerContext } from '../http/spec';

// Issue 17, part 1: taking a ticket at the kiosk and reading one back. Tickets are numbered per
// day within their line ("A012"); the letter is the department's, given on its first ticket.

type Db = Kysely<ServerDb> | Transaction<ServerDb>;

/**
 * A line's waiting tickets are capped: a kiosk pressed in a loop (or a script on the hall's
 * network) must not fill the big screen and the day's report with thousands of numbers.
 */
export const maxWaitingPerLine = 500;

/**
 * Tickets one address may take a minute. A kiosk prints one every few seconds at most (a person
 * steps up, touches, takes the slip); a script on the hall's network would fill a line in
 * seconds and lock the day's applicants out.
 */
export const maxTicketsPerMinute = 20;

const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function ticketNumber(prefix: string, serial: number): string {
  return `${prefix}${String(serial).padStart(3, '0')}`;
}

/** The hall's business day of an instant: tickets start again at 001 every morning. */
export function queueDay(now: Date): string {
  return shanghaiDate(shanghaiIso(now));
}

/**
 * The department's letter, given on its first ticket: the first letter no other line holds
 * (I and O are left out: they read as 1 and 0 on a ticket). Two kiosks taking the first tickets
 * of two departments at once may pick the same letter; the unique index refuses the second,
 * which then takes the next.
 */
async function linePrefix(trx: Transaction<ServerDb>, departmentCode: string): Promise<string> {
  for (;;) {
    const own = await trx
      .selectFrom('queue_lines')
      .select('prefix')
      .where('department_code', '=', departmentCode)
      .executeTakeFirst();
    if (own) return own.prefix;
    const taken = new Set(
      (await trx.selectFrom('queue_lines').select('prefix').execute()).map((r) => r.prefix),
    );
    const free = [...letters].find((l) => !taken.has(l));
    if (!free) throw conflict('body.departmentCode', '叫号字母已用尽，请联系管理员');
    await trx
      .insertInto('queue_lines')
      .values({ department_code: departmentCode, prefix: free })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The next serial of the line today, under the counter row's lock (one number, one ticket). */
async function nextSerial(trx: Transaction<ServerDb>, day: string, prefix: string) {
  await trx
    .insertInto('queue_counters')
    .values({ day, prefix, last: 0 })
    .onConflict((oc) => oc.columns(['day', 'prefix']).doNothing())
    .execute();
  const row = await trx
    .updateTable('queue_counters')
    .set({ last: sql<number>`last + 1` })
    .where('day', '=', day)
    .where('prefix', '=', prefix)
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/**
 * The tickets of days gone by that were never served: the hall closed on them. They leave the
 * lines, the windows and the screens, and the day's figures stay as the day ended.
 */
export async function expireStale(trx: Transaction<ServerDb>, day: string, at: string) {
  const stale = await trx
    .selectFrom('queue_tickets')
    .select(['id', 'window_id'])
    .where('status', 'in', ['waiting', 'called'])
    .where('day', '<', day)
    .execute();
  if (stale.length === 0) return;
  await trx
    .insertInto('queue_actions')
    .values(
      stale.map((t) => ({
        ticket_id: t.id,
        action: 'expire',
        window_id: t.window_id,
        staff_id: null,
        note: null,
        at,
      })),
    )
    .execute();
  await trx
    .updateTable('queue_tickets')
    .set({ status: 'expired' })
    .where(
      'id',
      'in',
      stale.map((t) => t.id),
    )
    .execute();
}

export async function takeTicket(
  ctx: ServerContext,
  departmentCode: string,
  address: string,
): Promise<PublicTicket> {
  const at = shanghaiIso(ctx.now());
  const day = queueDay(ctx.now());
  const id = await ctx.db.transaction().execute(async (trx) => {
    await expireStale(trx, day, at);
    const recent = await trx
      .selectFrom('queue_tickets')
      .select(sql<number>`count(*)`.as('n'))
      .where('taken_from', '=', address)
      .where('taken_at', '>', shanghaiIso(new Date(ctx.now().getTime() - 60_000)))
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= maxTicketsPerMinute) {
      throw conflict('body.departmentCode', '取号过于频繁，请稍后再试或到咨询台取号');
    }
    const windows = await trx
      .selectFrom('windows')
      .select(sql<number>`count(*)`.as('n'))
      .where('department_code', '=', departmentCode)
      .executeTakeFirstOrThrow();
    if (Number(windows.n) === 0) {
      throw invalid('body.departmentCode', `该部门在本大厅没有窗口：${departmentCode}`);
    }
    const waiting = await trx
      .selectFrom('queue_tickets')
      .select(sql<number>`count(*)`.as('n'))
      .where('status', '=', 'waiting')
      .where('department_code', '=', departmentCode)
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    if (Number(waiting.n) >= maxWaitingPerLine) {
      throw conflict('body.departmentCode', '该部门等候人数已满，请稍后再取号');
    }
    const prefix = await linePrefix(trx, departmentCode);
    const serial = await nextSerial(trx, day, prefix);
    const ticketId = randomUUID();
    await trx
      .insertInto('queue_tickets')
      .values({
        id: ticketId,
        day,
        number: ticketNumber(prefix, serial),
        serial,
        department_code: departmentCode,
        status: 'waiting',
        window_id: null,
        taken_at: at,
        taken_from: address,
      })
      .execute();
    await trx
      .insertInto('queue_actions')
      .values({
        ticket_id: ticketId,
        action: 'take',
        window_id: null,
        staff_id: null,
        note: null,
        at,
      })
      .execute();
    return ticketId;
  });
  return publicTicket(await readTicket(ctx.db, id));
}

/** What the kiosk and a phone may see of a ticket. */
export function publicTicket(ticket: Ticket): PublicTicket {
  const { transferNote: _note, cases: _cases, ...visible } = ticket;
  return visible;
}

type TicketRow = {
  id: string;
  day: string;
  number: string;
  serial: number;
  department_code: string;
  department_name: string;
  status: string;
  window_id: string | null;
  window_code: string | null;
  window_name: string | null;
  taken_at: string;
  called_at: string | null;
  finished_at: string | null;
  recalls: number;
  transfer_note: string | null;
};

export function ticketRows(db: Db) {
  return db
    .selectFrom('queue_tickets as t')
    .innerJoin('departments as d', 'd.code', 't.department_code')
    .leftJoin('windows as w', 'w.id', 't.window_id')
    .select([
      't.id',
      't.day',
      't.number',
      't.serial',
      't.department_code',
      'd.name as department_name',
      't.status',
      't.window_id',
      'w.code as window_code',
      'w.name as window_name',
      't.taken_at',
      't.called_at',
      't.finished_at',
      't.recalls',
      't.transfer_note',
    ]);
}

/**
 * Tickets of the same line taken before a waiting one and still waiting for the line (a ticket
 * sent to one window by 转窗 waits for that window only, and is called first there).
 */
async function ahead(db: Db, row: TicketRow): Promise<number> {
  let q = db
    .selectFrom('queue_tickets')
    .select(sql<number>`count(*)`.as('n'))
    .where('status', '=', 'waiting')
    .where('day', '=', row.day);
  q =
    row.window_id === null
      ? q
          .where('department_code', '=', row.department_code)
          .where('window_id', 'is', null)
          .where('serial', '<', row.serial)
      : q.where('window_id', '=', row.window_id).where('taken_at', '<', row.taken_at);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** A ticket as listed ahead in a window's line: no count before it, no cases (none yet). */
export function listedTicket(row: TicketRow): Ticket {
  return ticketOf(row, null, []);
}

export async function toTicket(db: Db, row: TicketRow): Promise<Ticket> {
  const cases = await db
    .selectFrom('queue_ticket_cases')
    .select('case_number')
    .where('ticket_id', '=', row.id)
    .orderBy('case_number')
    .execute();
  return ticketOf(
    row,
    row.status === 'waiting' ? await ahead(db, row) : null,
    cases.map((c) => c.case_number),
  );
}

function ticketOf(row: TicketRow, before: number | null, cases: string[]): Ticket {
  return {
    id: row.id,
    number: row.number,
    departmentCode: row.department_code,
    departmentName: row.department_name,
    status: row.status as TicketStatus,
    takenAt: row.taken_at,
    calledAt: row.called_at,
    finishedAt: row.finished_at,
    recalls: Number(row.recalls),
    windowCode: row.window_code,
    windowName: row.window_name,
    transferNote: row.transfer_note,
    ahead: before,
    cases,
  };
}

export async function readTicket(db: Db, id: string): Promise<Ticket> {
  const row = await ticketRows(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('号票');
  return toTicket(db, row);
}

/**
 * A case received for a ticket (the `received` event names it): the ticket lists the case, and
 * the wait and service times of the report can be read per item. Called inside the push's
 * transaction; a ticket this center never issued, of another number, or not called to the
 * receiving window (a forged or mistaken id) links nothing and refuses nothing.
 */
export async function linkTicketCase(
  trx: Transaction<ServerDb>,
  link: { ticketId: string; number: string; windowId: string; caseId: string; caseNumber: string },
): Promise<void> {
  // only the ticket as the receiving window called it: the number on it, called to that window
  const known = await trx
    .selectFrom('queue_tickets')
    .select('id')
    .where('id', '=', link.ticketId)
    .where('number', '=', link.number)
    .where('window_id', '=', link.windowId)
    .where('status', 'in', ['called', 'done'])
    .executeTakeFirst();
  if (!known) return;
  const { ticketId, caseId, caseNumber } = link;
  await trx
    .insertInto('queue_ticket_cases')
    .values({ ticket_id: ticketId, case_id: caseId, case_number: caseNumber })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
