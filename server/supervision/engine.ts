import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { applicantKey, pauseOverrun, type CaseSummary, type OpenCase } from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import { startRounds } from '../system/rounds';
import { centerCalendar, clockContext, measured, type ClockContext } from '../cases/clocks';
import { summaryAt } from '../cases/projection';
import type { NewEvent, ServerDb } from '../db/schema';
import { complaintClock } from '../../shared/reports/complaints';
import {
  caseFindings,
  complaintClockFinding,
  conflictFinding,
  duplicateCaseFinding,
  type AlertFinding,
} from './rules';

/** Where a finding belongs: the case, its number, the department and window it is held against. */
export type Place = {
  caseId: string | null;
  caseNumber: string | null;
  departmentCode: string;
  windowId: string | null;
};

/**
 * Stores what the rules found; a finding already on record (same case, rule and level) is left
 * as it is, acknowledged or not. Returns how many alerts are new.
 */
export async function recordAlerts(
  db: Kysely<ServerDb>,
  found: readonly (Place & { finding: AlertFinding })[],
  now: Date,
): Promise<number> {
  if (found.length === 0) return 0;
  const raisedAt = shanghaiIso(now);
  let added = 0;
  // a few hundred per statement keeps both dialects under their parameter limits
  for (let from = 0; from < found.length; from += 500) {
    const result = await db
      .insertInto('alerts')
      .values(
        found.slice(from, from + 500).map((f) => ({
          id: randomUUID(),
          dedupe_key: f.finding.key,
          case_id: f.caseId,
          case_number: f.caseNumber,
          department_code: f.departmentCode,
          window_id: f.windowId,
          rule: f.finding.rule,
          level: f.finding.level,
          message: f.finding.message,
          evidence: JSON.stringify(f.finding.evidence),
          raised_at: raisedAt,
          status: 'open',
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

function findingsOf(
  state: OpenCase,
  windowId: string,
  c: ClockContext,
  summary: CaseSummary = summaryAt(state, c),
): (Place & { finding: AlertFinding })[] {
  const place: Place = {
    caseId: state.caseId,
    caseNumber: state.caseNumber,
    departmentCode: state.item.departmentCode,
    windowId,
  };
  const m = measured(state, c);
  const overrun = pauseOverrun(m.state, m.calendar, c.now);
  return caseFindings(state, summary.clocks ?? [], overrun).map((finding) => ({
    ...place,
    finding,
  }));
}

/**
 * The rules on every incoming batch, in its transaction: the cases it moved, and each event the
 * center stored as conflicted. An alert is on record exactly when the events it rests on are.
 */
export async function superviseBatch(
  trx: Kysely<ServerDb>,
  now: Date,
  moved: readonly { state: OpenCase; windowId: string }[],
  events: readonly NewEvent[],
): Promise<number> {
  const c = await clockContext(trx, now);
  const numbers = new Map(moved.map((m) => [m.state.caseId, m.state.caseNumber]));
  // a conflicted event moves no case: its number is the stored case's, or — a case the center
  // never held, its receipt itself conflicted — the number that receipt carries
  const unmoved = [
    ...new Set(
      events
        .filter((e) => e.status === 'conflicted' && !numbers.has(e.case_id))
        .map((e) => e.case_id),
    ),
  ];
  if (unmoved.length > 0) {
    const rows = await trx
      .selectFrom('cases')
      .select(['id', 'case_number'])
      .where('id', 'in', unmoved)
      .execute();
    for (const r of rows) numbers.set(r.id, r.case_number);
    const unheld = unmoved.filter((id) => !numbers.has(id));
    if (unheld.length > 0) {
      const receipts = await trx
        .selectFrom('events')
        .select(['case_id', 'payload'])
        .where('case_id', 'in', unheld)
        .where('type', '=', 'received')
        .execute();
      for (const r of receipts) {
        const { caseNumber } = JSON.parse(r.payload) as { caseNumber?: string };
        if (caseNumber) numbers.set(r.case_id, caseNumber);
      }
    }
  }
  const found = moved.flatMap((m) => findingsOf(m.state, m.windowId, c));
  for (const e of events) {
    if (e.status !== 'conflicted') continue;
    found.push({
      caseId: e.case_id,
      caseNumber: numbers.get(e.case_id) ?? null,
      departmentCode: e.department_code,
      windowId: e.window_id,
      finding: conflictFinding({
        id: e.id,
        caseId: e.case_id,
        type: e.type,
        rule: e.conflict_rule ?? '',
        message: e.conflict_message ?? '',
      }),
    });
  }
  found.push(...(await duplicateFindings(trx, moved, events)));
  return recordAlerts(trx, found, now);
}

/**
 * The cases this batch received while the department held another open case of the applicant and
 * item that no receipt accounts for. A receipt made with a reason names the open cases its clerk
 * was shown (`duplicateOf`): the pair is accounted for when either receipt names the other. Read
 * after the batch's rows are written, in its transaction: a twin pushed a moment earlier by
 * another PC is seen, and so is a twin in the same batch.
 */
async function duplicateFindings(
  trx: Kysely<ServerDb>,
  moved: readonly { state: OpenCase; windowId: string }[],
  events: readonly NewEvent[],
): Promise<(Place & { finding: AlertFinding })[]> {
  const found: (Place & { finding: AlertFinding })[] = [];
  for (const e of events) {
    if (e.type !== 'received' || e.status !== 'accepted') continue;
    const m = moved.find((c) => c.state.caseId === e.case_id);
    if (!m) continue;
    const twins = await trx
      .selectFrom('cases')
      .leftJoin('windows', 'windows.id', 'cases.window_id')
      .select(['cases.id', 'cases.case_number', 'cases.window_id', 'windows.name'])
      .where('cases.department_code', '=', m.state.item.departmentCode)
      .where('cases.item_code', '=', m.state.item.code)
      .where('cases.applicant_key', '=', applicantKey(m.state.applicant))
      .where('cases.open', '=', 1)
      .where('cases.id', '!=', m.state.caseId)
      .orderBy('cases.received_at')
      .execute();
    if (twins.length === 0) continue;
    const receipts = new Map(
      (
        await trx
          .selectFrom('events')
          .select(['case_id', 'payload'])
          .where(
            'case_id',
            'in',
            twins.map((t) => t.id),
          )
          .where('type', '=', 'received')
          .where('status', '=', 'accepted')
          .execute()
      ).map((r) => [r.case_id, receiptOf(r.payload)]),
    );
    const ours = receiptOf(e.payload);
    const unexplained = twins.filter((t) => {
      const theirs = receipts.get(t.id);
      return !answersFor(ours, t.id) && !(theirs && answersFor(theirs, m.state.caseId));
    });
    if (unexplained.length === 0) continue;
    found.push({
      caseId: m.state.caseId,
      caseNumber: m.state.caseNumber,
      departmentCode: m.state.item.departmentCode,
      windowId: m.windowId,
      finding: duplicateCaseFinding(
        m.state,
        unexplained.map((t) => ({ caseNumber: t.case_number, windowName: t.name ?? t.window_id })),
      ),
    });
  }
  return found;
}

type Receipt = { duplicateReason?: string; duplicateOf?: string[] };

function receiptOf(payload: string): Receipt {
  return JSON.parse(payload) as Receipt;
}

/**
 * Whether a receipt's reason answers for the other case: it names it, or — made before receipts
 * named the cases they were shown — it gives a reason at all.
 */
function answersFor(receipt: Receipt, otherId: string): boolean {
  if (!receipt.duplicateReason) return false;
  return receipt.duplicateOf ? receipt.duplicateOf.includes(otherId) : true;
}

/**
 * The rules on the timer: every open case measured at `now`, so a deadline that passes while no
 * window touches the case still raises its card. Returns how many alerts are new.
 */
export async function superviseOpenCases(db: Kysely<ServerDb>, now: Date): Promise<number> {
  const c = await clockContext(db, now);
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'state', 'window_id', 'status', 'due_at', 'last_server_seq'])
    .where('open', '=', 1)
    .execute();
  const found: (Place & { finding: AlertFinding })[] = [];
  for (const r of rows) {
    const state = JSON.parse(r.state) as OpenCase;
    const summary = summaryAt(state, c);
    found.push(...findingsOf(state, r.window_id, c, summary));
    // Time alone moves a case too: on the sixth working day without a notice the law accepts it
    // (Art. 32(4)) and it is listed as accepted. The row says so, or the center's status filter
    // and the console's lists keep it as 已收件. Unless a push moved the case meanwhile.
    if (summary.status !== r.status || summary.dueAt !== r.due_at) {
      await db
        .updateTable('cases')
        .set({ status: summary.status, due_at: summary.dueAt })
        .where('id', '=', r.id)
        .where('last_server_seq', '=', r.last_server_seq)
        .execute();
    }
  }
  return recordAlerts(db, found, now);
}

/**
 * The complaint clocks on the timer: an open complaint with one working day left gets a warning,
 * one past its deadline a red card — each once. Returns how many alerts are new.
 */
export async function superviseOpenComplaints(db: Kysely<ServerDb>, now: Date): Promise<number> {
  const calendar = await centerCalendar(db);
  const at = shanghaiIso(now);
  const rows = await db
    .selectFrom('complaints')
    .select(['id', 'department_code', 'window_id', 'case_id', 'case_number', 'channel'])
    .select(['content', 'due_date', 'due_at'])
    .where('status', '!=', 'closed')
    .execute();
  const found = rows.flatMap((r) => {
    const clock = complaintClock(
      calendar,
      { dueDate: r.due_date, dueAt: r.due_at, closedAt: null },
      at,
    );
    const finding = complaintClockFinding(
      { id: r.id, channel: r.channel, content: r.content, dueDate: r.due_date },
      clock.level,
    );
    return finding
      ? [
          {
            caseId: r.case_id,
            caseNumber: r.case_number,
            departmentCode: r.department_code,
            windowId: r.window_id,
            finding,
          },
        ]
      : [];
  });
  return recordAlerts(db, found, now);
}

/** A minute: a card is raised within a minute of its deadline passing. */
export const supervisionIntervalMs = 60_000;

/** Runs the timer rules every `intervalMs` until stopped; a failed round is logged and retried. */
export function startSupervision(
  db: Kysely<ServerDb>,
  now: () => Date,
  intervalMs: number,
  log: (error: unknown) => void,
): () => void {
  return startRounds(
    async () => {
      const at = now();
      await superviseOpenCases(db, at);
      await superviseOpenComplaints(db, at);
    },
    intervalMs,
    log,
  );
}
