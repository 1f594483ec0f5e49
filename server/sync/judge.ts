import type { Kysely } from 'kysely';
import {
  decisionNumber,
  evaluate,
  reject,
  type CaseEvent,
  type CaseState,
  type Evaluation,
} from '../../shared/case';
import type { Rejection } from '../../shared/case';
import { sealFault, sealKeyIdOf, type RegisteredSealKey } from '../../node-shared/seal/verdict';
import { sealKeysById } from '../seal/keys';
import type { WireEvent } from '../../shared/sync';
import type { ServerDb } from '../db/schema';
import type { ServerContext } from '../http/spec';

// A terminal's signature proves which PC wrote an event, not that the PC was entitled to write
// it: a copy of a PC's data folder signs anything. So every new event is judged twice in the
// push transaction — by the shared reducer on the center's state of the case, and by the center's
// own records (who the actor is, what the catalog and the window's powers were, what time it
// is). A broken rule stores the event as conflicted under that rule; nothing is dropped.

/** What the center holds that a batch's events are judged against, read once per batch. */
export type CenterRecords = {
  /** the server's clock for this batch (+08:00) */
  receivedAt: string;
  // ---- issue 13, the seal is the chief's own key ----
  /** the registered seal keys the batch's stamps name (revoked ones too) */
  sealKeys: ReadonlyMap<string, RegisteredSealKey>;
};

/** The device the batch comes from, as stored. */
export type PushingDevice = { id: string; departmentCode: string };

export async function readRecords(
  trx: Kysely<ServerDb>,
  _ctx: ServerContext,
  _device: PushingDevice,
  fresh: readonly WireEvent[],
  receivedAt: string,
): Promise<CenterRecords> {
  // ---- issue 13, the seal is the chief's own key ----
  const sealKeyIds = fresh.filter((e) => e.type === 'stamped').map(sealKeyIdOf);
  const sealKeys = await sealKeysById(
    trx,
    sealKeyIds.filter((id) => id !== null),
  );
  return { receivedAt, sealKeys };
}

/** One rule the center applies beyond the reducer: null when the event passes it. */
type CenterRule = (
  event: CaseEvent,
  state: CaseState,
  wire: WireEvent,
  records: CenterRecords,
) => Rejection | null;

// ---- issue 13, the seal is the chief's own key ----
// A device key signs whatever a copy of the PC's files is told to: a decision is the chief's only
// under the chief's own seal key, registered here with the chief's password, not revoked then,
// its signature over the decision's id, hash, number and the stamp's time.
// Only where the reducer would take a stamp at all: a stamp out of turn keeps the reducer's rule.
const sealRule: CenterRule = (event, state, _wire, records) => {
  if (event.type !== 'stamped' || state.status !== 'decided') return null;
  const keyId = sealKeyIdOf(event);
  const fault = sealFault(event, keyId === null ? undefined : records.sealKeys.get(keyId));
  return fault ? reject(fault) : null;
};

// The number printed on the decision is the case's, not the terminal's to choose: a made-up
// number on a sealed decision is a forgery whatever signed it.
const decisionNumberRule: CenterRule = (event, state) => {
  if (event.type !== 'stamped' || state.status !== 'decided') return null;
  const expected = decisionNumber(state);
  return event.payload.decisionNumber === expected
    ? null
    : reject('seal.decisionNumber', `应为 ${expected}`);
};

/** In order: the first broken rule names the conflict. */
const centerRules: readonly CenterRule[] = [sealRule, decisionNumberRule];

/** The verdict on one new event: the reducer's, unless a center rule breaks first. */
export function judgeEvent(
  state: CaseState,
  event: CaseEvent,
  wire: WireEvent,
  records: CenterRecords,
): Evaluation {
  for (const rule of centerRules) {
    const broken = rule(event, state, wire, records);
    if (broken) return broken;
  }
  return evaluate(state, event);
}
