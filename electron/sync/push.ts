import { hashedFields, pushLimits, type WireEvent } from '../../shared/sync';
import { refoldCases } from '../projections/cases';
import type { Terminal } from '../services/context';
import { inTransaction } from '../store/db';
import type { StoredEvent } from '../store/events';
import { getSetting } from '../store/reference';
import {
  markRejected,
  pushableEvents,
  recordPushResults,
  resendAfter,
  syncKeys,
} from '../store/sync-state';
import { splitBatches } from './batches';
import { sealKeyIdOf } from '../../node-shared/seal/verdict';
import { queuedSealKeys } from '../store/seal-keys';
import { CenterFailure, type SyncClient } from './client';

/** An event as it travels: the signed fields only (the center's schema is strict). */
export function toWire(e: StoredEvent): WireEvent {
  return { ...hashedFields(e), hash: e.hash, signature: e.signature };
}

/** The center holds less of our chain than we believe: send the rest again. */
function resendFrom(t: Terminal, lastSeq: number): void {
  inTransaction(t.db, () => refoldCases(t, resendAfter(t.db, t.device.id, lastSeq)));
}

/**
 * Compares what the center holds of this device with what we believe it holds, at the start of
 * every round: a center restored from a backup has forgotten our latest events, and they must
 * be sent again, not left acknowledged here and missing there. Returns false when the center
 * revoked this device.
 */
export async function checkDevice(t: Terminal, client: SyncClient): Promise<boolean> {
  const status = await client.device();
  if (status.revoked) return false;
  const believed = getSetting<number>(t.db, syncKeys.lastAckSeq) ?? 0;
  if (status.lastSeq < believed) resendFrom(t, status.lastSeq);
  return true;
}

const readBatches = 8;

export type PushOutcome = {
  rejected: string | null;
  /** the outbox waits at a stamp whose seal key the center has not registered yet */
  held: string | null;
};

/**
 * The events that may go now: those before the first stamp sealed with a key this terminal has
 * not registered yet. The center would conflict that stamp for an unknown key, and the chain is
 * gapless, so everything after it waits too — until the chief gives the password.
 */
function beforeUnregisteredSeal(
  t: Terminal,
  pending: WireEvent[],
): { ready: WireEvent[]; held: string | null } {
  const queued = new Map(queuedSealKeys(t.db).map((k) => [k.key_id, k]));
  if (queued.size === 0) return { ready: pending, held: null };
  const at = pending.findIndex((e) => {
    const keyId = e.type === 'stamped' ? sealKeyIdOf(e) : null;
    return keyId !== null && queued.has(keyId);
  });
  if (at < 0) return { ready: pending, held: null };
  const chief = pending[at]!.actor.name;
  return {
    ready: pending.slice(0, at),
    held: `印章待登记：首席代表${chief}的印章尚未在中心登记，盖章及其后的 ${pending.length - at} 条记录暂不上传（首席代表登录或输入登录密码登记后继续）`,
  };
}

/**
 * Sends our unanswered events in chain order until none is left. Each answer is recorded (and
 * the touched cases folded again) in one transaction, only after it arrived: a lost answer
 * leaves the events pending, and sending them again is harmless (the center answers an event it
 * holds with its first answer). Throws CenterFailure for the round to classify.
 */
export async function pushPending(t: Terminal, client: SyncClient): Promise<PushOutcome> {
  let rejected: string | null = null;
  let resent = false;
  for (;;) {
    // One read serves several pushes: each read walks this device's whole chain looking for a
    // refused event, which an offline day's backlog would otherwise pay once per 500 events.
    const read = pushableEvents(t.db, t.device.id, pushLimits.events * readBatches).map(toWire);
    const { ready: pending, held } = beforeUnregisteredSeal(t, read);
    if (pending.length === 0) return { rejected, held };
    for (const batch of splitBatches(pending)) {
      const refusal = await pushBatch(t, client, batch);
      if (refusal === 'sent') continue;
      if (refusal.kind === 'resend') {
        // Once per round: a center that keeps moving its sequence backwards is not recovering
        // from a backup, and sending again would loop.
        if (resent) throw refusal.failure;
        resent = true;
        resendFrom(t, refusal.lastSeq);
      } else rejected = refusal.message;
      break; // read the queue again: it changed
    }
  }
}

type Refusal =
  | { kind: 'resend'; lastSeq: number; failure: CenterFailure }
  | { kind: 'rejected'; message: string };

async function pushBatch(
  t: Terminal,
  client: SyncClient,
  batch: WireEvent[],
): Promise<'sent' | Refusal> {
  try {
    const answer = await client.push(batch);
    inTransaction(t.db, () => refoldCases(t, recordPushResults(t.db, answer.results)));
    return 'sent';
  } catch (error) {
    if (!(error instanceof CenterFailure) || error.kind !== 'http' || !error.status) throw error;
    const body = error.body;
    const first = batch[0]!.deviceSeq;
    if (body?.code === 'sequence_gap' && body.lastSeq !== undefined && body.lastSeq < first - 1)
      return { kind: 'resend', lastSeq: body.lastSeq, failure: error };
    // The whole batch was refused because of one event: the ones before it go next, it waits
    // marked rejected, and so does everything after it (the chain cannot pass a gap).
    if (error.status >= 400 && error.status < 500 && error.status !== 426 && body?.event) {
      const note = { rule: body.code, message: body.message };
      const eventId = body.event.id;
      inTransaction(t.db, () => {
        const caseId = markRejected(t.db, eventId, note);
        // an event we do not hold: marking nothing would send the same batch forever
        if (caseId === undefined) throw error;
        refoldCases(t, [caseId]);
      });
      return {
        kind: 'rejected',
        message: `事件（序号 ${body.event.deviceSeq}）被中心拒收，其后的事件无法上传：${body.message}`,
      };
    }
    throw error;
  }
}
