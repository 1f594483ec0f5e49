import type { Kysely } from 'kysely';
import { evaluate, initialCaseState, type CaseEvent } from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import { documentOfEvent, verificationCode } from '../../shared/documents';
import type { PushResponse, PushResult, WireEvent } from '../../shared/sync';
import { clockContext, type ClockContext } from '../cases/clocks';
import { caseRowOf, parseCaseState, upsertCase } from '../cases/projection';
import type { ServerDb } from '../db/schema';
import { HttpError } from '../http/errors';
import type { AuthDevice, ServerContext } from '../http/spec';
import { newEventRow, pushResultOf, resultColumns, type ResultColumns } from './event-rows';
import { advisoryLock, lockKeys } from './lock';
import { eventAtFault, verifyNextEvent, type ChainHead } from './verify-event';

type Batch = {
  trx: Kysely<ServerDb>;
  ctx: ServerContext;
  departmentCode: string;
  /** read once, and only when the batch carries an event that moves a case */
  clocks: () => Promise<ClockContext>;
};

/**
 * Stores a batch of one device's events, in device_seq order, in ONE transaction: any 4xx rolls
 * the whole batch back and names the event at fault, so the terminal can push the prefix before
 * it. The answer leaves only after the commit — an acknowledged event is a stored event.
 */
export async function pushEvents(
  ctx: ServerContext,
  device: AuthDevice,
  events: readonly WireEvent[],
): Promise<PushResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    await advisoryLock(trx, ctx.dialect, lockKeys.eventLog);
    const row = await trx
      .selectFrom('devices')
      .select(['id', 'department_code', 'public_key', 'revoked_at', 'last_seq', 'last_hash'])
      .where('id', '=', device.id)
      .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) throw new HttpError(401, 'unauthenticated', '设备未注册 / unknown device');
    // Auth ran before the lock: a revocation that committed since then still wins.
    if (row.revoked_at) throw new HttpError(403, 'device_revoked', '设备已停用 / device revoked');

    const stored: ChainHead = {
      lastSeq: row.last_seq,
      lastHash: row.last_hash,
      publicKey: row.public_key,
    };
    const windows = await departmentWindows(trx, row.department_code);
    // what each seq at or below the head was answered: stored before, or earlier in this batch
    const answered = await storedResults(trx, row.id, events, stored.lastSeq);
    let clocks: Promise<ClockContext> | null = null;
    const batch: Batch = {
      trx,
      ctx,
      departmentCode: row.department_code,
      clocks: () => (clocks ??= clockContext(trx, ctx.now())),
    };

    let head = stored;
    const results: PushResult[] = [];
    for (const [index, e] of events.entries()) {
      const at = eventAtFault(e);
      if (e.deviceId !== row.id) {
        throw new HttpError(
          403,
          'forbidden',
          '只能提交本设备的事件 / events of another device',
          at,
        );
      }
      if (e.deviceSeq <= head.lastSeq) {
        results.push(replayed(e, answered.get(e.deviceSeq)));
        continue;
      }
      if (e.deviceSeq > head.lastSeq + 1) {
        // The committed seq, not the batch's: nothing of this batch will be kept.
        throw new HttpError(
          409,
          'sequence_gap',
          `事件序号不连续：中心已存至第 ${stored.lastSeq} 号 / sequence gap`,
          { ...at, lastSeq: stored.lastSeq },
        );
      }
      // Checked for new events only: a replay is answered from what was stored when it passed.
      if (!windows.has(e.windowId)) {
        throw new HttpError(
          403,
          'forbidden',
          '不能提交其他部门窗口的事件 / window of another department',
          at,
        );
      }
      const inserted = await admit(batch, e, verifyNextEvent(e, head, `body.events.${index}`));
      answered.set(e.deviceSeq, { ...inserted, hash: e.hash });
      results.push(pushResultOf(inserted));
      head = { ...head, lastSeq: e.deviceSeq, lastHash: e.hash };
    }

    if (head.lastSeq !== stored.lastSeq) {
      await trx
        .updateTable('devices')
        .set({ last_seq: head.lastSeq, last_hash: head.lastHash })
        .where('id', '=', row.id)
        .execute();
    }
    return { results, lastSeq: head.lastSeq };
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

/** The stored answers of the events the batch sends again, in one query. */
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

function replayed(e: WireEvent, stored: Answered | undefined): PushResult {
  // devices.last_seq only moves with an insert in the same transaction, and events are never
  // deleted: a hole under last_seq means the database was edited behind the server's back.
  if (!stored) throw new Error(`event ${e.deviceId}#${e.deviceSeq} is below last_seq but missing`);
  if (stored.hash !== e.hash) {
    throw new HttpError(
      409,
      'chain_forked',
      '中心已存有该序号的另一事件，本机日志与中心分叉 / another event is stored under this sequence number',
      eventAtFault(e),
    );
  }
  return pushResultOf(stored);
}

/**
 * Stores a verified event: accepted when the shared reducer admits it on the center's state of
 * the case, else conflicted with the rule — never dropped, and the case state is left as it was.
 */
async function admit(b: Batch, e: WireEvent, event: CaseEvent): Promise<ResultColumns> {
  const { trx, ctx } = b;
  const at = eventAtFault(e);
  const taken = await trx
    .selectFrom('events')
    .select('id')
    .where('id', '=', e.id)
    .executeTakeFirst();
  if (taken) {
    throw new HttpError(409, 'conflict', '事件编号已被另一事件使用 / event id already stored', at);
  }
  const current = await trx
    .selectFrom('cases')
    .select(['department_code', 'window_id', 'state'])
    .where('id', '=', e.caseId)
    .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  const department =
    current?.department_code ??
    (event.type === 'received' ? event.payload.item.departmentCode : b.departmentCode);
  if (department !== b.departmentCode) {
    throw new HttpError(
      403,
      'forbidden',
      '不能办理其他部门的办件 / case of another department',
      at,
    );
  }

  const verdict = evaluate(current ? parseCaseState(current.state) : initialCaseState, event);
  const conflict = verdict.ok ? null : { rule: verdict.rule, message: verdict.message };
  const inserted = await trx
    .insertInto('events')
    .values(
      newEventRow(e, {
        departmentCode: b.departmentCode,
        status: verdict.ok ? 'accepted' : 'conflicted',
        conflict,
        // the server's clock: a terminal's may be a day ahead or hours behind, and is never judged
        receivedAt: shanghaiIso(ctx.now()),
        verificationCode: documentOfEvent[e.type] ? verificationCode(e.hash) : null,
      }),
    )
    .returning(resultColumns)
    .executeTakeFirstOrThrow();
  if (verdict.ok && verdict.state.status !== 'none') {
    const windowId = current?.window_id ?? e.windowId;
    await upsertCase(
      trx,
      caseRowOf(verdict.state, windowId, inserted.server_seq, await b.clocks()),
    );
  }
  return inserted;
}
