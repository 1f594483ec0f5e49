import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { shanghaiDate, shanghaiIso } from '../../shared/calendar';
import type { ServerDb, SmsMessageTable } from '../db/schema';
import type { Dialect } from '../http/spec';
import { aliyunSms } from './aliyun';
import type { SendOutcome, SmsProvider } from './provider';
import { nextSendingTime } from './sending-window';
import { readSmsConfig } from './settings';

// The worker that empties the outbox. Several center processes run it on one PostgreSQL: each
// claims due rows in one atomic UPDATE (SKIP LOCKED there; SQLite runs one writer at a time), and
// only the claim's holder may settle a row. A claim whose lease ran out (a process that died
// mid-send) is taken over as `uncertain`: the provider is asked whether it already holds the
// message (by its OutId) before anything is sent again — so a timeout never becomes a second SMS.
// Before each send the holder renews its claim, and sends only if it still holds it: a round
// slowed by a provider's brownout past its lease finds the message taken over and leaves it.
// Nothing is sent outside the sending window, whenever the message was queued: one queued while
// sending was off, or claimed at 19:59 by a process that then died, waits for the next opening.

type MessageRow = Selectable<SmsMessageTable>;

export type SenderOptions = {
  /** messages claimed per round */
  batch?: number;
  /** how long a claim holds before another process may take the message over */
  leaseMs?: number;
  /** how long one call to the provider may take */
  timeoutMs?: number;
  /** 0 ≤ x < 1, for the backoff's jitter; tests fix it */
  random?: () => number;
};

const baseBackoffMs = 60_000;
const maxBackoffMs = 60 * 60_000;

/** 1 min, 2, 4 … up to an hour, each ±50 %: a provider's outage is not met by every message at once. */
export function backoffMs(attempt: number, random: () => number): number {
  const plain = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(plain * (0.5 + random()));
}

/** Takes up to `limit` due messages for this worker, or none. */
export async function claimDue(
  db: Kysely<ServerDb>,
  dialect: Dialect,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<MessageRow[]> {
  const at = shanghaiIso(now);
  const claim = randomUUID();
  const due = sql`SELECT id FROM sms_messages
    WHERE (status = 'queued' AND due_at <= ${at}) OR (status = 'sending' AND lease_until <= ${at})
    ORDER BY due_at LIMIT ${limit}${sql.raw(dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '')}`;
  const { rows } = await sql<MessageRow>`UPDATE sms_messages SET
      uncertain = CASE WHEN status = 'sending' THEN 1 ELSE uncertain END,
      status = 'sending', claim = ${claim}, lease_until = ${shanghaiIso(new Date(now.getTime() + leaseMs))},
      attempts = attempts + 1
    WHERE id IN (${due})
    RETURNING *`.execute(db);
  return rows;
}

/** One round: claims what is due and sends it. Answers how many were claimed. */
export async function sendDue(
  db: Kysely<ServerDb>,
  dialect: Dialect,
  now: () => Date,
  options: SenderOptions = {},
): Promise<number> {
  // read every round: a change of key or template applies from the next round, no restart
  const config = await readSmsConfig(db);
  if (!config.enabled || !inWindow(now(), config.window)) return 0;
  const provider = aliyunSms(
    {
      endpoint: config.endpoint,
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    },
    now,
  );
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const claimed = await claimDue(db, dialect, now(), options.batch ?? 20, leaseMs);
  for (const row of claimed) {
    const hold = await holdClaim(db, row, now(), leaseMs, config.window);
    if (hold !== 'send') continue;
    const outcome = await deliver(db, provider, row, now(), {
      signName: config.signName,
      templateCode: config.templates[row.kind as keyof typeof config.templates].templateCode,
    });
    await settle(db, row, outcome, now(), {
      maxAttempts: config.maxAttempts,
      window: config.window,
      random: options.random ?? Math.random,
    });
  }
  return claimed.length;
}

const inWindow = (at: Date, window: { from: string; to: string }) =>
  nextSendingTime(at, window).getTime() === at.getTime();

/**
 * Renews this worker's claim on `row` just before its send. 'gone': another worker took it over
 * after the lease ran out. 'closed': the window closed during the round; the message is put
 * back, its attempt not counted, due at the next opening.
 */
async function holdClaim(
  db: Kysely<ServerDb>,
  row: MessageRow,
  now: Date,
  leaseMs: number,
  window: { from: string; to: string },
): Promise<'send' | 'gone' | 'closed'> {
  const mine = db
    .updateTable('sms_messages')
    .where('id', '=', row.id)
    .where('claim', '=', row.claim)
    .where('status', '=', 'sending');
  if (!inWindow(now, window)) {
    await mine
      .set((eb) => ({
        status: 'queued',
        due_at: shanghaiIso(nextSendingTime(now, window)),
        claim: null,
        lease_until: null,
        attempts: eb('attempts', '-', 1),
      }))
      .execute();
    return 'closed';
  }
  const held = await mine
    .set({ lease_until: shanghaiIso(new Date(now.getTime() + leaseMs)) })
    .executeTakeFirst();
  return Number(held.numUpdatedRows) === 1 ? 'send' : 'gone';
}

type Delivery = SendOutcome | { kind: 'found'; providerId: string };

async function deliver(
  db: Kysely<ServerDb>,
  provider: SmsProvider,
  row: MessageRow,
  now: Date,
  template: { signName: string; templateCode: string },
): Promise<Delivery> {
  if (row.uncertain) {
    // an earlier send got no answer: the provider may hold it, and a second SMS must not follow
    try {
      const providerId = await findEarlier(db, provider, row, now);
      if (providerId !== null) return { kind: 'found', providerId };
    } catch (error) {
      return {
        kind: 'uncertain',
        error: `无法向服务商核实上次发送：${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return provider.send({
    phone: row.phone,
    signName: template.signName,
    templateCode: template.templateCode,
    params: JSON.parse(row.params) as Record<string, string>,
    outId: row.id,
  });
}

/** Asks the provider for the message on every Beijing day an unanswered send of it was made. */
async function findEarlier(
  db: Kysely<ServerDb>,
  provider: SmsProvider,
  row: MessageRow,
  now: Date,
): Promise<string | null> {
  const attempts = await db
    .selectFrom('sms_attempts')
    .select('at')
    .where('message_id', '=', row.id)
    .where('outcome', '=', 'uncertain')
    .execute();
  const days = new Set([...attempts.map((a) => shanghaiDate(a.at)), shanghaiDate(now)]);
  for (const day of days) {
    const found = await provider.findSent({
      phone: row.phone,
      outId: row.id,
      sendDate: day.replaceAll('-', ''),
    });
    if (found !== null) return found;
  }
  return null;
}

async function settle(
  db: Kysely<ServerDb>,
  row: MessageRow,
  outcome: Delivery,
  now: Date,
  rules: { maxAttempts: number; window: { from: string; to: string }; random: () => number },
): Promise<void> {
  const at = shanghaiIso(now);
  await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('sms_attempts')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('message_id', '=', row.id)
      .executeTakeFirst();
    await trx
      .insertInto('sms_attempts')
      .values({
        message_id: row.id,
        seq: Number(last?.seq ?? 0) + 1,
        at,
        outcome: outcome.kind === 'refused' ? 'failed' : outcome.kind,
        error: 'error' in outcome ? outcome.error : null,
      })
      .execute();
    const mine = trx
      .updateTable('sms_messages')
      .where('id', '=', row.id)
      .where('claim', '=', row.claim);
    if (outcome.kind === 'sent' || outcome.kind === 'found') {
      await mine
        .set({
          status: 'sent',
          sent_at: at,
          provider_id: outcome.providerId,
          claim: null,
          lease_until: null,
          uncertain: 0,
          last_error: null,
        })
        .execute();
      return;
    }
    const again =
      row.attempts < rules.maxAttempts && (outcome.kind === 'uncertain' || outcome.retry);
    const due = new Date(now.getTime() + backoffMs(row.attempts, rules.random));
    await mine
      .set({
        status: again ? 'queued' : 'failed',
        due_at: shanghaiIso(again ? nextSendingTime(due, rules.window) : now),
        claim: null,
        lease_until: null,
        uncertain: outcome.kind === 'uncertain' ? 1 : row.uncertain,
        last_error: outcome.error,
      })
      .execute();
  });
}

/** The worker in the center process: a round every `everyMs`, one at a time. */
export function startSmsSender(
  db: Kysely<ServerDb>,
  dialect: Dialect,
  now: () => Date,
  everyMs: number,
  onError: (error: unknown) => void,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendDue(db, dialect, now)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
