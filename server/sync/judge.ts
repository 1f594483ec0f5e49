import type { Kysely } from 'kysely';
import {
  brokenNoticeRule,
  brokenTimedRule,
  deadlineChanges,
  decisionNumber,
  evaluate,
  occurredAtMs,
  reject,
  type CaseEvent,
  type CaseState,
  type Evaluation,
  type Rejection,
} from '../../shared/case';
import { shanghaiMinuteText, type Calendar } from '../../shared/calendar';
import { clockTolerance, describeOffset, type WireEvent } from '../../shared/sync';
import { centerCalendar, madeCalendars, repinned } from '../cases/clocks';
import { sealFault, sealKeyIdOf, type RegisteredSealKey } from '../../node-shared/seal/verdict';
import { sealKeysById } from '../seal/keys';
import type { ServerDb } from '../db/schema';
import type { ServerContext } from '../http/spec';
import { latestDeviceClock } from './clock';
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
  /** the pushing device: its window, and where its events' time stands */
  device: PushingDevice;
  // issue 13 point 5 (timed rules): the calendar the center measures every case on
  calendar: Calendar;
  // -- issue 13 point 4, time you can trust ---------------------------------------------------
  /**
   * The clock the pushing terminal dates its events by (its own, less any acknowledged
   * correction) minus the center's, ms: from this push's own x-terminal-time, else the device's
   * latest recorded measurement; null when neither exists (a terminal of the previous release).
   */
  eventClockOffsetMs: number | null;
  // — issue 13 points 1 and 3 (authority): the staff, items and powers as they stood —
  /** who the actors were, the cases' windows, the published items and the windows' powers */
  authority: AuthorityRecords;
  // ---- issue 13, the seal is the chief's own key ----
  /** the registered seal keys the batch's stamps name (revoked ones too) */
  sealKeys: ReadonlyMap<string, RegisteredSealKey>;
  // ---- issue 14 point 12, part C (calendar versions; 期限变更告知书) ----
  /** every calendar version the center made, by version; undefined: one it never made */
  madeCalendar: (version: string) => Calendar | undefined;
};

/** The device the batch comes from, as stored. */
export type PushingDevice = {
  id: string;
  windowId: string;
  departmentCode: string;
  /** the latest time among its accepted events; moved on by each event the batch accepts */
  lastEventAt: string | null;
};

export async function readRecords(
  trx: Kysely<ServerDb>,
  ctx: ServerContext,
  device: PushingDevice,
  fresh: readonly WireEvent[],
  receivedAt: string,
): Promise<CenterRecords> {
  // ---- issue 13, the seal is the chief's own key ----
  const sealKeyIds = fresh.filter((e) => e.type === 'stamped').map(sealKeyIdOf);
  return {
    receivedAt,
    device: { ...device },
    // issue 13 point 5 (timed rules)
    calendar: await centerCalendar(trx),
    ...(await readClock(trx, ctx, device, fresh, receivedAt)),
    // — issue 13 points 1 and 3 (authority) —
    authority: await readAuthority(trx, fresh),
    sealKeys: await sealKeysById(
      trx,
      sealKeyIds.filter((id) => id !== null),
    ),
    // ---- issue 14 point 12, part C ----
    madeCalendar: await madeCalendars(trx),
  };
}

// -- issue 13 point 4, time you can trust -----------------------------------------------------

async function readClock(
  trx: Kysely<ServerDb>,
  ctx: ServerContext,
  device: PushingDevice,
  fresh: readonly WireEvent[],
  receivedAt: string,
): Promise<Pick<CenterRecords, 'eventClockOffsetMs'>> {
  const own = ctx.terminalClock;
  if (own) {
    const raw = own.terminalTime - Date.parse(receivedAt);
    const corrected = raw - (own.correctionMs ?? 0);
    // A PC whose clock was set right after a manager acknowledged its offset still sends that
    // correction until it measures again; either reading within the tolerance dates its events
    // truly (they were written by the corrected clock or by the right one).
    return { eventClockOffsetMs: Math.abs(raw) < Math.abs(corrected) ? raw : corrected };
  }
  if (fresh.length === 0) return { eventClockOffsetMs: null };
  const last = await latestDeviceClock(trx, device.id);
  return { eventClockOffsetMs: last ? last.offsetMs - (last.correctionMs ?? 0) : null };
}

/** An event dated after the center's time by more than the tolerance: no PC can know a future. */
const notInTheFuture: CenterRule = (event, _state, _wire, records) => {
  const at = occurredAtMs(event.occurredAt);
  const center = Date.parse(records.receivedAt);
  if (at === null || at <= center + clockTolerance) return null;
  return reject(
    'time.future',
    `事件时间 ${shanghaiMinuteText(event.occurredAt)}，中心收到时为 ${shanghaiMinuteText(records.receivedAt)}`,
  );
};

/**
 * A push whose terminal clock is beyond the tolerance: the events it brings were written since
 * the device's last sync, by that clock, and their dates cannot be believed — a clock set back
 * makes a late decision look on time. (A terminal with a good clock syncs after days offline.)
 */
const deviceClockTrusted: CenterRule = (_event, _state, _wire, records) => {
  const offset = records.eventClockOffsetMs;
  if (offset === null || Math.abs(offset) <= clockTolerance) return null;
  return reject('time.deviceSkew', `提交时终端时钟${describeOffset(offset)}`);
};

/**
 * A PC writes forward in time: each event is dated by its clock, or by the case's last event when
 * that is later (another PC's clock may run ahead by up to the tolerance, and this one behind by
 * as much). An event dated earlier than that is backdated — a deactivated chief's decision, an
 * extension after the limit made to look in time — whoever signed it.
 */
const notBackdated: CenterRule = (event, _state, _wire, records) => {
  const at = occurredAtMs(event.occurredAt);
  const latest = records.device.lastEventAt;
  if (at === null || latest === null) return null;
  if (at >= Date.parse(latest) - 2 * clockTolerance) return null;
  return reject('time.backdated', `事件时间 ${event.occurredAt}，本终端此前已记至 ${latest}`);
};

/**
 * Every event of a PC carries the window the PC is bound to: a PC at SJ01 writing as SJ02 is a
 * copy of SJ01's files at work, whoever it names.
 */
const ownWindow: CenterRule = (event, _state, _wire, records) =>
  event.windowId === records.device.windowId ? null : reject('device.otherWindow', event.windowId);

const clockRules: readonly CenterRule[] = [notInTheFuture, deviceClockTrusted, notBackdated];
// -- end of issue 13 point 4 ------------------------------------------------------------------

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
const sealRule: CenterRule = (event, state, wire, records) => {
  if (event.type !== 'stamped' || state.status !== 'decided') return null;
  const keyId = sealKeyIdOf(event);
  const fault = sealFault(
    { ...event, deviceId: wire.deviceId },
    keyId === null ? undefined : records.sealKeys.get(keyId),
  );
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

// issue 13 point 5 (timed rules): deemed acceptance, extension after expiry, the refusal's
// grounds — the terminal's own function, on the case's clocks at the event's time, on the
// calendar the case pinned when the center made it, else repinned to the current one
// (server/cases/clocks.ts).
const timedRules: CenterRule = (event, state, _wire, records) => {
  if (state.status === 'none') return null;
  const calendar = records.madeCalendar(state.calendarVersion) ?? records.calendar;
  return brokenTimedRule(repinned(state, calendar), event, calendar);
};

// ---- issue 14 point 12, part C: a 期限变更告知书 ----
// The notice moves the case onto another calendar and prints dates the applicant will hold the
// center to: the calendar must be one the center made, and every date what the two calendars
// give for the case at the notice's time — no more, no fewer, none made up.
const calendarRevisionRule: CenterRule = (event, state, _wire, records) => {
  // an acceptance that moves the case onto the PC's newer calendar names one the center made
  if (event.type === 'accepted' && event.payload.calendarVersion !== undefined) {
    return records.madeCalendar(event.payload.calendarVersion)
      ? null
      : reject('calendarRevision.unknownVersion', event.payload.calendarVersion);
  }
  if (event.type !== 'calendarRevised' || state.status === 'none') return null;
  const target = records.madeCalendar(event.payload.calendarVersion);
  if (!target) return reject('calendarRevision.unknownVersion', event.payload.calendarVersion);
  if (target.version === state.calendarVersion) return null; // the reducer names it
  const pinned = records.madeCalendar(state.calendarVersion) ?? records.calendar;
  const expected = deadlineChanges(repinned(state, pinned), pinned, target, event.occurredAt);
  const said = (cs: readonly { clock: string; from: string; to: string }[]) =>
    cs
      .map((c) => `${c.clock} ${c.from}→${c.to}`)
      .sort()
      .join('；');
  return said(expected) === said(event.payload.changes)
    ? null
    : reject('calendarRevision.datesDiffer', `应为 ${said(expected) || '无变化'}`);
};

// ---- issue 14 part B2, what a notice must carry ----
// The validity of an approval, the appeal bodies of a denial or refusal, the intake seal, the
// suggested return date: the terminal's own function.
const noticeRules: CenterRule = (event, state, _wire, records) => {
  if (state.status === 'none') return null;
  // on the calendar the case pinned, as the terminal judged it (a return date on a day the new
  // table made a holiday was a working day on the case's calendar)
  const calendar = records.madeCalendar(state.calendarVersion) ?? records.calendar;
  return brokenNoticeRule(repinned(state, calendar), event, calendar);
};
// ---- end of issue 14 part B2 ----

// ---- issue 17 part 2: the applicant rates, not the staff (国办发〔2019〕51号) ----
/**
 * The day the release that moved 好差评 to the applicant came out. A `rated` event written by
 * staff reaches the center from then on as a conflict: no screen writes one any more, and a
 * modified or outdated terminal must not add ratings the reports would count. Those received
 * before stay in the logs and count as 旧版录入 (shared/reports foldRatings).
 */
export const staffRatingsEndedAt = '2026-12-01T00:00:00.000+08:00';

const ratingByApplicantOnly: CenterRule = (event, _state, _wire, records) =>
  event.type === 'rated' && records.receivedAt >= staffRatingsEndedAt
    ? reject('rating.applicantOnly')
    : null;

/** In order: the first broken rule names the conflict. */
// A false time first: the other rules read the records and clocks at the event's time, so
// that time must be believed; then who acted, on what; then the timed legal rules.
const centerRules: readonly CenterRule[] = [
  ...clockRules,
  ratingByApplicantOnly,
  ownWindow,
  // — issue 13 points 1 and 3 (authority): the actor is on the center's staff as named, on duty,
  // acting within the case's window or department; a receipt's item and powers were published —
  (event, state, _wire, records) => authorityRefusal(event, state, records.authority),
  // the seal and its number: a forged decision is named as such, not as late
  sealRule,
  decisionNumberRule,
  timedRules,
  // ---- issue 14 point 12, part C ----
  calendarRevisionRule,
  // issue 14 part B2: what a notice must carry
  noticeRules,
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
  const verdict = evaluate(state, event);
  const at = occurredAtMs(event.occurredAt);
  const latest = records.device.lastEventAt;
  if (verdict.ok && at !== null && (latest === null || at > Date.parse(latest))) {
    records.device.lastEventAt = event.occurredAt;
  }
  return verdict;
}
