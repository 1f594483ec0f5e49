import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import { startRounds } from '../system/rounds';
import type { ServerDb } from '../db/schema';
import { toExportRow } from './export';
import { readRatingSettings } from './settings';
import { ratingRow } from './views';

// Issue 17 part 2: each rating goes up to the provincial 好差评 system once — a JSON POST of its
// national data items, signed with HMAC-SHA256 under the key the manager set. A rating is claimed
// before it is sent (next_push_at moved ahead under a conditional UPDATE), so that two center
// processes never send one rating at once; pushed_at is recorded on success, a failure is kept
// with its reason and tried again later and later. Proven only against a loopback stand-in
// (tests/support/provincial-standin.ts): no province's endpoint was reachable here.

export const signatureHeader = 'x-onewindow-signature';
export const ratingIdHeader = 'x-onewindow-rating-id';

/** how long a claimed rating is left to its sender before another may try it */
const claimMs = 5 * 60_000;
const batch = 20;
const sendTimeoutMs = 10_000;

/** 1, 2, 4 … minutes after each failure, at most six hours */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) * 60_000, 6 * 3_600_000);
}

export function signRating(key: string, body: string): string {
  return `sha256=${createHmac('sha256', key).update(body, 'utf8').digest('hex')}`;
}

type Send = (url: string, init: RequestInit) => Promise<Response>;

/** One round: the ratings due, each sent once. Answers how many were sent and how many failed. */
export async function pushRatings(
  db: Kysely<ServerDb>,
  now: Date,
  send: Send = fetch,
): Promise<{ sent: number; failed: number }> {
  const { pushUrl, pushKey } = await readRatingSettings(db);
  if (!pushUrl || !pushKey) return { sent: 0, failed: 0 };
  const at = shanghaiIso(now);
  const due = await db
    .selectFrom('ratings')
    .select('id')
    .where('pushed_at', 'is', null)
    .where((eb) => eb.or([eb('next_push_at', 'is', null), eb('next_push_at', '<=', at)]))
    .orderBy('rated_at')
    .limit(batch)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const { id } of due) {
    const claim = shanghaiIso(new Date(now.getTime() + claimMs));
    const claimed = await db
      .updateTable('ratings')
      .set({ next_push_at: claim })
      .where('id', '=', id)
      .where('pushed_at', 'is', null)
      .where((eb) => eb.or([eb('next_push_at', 'is', null), eb('next_push_at', '<=', at)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const body = JSON.stringify(toExportRow(await ratingRow(db, id)));
    let error: string | null;
    try {
      const res = await send(pushUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [signatureHeader]: signRating(pushKey, body),
          // the province may see a rating twice only if this process died between its answer
          // and recording pushed_at: the id lets it keep one
          [ratingIdHeader]: id,
        },
        body,
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
      error = res.ok ? null : `省级平台答复 HTTP ${res.status}`;
    } catch (failure) {
      error = `无法连接省级平台：${failure instanceof Error ? failure.message : String(failure)}`;
    }
    if (error === null) {
      // only while the claim is still ours: an appeal decided during the send cleared it, and
      // the rating goes again with the decision in the next round
      await db
        .updateTable('ratings')
        .set({ pushed_at: at, push_error: null, next_push_at: null })
        .where('id', '=', id)
        .where('next_push_at', '=', claim)
        .execute();
      sent += 1;
      continue;
    }
    const row = await db
      .selectFrom('ratings')
      .select('push_attempts')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const attempts = Number(row.push_attempts) + 1;
    await db
      .updateTable('ratings')
      .set({
        push_attempts: attempts,
        push_error: error,
        next_push_at: shanghaiIso(new Date(now.getTime() + retryDelayMs(attempts))),
      })
      .where('id', '=', id)
      .execute();
    failed += 1;
  }
  return { sent, failed };
}

export async function pushStatus(db: Kysely<ServerDb>) {
  const { pushUrl, pushKey } = await readRatingSettings(db);
  const counts = await db
    .selectFrom('ratings')
    .select((eb) => [
      eb.fn.count<number>('pushed_at').as('pushed'),
      eb.fn.countAll<number>().as('all'),
    ])
    .executeTakeFirstOrThrow();
  const failing = await db
    .selectFrom('ratings')
    .select(['id', 'push_attempts', 'push_error', 'next_push_at'])
    .where('pushed_at', 'is', null)
    .where('push_error', 'is not', null)
    .orderBy('rated_at')
    .limit(100)
    .execute();
  return {
    configured: pushUrl !== null && pushKey !== null,
    pushed: Number(counts.pushed),
    waiting: Number(counts.all) - Number(counts.pushed),
    failing: failing.map((f) => ({
      ratingId: f.id,
      attempts: Number(f.push_attempts),
      error: f.push_error ?? '',
      nextAttemptAt: f.next_push_at,
    })),
  };
}

/** The push on a timer in the center process, like the supervision rounds. */
export function startRatingPush(
  db: Kysely<ServerDb>,
  now: () => Date,
  intervalMs: number,
  log: (error: unknown) => void,
): () => void {
  return startRounds(() => pushRatings(db, now()), intervalMs, log);
}
