import type { Kysely } from 'kysely';
import { evaluate, type CaseEvent, type CaseState, type Evaluation } from '../../shared/case';
import type { Rejection } from '../../shared/case';
import type { WireEvent } from '../../shared/sync';
import type { ServerDb } from '../db/schema';
import type { ServerContext } from '../http/spec';
import { authorityRefusal, readAuthority, type AuthorityRecords } from './authority';

// A terminal's signature proves which PC wrote an event, not that the PC was entitled to write
// it: a copy of a PC's data folder signs anything. So every new event is judged twice in the
// push transaction — by the shared reducer on the center's state of the case, and by the center's
// own records (who the actor is, what the catalog and the window's powers were, what time it
// is). A broken rule stores the event as conflicted under that rule; nothing is dropped.

/** What the center holds that a batch's events are judged against, read once per batch. */
export type CenterRecords = {
  /** the server's clock for this batch (+08:00) */
  receivedAt: string;
  // — issue 13 points 1 and 3 (authority): the staff, items and powers as they stood —
  /** who the actors were, the cases' windows, the published items and the windows' powers */
  authority: AuthorityRecords;
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
  return {
    receivedAt,
    // — issue 13 points 1 and 3 (authority) —
    authority: await readAuthority(trx, fresh),
  };
}

/** One rule the center applies beyond the reducer: null when the event passes it. */
type CenterRule = (
  event: CaseEvent,
  state: CaseState,
  wire: WireEvent,
  records: CenterRecords,
) => Rejection | null;

/** In order: the first broken rule names the conflict. */
const centerRules: readonly CenterRule[] = [
  // — issue 13 points 1 and 3 (authority): the actor is on the center's staff as named, on duty,
  // acting within the case's window or department; a receipt's item and powers were published —
  (event, state, _wire, records) => authorityRefusal(event, state, records.authority),
];

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
