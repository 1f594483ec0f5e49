import type { Kysely } from 'kysely';
import {
  brokenTimedRule,
  evaluate,
  type CaseEvent,
  type CaseState,
  type Evaluation,
} from '../../shared/case';
import type { Calendar } from '../../shared/calendar';
import type { Rejection } from '../../shared/case';
import type { WireEvent } from '../../shared/sync';
import { centerCalendar, repinned } from '../cases/clocks';
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
  // issue 13 point 5 (timed rules): the calendar the center measures every case on
  calendar: Calendar;
};

/** The device the batch comes from, as stored. */
export type PushingDevice = { id: string; departmentCode: string };

export async function readRecords(
  trx: Kysely<ServerDb>,
  _ctx: ServerContext,
  _device: PushingDevice,
  _fresh: readonly WireEvent[],
  receivedAt: string,
): Promise<CenterRecords> {
  return {
    receivedAt,
    // issue 13 point 5 (timed rules)
    calendar: await centerCalendar(trx),
  };
}

/** One rule the center applies beyond the reducer: null when the event passes it. */
type CenterRule = (
  event: CaseEvent,
  state: CaseState,
  wire: WireEvent,
  records: CenterRecords,
) => Rejection | null;

// issue 13 point 5 (timed rules): deemed acceptance, extension after expiry, the refusal's
// grounds — the terminal's own function, on the case's clocks at the event's time. The center
// keeps one calendar, so the state is measured repinned to it (server/cases/clocks.ts).
const timedRules: CenterRule = (event, state, _wire, records) =>
  state.status === 'none'
    ? null
    : brokenTimedRule(repinned(state, records.calendar), event, records.calendar);

/** In order: the first broken rule names the conflict. */
const centerRules: readonly CenterRule[] = [timedRules];

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
