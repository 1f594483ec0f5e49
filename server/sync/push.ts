import { recordFileRefs } from '../files/refs';
import { sql, type Kysely } from 'kysely';
import { initialCaseState, type CaseState, type OpenCase } from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import { documentOfEvent, verificationCode } from '../../shared/documents';
import type { PushResponse, WireEvent } from '../../shared/sync';
import { clockContext } from '../cases/clocks';
import { caseRowOf, parseCaseState, upsertCases } from '../cases/projection';
import { linkTicketCase } from '../queue/tickets';
import type { NewEvent, ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { AuthDevice, Dialect, ServerContext } from '../http/spec';
import { newEventRow, pushResultOf, resultColumns, type ResultColumns } from './event-rows';
import { superviseBatch } from '../supervision/engine';
import { queueNotices } from '../sms/queue';
import { advisoryLock, lockKeys } from './lock';
import { checkContent, eventAtFault, verifyNextEvent, type ChainHead } from './verify-event';
import { judgeEvent, readRecords } from './judge';

/** A case as the batch sees it: as stored, then as each accepted event of the batch left it. */
type CaseEntry = {
  departmentCode: string;
  windowId: string;
  state: CaseState;
  /** the last event of this batch that moved the case; null while none has */
  movedBy: string | null;
};
type MovedCase = CaseEntry & { state: OpenCase; movedBy: string };

function isMoved(c: CaseEntry): c is MovedCase {
  return c.movedBy !== null && c.state.status !== 'none';
}

/**
 * Stores a batch of one device's events, in device_seq order, in ONE transaction: any 4xx rolls
 * the whole batch back and names the event at fault, so the terminal can push the prefix before
 * it. The answer leaves only after the commit — an acknowledged event is a stored event.
 *
 * Set-based: the batch's rows are read with a handful of queries, every event is decided in
 * memory in order (a later event of a case sees what the earlier ones made of it), then the
 * events, the cases and the device are written with one statement each. On PostgreSQL that is
 * about ten round trips per batch instead of four per event.
 */
export async function pushEvents(
  ctx: ServerContext,
  device: AuthDevice,
  events: readonly WireEvent[],
): Promise<PushResponse> {
  // Hash, signature and schema need nothing but the event and the key, so they are checked
  // before the center-wide lock, which then covers database work only. The key is written once
  // at enrollment and never changed: the one authentication read is the one stored.
  const contents = events.map((e, i) =>
    e.deviceId === device.id ? checkContent(e, device.publicKey, `body.events.${i}`) : null,
  );

  return ctx.db.transaction().execute(async (trx) => {
    await advisoryLock(trx, ctx.dialect, lockKeys.eventLog);
    const row = await trx
      .selectFrom('devices')
      .select([
        'id',
        'window_id',
        'department_code',
        'revoked_at',
        'last_seq',
        'last_hash',
        'last_event_at',
      ])
      .where('id', '=', device.id)
      .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) throw new HttpError(401, 'unauthenticated', '设备未注册');
    // Auth ran before the lock: a revocation that committed since then still wins.
    if (row.revoked_at) throw new HttpError(403, 'device_revoked', '设备已停用');

    const stored: ChainHead = { lastSeq: row.last_seq, lastHash: row.last_hash };
    // Everything the walk below may consult, read up front. `fresh` may reach past an event at
    // fault: reading a few rows too many is harmless, the walk still stops where it must.
    const fresh = events.filter((e) => e.deviceSeq > stored.lastSeq);
    const windows = await departmentWindows(trx, row.department_code);
    const answers = await storedResults(trx, row.id, events, stored.lastSeq);
    const taken = await storedIds(trx, fresh);
    const cases = await lockedCases(trx, ctx, fresh);
    const receivedAt = shanghaiIso(ctx.now());
    const records = await readRecords(
      trx,
      ctx,
      {
        id: row.id,
        windowId: row.window_id,
        departmentCode: row.department_code,
        lastEventAt: row.last_event_at,
      },
      fresh,
      receivedAt,
    );

    // what each seq at or below the head was answered: stored before, or earlier in this batch
    const answered = new Map([...answers.values()].map((r) => [r.device_seq, r.id]));
    const hashes = new Map([...answers.values()].map((r) => [r.device_seq, r.hash]));
    const answerIds: string[] = [];
    const rows: NewEvent[] = [];
    // issue 17: cases received for a queue ticket, linked once their events are stored
    const ticketCases: Parameters<typeof linkTicketCase>[1][] = [];
    let head = stored;
    for (const [index, e] of events.entries()) {
      const at = eventAtFault(e);
      if (e.deviceId !== row.id) {
        throw new HttpError(403, 'forbidden', '只能提交本设备的事件', at);
      }
      if (e.deviceSeq <= head.lastSeq) {
        answerIds.push(replayed(e, answered.get(e.deviceSeq), hashes.get(e.deviceSeq)));
        continue;
      }
      if (e.deviceSeq > head.lastSeq + 1) {
        // The committed seq, not the batch's: nothing of this batch will be kept.
        throw new HttpError(
          409,
          'sequence_gap',
          `事件序号不连续：中心已存至第 ${stored.lastSeq} 号`,
          { ...at, lastSeq: stored.lastSeq },
        );
      }
      // Checked for new events only: a replay is answered from what was stored when it passed.
      if (!windows.has(e.windowId)) {
        throw new HttpError(403, 'forbidden', '不能提交其他部门窗口的事件', at);
      }
      const event = verifyNextEvent(e, head, contents[index]!);
      if (taken.has(e.id)) {
        throw new HttpError(409, 'conflict', '事件编号已被另一事件使用', at);
      }
      const current = cases.get(e.caseId);
      const department =
        current?.departmentCode ??
        (event.type === 'received' ? event.payload.item.departmentCode : row.department_code);
      if (department !== row.department_code) {
        throw new HttpError(403, 'forbidden', '不能办理其他部门的办件', at);
      }

      // Accepted when the shared reducer and the center's records admit it, else stored as
      // conflicted with the rule — never dropped, and the case is left as it was.
      const verdict = judgeEvent(current?.state ?? initialCaseState, event, e, records);
      if (verdict.ok && event.type === 'received' && event.payload.ticket) {
        ticketCases.push({
          ticketId: event.payload.ticket.id,
          number: event.payload.ticket.number,
          windowId: e.windowId,
          caseId: e.caseId,
          caseNumber: event.payload.caseNumber,
        });
      }
      if (verdict.ok && verdict.state.status !== 'none') {
        cases.set(e.caseId, {
          departmentCode: verdict.state.item.departmentCode,
          windowId: current?.windowId ?? e.windowId,
          state: verdict.state,
          movedBy: e.id,
        });
      }
      rows.push(
        newEventRow(e, {
          departmentCode: row.department_code,
          status: verdict.ok ? 'accepted' : 'conflicted',
          conflict: verdict.ok ? null : { rule: verdict.rule, message: verdict.message },
          // the server's clock: a terminal's may be a day ahead or hours behind, never judged
          receivedAt,
          verificationCode: documentOfEvent[e.type] ? verificationCode(e.hash) : null,
        }),
      );
      taken.add(e.id);
      answered.set(e.deviceSeq, e.id);
      hashes.set(e.deviceSeq, e.hash);
      answerIds.push(e.id);
      head = { lastSeq: e.deviceSeq, lastHash: e.hash };
    }

    const results = new Map<string, ResultColumns>([...answers.values()].map((r) => [r.id, r]));
    for (const r of await insertEvents(trx, ctx.dialect, rows)) results.set(r.id, r);
    await writeCases(trx, ctx, cases, results);
    await recordFileRefs(trx, rows);
    for (const link of ticketCases) await linkTicketCase(trx, link);
    // the supervision rules see the batch in its own transaction: no alert without its events
    await superviseBatch(
      trx,
      ctx.now(),
      [...cases.values()].filter(isMoved).map((c) => ({ state: c.state, windowId: c.windowId })),
      rows,
    );
    // issue 17 part 4: the applicant's SMS, queued with its event or not at all
    await queueNotices(trx, ctx.now(), rows, (caseId) => cases.get(caseId)?.state);
    if (head.lastSeq !== stored.lastSeq) {
      await trx
        .updateTable('devices')
        .set({
          last_seq: head.lastSeq,
          last_hash: head.lastHash,
          last_event_at: records.device.lastEventAt,
        })
        .where('id', '=', row.id)
        .execute();
    }
    return {
      results: answerIds.map((id) => pushResultOf(results.get(id)!)),
      lastSeq: head.lastSeq,
    };
  });
}

async function departmentWindows(trx: Kysely<ServerDb>, departmentCode: string) {
  const rows = await trx
    .selectFrom('windows')
    .select('id')
    .where('department_code', '=', departmentCode)
    .execute();
  return new Set(rows.map((r) => r.id));
}

type Answered = ResultColumns & { hash: string };

/** The stored answers of the events the batch sends again, by device_seq. */
async function storedResults(
  trx: Kysely<ServerDb>,
  deviceId: string,
  events: readonly WireEvent[],
  lastSeq: number,
): Promise<Map<number, Answered>> {
  const seqs = events.map((e) => e.deviceSeq).filter((s) => s <= lastSeq);
  if (seqs.length === 0) return new Map();
  const rows = await trx
    .selectFrom('events')
    .select([...resultColumns, 'hash'])
    .where('device_id', '=', deviceId)
    .where('device_seq', 'in', seqs)
    .execute();
  return new Map(rows.map((r) => [r.device_seq, r]));
}

function replayed(e: WireEvent, id: string | undefined, hash: string | undefined): string {
  // devices.last_seq only moves with an insert in the same transaction, and events are never
  // deleted: a hole under last_seq means the database was edited behind the server's back.
  if (id === undefined) {
    throw new Error(`event ${e.deviceId}#${e.deviceSeq} is below last_seq but missing`);
  }
  if (hash !== e.hash) {
    throw new HttpError(
      409,
      'chain_forked',
      '中心已存有该序号的另一事件，本机日志与中心分叉',
      eventAtFault(e),
    );
  }
  return id;
}

// IN lists carry one parameter per event: a push is at most pushLimits.events (500), far below
// SQLite's 32,766 and PostgreSQL's 65,535.

/** The ids of new events already used by stored events (of any device). */
async function storedIds(trx: Kysely<ServerDb>, fresh: readonly WireEvent[]) {
  const ids = fresh.map((e) => e.id);
  if (ids.length === 0) return new Set<string>();
  const rows = await trx.selectFrom('events').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The stored cases the new events touch. Locked on PostgreSQL (another writer of cases must
 * wait for this batch), in id order so two transactions never lock them crosswise.
 */
async function lockedCases(
  trx: Kysely<ServerDb>,
  ctx: ServerContext,
  fresh: readonly WireEvent[],
): Promise<Map<string, CaseEntry>> {
  const ids = [...new Set(fresh.map((e) => e.caseId))];
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('cases')
    .select(['id', 'department_code', 'window_id', 'state'])
    .where('id', 'in', ids)
    .orderBy('id')
    .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        departmentCode: r.department_code,
        windowId: r.window_id,
        state: parseCaseState(r.state),
        movedBy: null,
      },
    ]),
  );
}

// SQLite binds at most 32,766 parameters a statement, PostgreSQL 65,535.
const maxParameters = 32_766;

/** Inserts the batch's new events in order, so server_seq follows device_seq. */
async function insertEvents(
  trx: Kysely<ServerDb>,
  dialect: Dialect,
  rows: readonly NewEvent[],
): Promise<ResultColumns[]> {
  if (rows.length === 0) return [];
  if (dialect === 'postgres') return unnestEvents(trx, rows);
  const perStatement = Math.floor(maxParameters / Object.keys(rows[0]!).length);
  const inserted: ResultColumns[] = [];
  for (let from = 0; from < rows.length; from += perStatement) {
    // RETURNING's row order is unspecified (SQLite says so): callers match the rows by id
    inserted.push(
      ...(await trx
        .insertInto('events')
        .values(rows.slice(from, from + perStatement))
        .returning(resultColumns)
        .execute()),
    );
  }
  return inserted;
}

/**
 * PostgreSQL: one array a column, spread into rows by unnest, in order. A VALUES list binds 20
 * parameters an event that the server parses one by one: this takes about half its time.
 */
async function unnestEvents(
  trx: Kysely<ServerDb>,
  rows: readonly NewEvent[],
): Promise<ResultColumns[]> {
  const columns = Object.keys(rows[0]!) as (keyof NewEvent)[];
  const arrays = columns.map(
    (c) => sql`${rows.map((r) => r[c])}::${sql.raw(c === 'device_seq' ? 'bigint' : 'text')}[]`,
  );
  const { rows: inserted } = await sql<ResultColumns>`
    INSERT INTO events (${sql.join(columns.map((c) => sql.ref(c)))})
    SELECT * FROM unnest(${sql.join(arrays)})
    RETURNING ${sql.join(resultColumns.map((c) => sql.ref(c)))}`.execute(trx);
  return inserted;
}

/** Projects each case the batch moved, once, from its final state. */
async function writeCases(
  trx: Kysely<ServerDb>,
  ctx: ServerContext,
  cases: ReadonlyMap<string, CaseEntry>,
  inserted: ReadonlyMap<string, ResultColumns>,
): Promise<void> {
  const moved = [...cases.values()].filter(isMoved);
  if (moved.length === 0) return;
  // read only when a case moved: a batch of replays and conflicts needs no calendar
  const clocks = await clockContext(trx, ctx.now());
  const rows = moved.map((c) =>
    caseRowOf(c.state, c.windowId, inserted.get(c.movedBy)!.server_seq, clocks),
  );
  const perStatement = Math.floor(maxParameters / Object.keys(rows[0]!).length);
  for (let from = 0; from < rows.length; from += perStatement) {
    await upsertCases(trx, rows.slice(from, from + perStatement));
  }
}
