import type { CallOutput, CaseRow, ParsedInput } from '../../shared/api';
import {
  type CaseEventPayload,
  applicantKey,
  brokenNoticeRule,
  brokenTimedRule,
  caseEventSchema,
  clockMoment,
  evaluate,
  initialCaseState,
  payloadSchemas,
  pauseOverrun,
  ruleMessages,
  RuleViolation,
  scopeRefusal,
  summarizeCase,
  type Actor,
  type CaseEvent,
  type CaseEventType,
  type CaseScope,
  type CaseState,
  type OpenCase,
} from '../../shared/case';
import { remainingAt, shanghaiDate } from '../../shared/calendar';
import { toItemSnapshot } from '../../shared/catalog';
import { ApiFailure } from '../api/errors';
import { inTransaction } from '../store/db';
import { asCaseEvent, appendEvent, caseEvents, type StoredEvent } from '../store/events';
import {
  caseScopeOf,
  getCaseState,
  listScopeCases,
  nextCaseSerial,
  openCasesOf,
  type CaseListRow,
  type WorkClock,
} from '../store/cases';
import { clocksOf, foldCase, projectCase, refreshLapsed } from '../projections/cases';
import { assertTrustedClock, correctedNow, eventClock } from './clock';
import { shanghaiIso } from './time';
import { boundWindow, getItem, windowPowersFor, type BoundWindow } from '../store/reference';
import { uuidv7 } from '../store/uuidv7';
import { withNoticeFields } from './notice-fields';
import { attachedAsHeld } from './attachments';
import type { SessionRecord } from './sessions';
import type { Terminal } from './context';

function terminalWindow(t: Terminal): BoundWindow {
  const w = boundWindow(t.db);
  if (!w) {
    throw new ApiFailure('not_allowed', ruleMessages['terminal.notBound'], {
      rule: 'terminal.notBound',
    });
  }
  return w;
}

/**
 * Issue 13 point 3: the caller may `act` on the case — record an event of that type, or 'read' it —
 * by the shared scope table (shared/case/scope.ts) the center also judges by. The list scope is
 * not enough: a case id reaches a call from anywhere (an old link, a pulled alert, a crafted call).
 * Window staff act for the window this PC is bound to (sign-in holds them to it); managers and
 * supervisors sit at no window.
 */
export function checkCaseScope(
  t: Terminal,
  session: SessionRecord,
  act: CaseEventType | 'read',
  target: CaseScope,
): void {
  const bound = windowRoles.includes(session.actor.role) ? boundWindow(t.db) : undefined;
  const rule = scopeRefusal(
    {
      role: session.actor.role,
      windowId: bound?.id ?? null,
      departmentCode: bound?.department_code ?? null,
    },
    act,
    target,
  );
  if (rule) throw new ApiFailure('not_allowed', ruleMessages[rule], { rule });
}
const windowRoles: readonly Actor['role'][] = ['clerk', 'reviewer', 'chief'];

// Folds, checks and stores one event, then refreshes the projection — all in the caller's
// transaction, so the projection is never ahead of or behind the log.
function commit(
  t: Terminal,
  state: CaseState,
  event: CaseEvent,
  windowId: string,
): { stored: StoredEvent; state: OpenCase } {
  const parsed = caseEventSchema.safeParse(event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiFailure('invalid_input', issue?.message ?? '事件无效', {
      field: issue?.path.join('.'),
    });
  }
  // The timed rules (deemed acceptance, extension after expiry, the grounds of a refusal) read the
  // case's clocks at the event's time; the center judges the pushed event with the same function.
  // So are what a notice must carry (validity, appeal bodies, intake seal, return date: issue 14).
  const cal = state.status === 'none' ? null : t.calendar(state.calendarVersion);
  const late = cal
    ? (brokenTimedRule(state, parsed.data, cal) ?? brokenNoticeRule(state, parsed.data, cal))
    : null;
  const verdict = late ?? evaluate(state, parsed.data);
  if (!verdict.ok) throw new RuleViolation(verdict.rule, verdict.message);
  const next = verdict.state as OpenCase;
  const stored = appendEvent(t.db, t.device, parsed.data);
  projectCase(t, next, windowId);
  return { stored, state: next };
}

/** A new event of this terminal, stamped with the time in Beijing. */
function newEvent(
  now: Date,
  base: { caseId: string; actor: Actor; windowId: string },
  type: CaseEvent['type'],
  payload: unknown,
): CaseEvent {
  return {
    id: uuidv7(now.getTime()),
    ...base,
    type,
    occurredAt: shanghaiIso(now),
    payload,
  } as CaseEvent; // commit() parses it against caseEventSchema before anything is stored
}

export function receiveCase(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'cases.receive'>,
): CallOutput<'cases.receive'> {
  const actor = session.actor;
  const window = terminalWindow(t);
  const item = getItem(t.db, input.itemCode);
  if (!item)
    throw new ApiFailure('invalid_input', `事项 ${input.itemCode} 不在本窗口目录中`, {
      field: 'itemCode',
    });
  if (item.departmentCode !== window.department_code) {
    throw new ApiFailure('invalid_input', `事项 ${item.name} 不属于本窗口所在部门`, {
      field: 'itemCode',
    });
  }
  // 受理权: what the department delegated to this window for the item, pinned on the case
  const powers = windowPowersFor(t.db, window.id, item.code);
  if (!powers?.includes('accept')) {
    throw new ApiFailure('not_allowed', `${ruleMessages['power.accept']}（${item.name}）`, {
      rule: 'power.accept',
      field: 'itemCode',
    });
  }
  const now = eventClock(t, 'received');
  const caseId = uuidv7(now.getTime());
  return inTransaction(t.db, () => {
    if (input.secondApplicationOf && !getCaseState(t.db, input.secondApplicationOf)) {
      throw new ApiFailure('invalid_input', '所关联的原办件不存在', {
        field: 'secondApplicationOf',
      });
    }
    // Part T of issue 16: read in the transaction that writes, so a case a pull brought in a
    // moment ago is seen; the renderer's warning is a courtesy, this is the rule
    const duplicates = openCasesOf(t.db, window.department_code, {
      applicantKey: applicantKey(input.applicant),
      itemCode: item.code,
    });
    if (duplicates.length > 0 && !input.duplicateReason) {
      throw new ApiFailure(
        'not_allowed',
        `${ruleMessages['intake.duplicateOpen']}（${duplicates.map((d) => d.case_number).join('、')}）`,
        { rule: 'intake.duplicateOpen', field: 'duplicateReason' },
      );
    }
    const day = shanghaiDate(now).replaceAll('-', '');
    // Department + day + window + terminal: each PC counts its own serials, so numbers made
    // offline never collide, even between PCs of one window.
    const terminal = `${window.code}-T${window.terminal_number}`;
    const serial = nextCaseSerial(t.db, window.department_code, day, terminal);
    const caseNumber = `${window.department_code}-${day}-${terminal}-${String(serial).padStart(4, '0')}`;
    const event = newEvent(now, { caseId, actor, windowId: window.id }, 'received', {
      caseNumber,
      item: toItemSnapshot(item),
      applicant: input.applicant,
      ...(input.agent ? { agent: input.agent } : {}),
      channel: input.channel,
      ...(input.notes ? { notes: input.notes } : {}),
      calendarVersion: t.currentCalendar().version,
      issuer: { centerName: t.centerName(), departmentName: window.department_name },
      powers,
      ...(input.secondApplicationOf ? { secondApplicationOf: input.secondApplicationOf } : {}),
      ...(input.smsConsent !== undefined ? { smsConsent: input.smsConsent } : {}),
      ...(input.ticket ? { ticket: input.ticket } : {}),
      // a reason given when no open case stood in the way is not recorded: it would explain nothing
      ...(duplicates.length > 0
        ? { duplicateReason: input.duplicateReason, duplicateOf: duplicates.map((d) => d.id) }
        : {}),
    });
    commit(t, initialCaseState, event, window.id);
    return { caseId, caseNumber };
  });
}

export function recordEvent(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'cases.record'>,
): CallOutput<'cases.record'> {
  const payload = payloadSchemas[input.type].safeParse(input.payload);
  if (!payload.success) {
    const issue = payload.error.issues[0];
    const field = ['payload', ...(issue?.path.map(String) ?? [])].join('.');
    throw new ApiFailure('invalid_input', issue?.message ?? '无效', { field });
  }
  return inTransaction(t.db, () => {
    const { stored, state } = appendToCase(t, session, input.caseId, (current) => ({
      type: input.type,
      // the seal mode and appeal bodies come from the department's settings (issue 14 part B2);
      // attached files must be held here, typed as stored (issue 18)
      payload:
        input.type === 'materialsAttached'
          ? attachedAsHeld(t, payload.data as CaseEventPayload<'materialsAttached'>)
          : withNoticeFields(t, current, input.type, payload.data),
    }));
    return { eventId: stored.id, status: state.status };
  });
}

/**
 * Writes the event `make` builds from the case's current state (a seal needs the decision it
 * seals), checked by the case's rules. Runs in the caller's transaction.
 */
export function appendToCase(
  t: Terminal,
  session: SessionRecord,
  caseId: string,
  /** `occurredAt`: the new event's, as it will be stored (a seal signs it) */
  make: (state: OpenCase, occurredAt: string) => { type: CaseEvent['type']; payload: unknown },
): { stored: StoredEvent; state: OpenCase } {
  const window = terminalWindow(t);
  const state = getCaseState(t.db, caseId);
  if (!state || state.status === 'none') throw new ApiFailure('not_found', '办件不存在');
  // A PC clock stepped back by time sync (or a colleague's faster PC) must not make the case
  // unworkable: the event keeps the case's order, never earlier than its last event.
  const at = new Date(Math.max(correctedNow(t).getTime(), Date.parse(state.lastOccurredAt)));
  const { type, payload } = make(state, shanghaiIso(at));
  const scope = caseScopeOf(t.db, caseId)!;
  checkCaseScope(t, session, type, scope);
  assertTrustedClock(t, type);
  // the event names the window that acts (the center holds it to this PC's window); the case
  // stays the receiving window's (part T of issue 16: any window of the department may act)
  const event = newEvent(at, { caseId, actor: session.actor, windowId: window.id }, type, payload);
  return commit(t, state, event, scope.windowId);
}

export function getCase(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'cases.get'>,
): CallOutput<'cases.get'> {
  const events = caseEvents(t.db, input.caseId);
  if (events.length === 0) throw new ApiFailure('not_found', '办件不存在');
  const state = foldCase(events);
  if (state.status === 'none') throw new ApiFailure('not_found', '办件不存在');
  checkCaseScope(t, session, 'read', {
    windowId: events[0]!.windowId,
    departmentCode: state.item.departmentCode,
  });
  return {
    state,
    // conflicted events too, marked: the window must see what the center did not take
    events: events.map((e) => ({
      ...asCaseEvent(e),
      deviceSeq: e.deviceSeq,
      syncState: e.syncState,
      syncNote: e.syncNote,
    })),
    clocks: clocksOf(t, state),
    pauseOverrun: pauseOverrun(state, t.calendar(state.calendarVersion), t.now()),
  };
}

export function listCases(t: Terminal, input: ParsedInput<'cases.list'>): CallOutput<'cases.list'> {
  const window = terminalWindow(t);
  refreshLapsed(t);
  const scope =
    input.scope === 'window' ? { windowId: window.id } : { departmentCode: window.department_code };
  const { rows, total } = listScopeCases(t.db, scope, {
    open: input.status === 'open',
    itemCode: input.itemCode,
    query: input.query,
    limit: input.limit,
    offset: input.offset,
  });
  return { total, rows: rows.map(caseRowView(t)) };
}

/**
 * A list row built from the stored row alone — no fold of the case — so ten thousand rows list
 * quickly; only the remaining time is computed now, from the stored deadline and the case's
 * calendar.
 */
export function caseRowView(t: Terminal): (r: CaseListRow) => CaseRow {
  const now = t.now();
  const thresholds = t.thresholds();
  const own = boundWindow(t.db)?.id;
  return (r) => {
    const { clock, deemedAcceptedOn, acceptanceNoticeOwed } = JSON.parse(r.work_clock) as WorkClock;
    const calendar = t.calendar(r.calendar_version);
    return {
      id: r.id,
      caseNumber: r.case_number,
      itemCode: r.item_code,
      itemName: r.item_name,
      applicantName: r.applicant_name,
      status: r.status,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      clock:
        clock === null
          ? null
          : clock.state === 'paused'
            ? // a paused clock's deadline moves on with every day of the pause (Art. 45): the
              // stored one is stale, so the few paused cases are measured from their state
              summarizeCase(getCaseState(t.db, r.id) as OpenCase, calendar, now, thresholds).shown
            : {
                ...clock,
                remaining: remainingAt(
                  calendar,
                  clock.deadline,
                  clockMoment(r.updated_at, now),
                  thresholds,
                ),
              },
      deemedAcceptedOn,
      acceptanceNoticeOwed: acceptanceNoticeOwed === true,
      conflicted: r.conflicted === 1,
      // a window the reference data no longer holds (closed at the center) still names itself
      receivingWindow: {
        id: r.window_id,
        code: r.window_code ?? r.window_id,
        name: r.window_name ?? r.window_id,
      },
      ownWindow: r.window_id === own,
    };
  };
}

/** Part T of issue 16: the department's open cases of the applicant and item, for intake. */
export function openDuplicates(
  t: Terminal,
  input: ParsedInput<'cases.openDuplicates'>,
): CallOutput<'cases.openDuplicates'> {
  const window = terminalWindow(t);
  return openCasesOf(t.db, window.department_code, input).map(caseRowView(t));
}
