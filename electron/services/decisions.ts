import type { CallOutput, ParsedInput, QueueRow, QueueStep } from '../../shared/api';
import {
  allowedEvents,
  currentReview,
  holdsPower,
  rectificationOpen,
  type OpenCase,
  type Role,
} from '../../shared/case';
import { shanghaiDate } from '../../shared/calendar';
import { ApiFailure } from '../api/errors';
import { inTransaction } from '../store/db';
import { caseEvents } from '../store/events';
import { hashPassword, verifyPassword } from '../store/passwords';
import { boundWindow, getStaff } from '../store/reference';
import { getSealPin, recordPinAttempt, saveSealPin } from '../store/seal-pins';
import { queueCases } from '../store/cases';
import { appendToCase, caseRowView } from './cases';
import { refreshLapsed } from './projections';
import type { SessionRecord } from './sessions';
import { shanghaiIso } from './time';
import type { Terminal } from './terminal';

/** Wrong PINs in a row before the seal locks, and for how long: a guessed PIN is a forged decision. */
export const pinAttempts = 5;
export const pinLockMs = 15 * 60_000;

// PINs anyone would try first: one digit six times, or a run up or down.
export function guessablePin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]!));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]!);
}

export function sealStatus(t: Terminal, session: SessionRecord): CallOutput<'seal.status'> {
  const row = getSealPin(t.db, session.actor.userId);
  const locked = row?.locked_until && Date.parse(row.locked_until) > t.now().getTime();
  return { pinSet: row !== undefined, lockedUntil: locked ? row.locked_until : null };
}

export function setSealPin(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'seal.setPin'>,
): CallOutput<'seal.setPin'> {
  const staff = getStaff(t.db, session.actor.userId);
  if (!staff || !verifyPassword(input.password, staff.password_hash)) {
    throw new ApiFailure('invalid_input', '登录密码不正确', { field: 'password' });
  }
  if (guessablePin(input.pin)) {
    throw new ApiFailure('invalid_input', '盖章密码过于简单：不能是相同或连续的数字', {
      field: 'pin',
    });
  }
  saveSealPin(t.db, staff.id, hashPassword(input.pin), shanghaiIso(t.now()));
  return {};
}

/** Checks the PIN, counting wrong tries in their own transaction: a refusal must not undo the count. */
function checkPin(t: Terminal, userId: string, pin: string): void {
  const row = getSealPin(t.db, userId);
  if (!row) {
    throw new ApiFailure('not_allowed', '尚未设置盖章密码：请先设置', { rule: 'seal.pinNotSet' });
  }
  const now = t.now().getTime();
  if (row.locked_until && Date.parse(row.locked_until) > now) {
    throw new ApiFailure(
      'not_allowed',
      `盖章密码连续输错${pinAttempts}次，已锁定至 ${row.locked_until.slice(11, 16)}`,
      { rule: 'seal.locked' },
    );
  }
  if (verifyPassword(pin, row.pin_hash)) {
    if (row.failed_attempts > 0) {
      recordPinAttempt(t.db, userId, { failedAttempts: 0, lockedUntil: null });
    }
    return;
  }
  const failed = row.failed_attempts + 1;
  const locks = failed >= pinAttempts;
  recordPinAttempt(t.db, userId, {
    failedAttempts: locks ? 0 : failed,
    lockedUntil: locks ? shanghaiIso(new Date(now + pinLockMs)) : null,
  });
  throw new ApiFailure(
    'not_allowed',
    locks
      ? `盖章密码连续输错${pinAttempts}次，已锁定15分钟`
      : `盖章密码不正确，还可再试${pinAttempts - failed}次`,
    { rule: 'seal.wrongPin', field: 'pin' },
  );
}

/**
 * 决定书文号: department, 准 or 不准, the year of the seal, then the case's own serial (unique
 * offline, as the case number is), and 更N for the N-th correction.
 */
export function decisionNumber(state: OpenCase, sealedAt: Date): string {
  const [department, day = '', ...terminal] = state.caseNumber.split('-');
  const outcome = state.decision?.decision.outcome === 'deny' ? '不准' : '准';
  const corrections = state.superseded.length;
  return (
    `${department}许${outcome}〔${shanghaiDate(sealedAt).slice(0, 4)}〕` +
    `${day.slice(4)}-${terminal.join('-')}${corrections > 0 ? `更${corrections}` : ''}号`
  );
}

export function stampDecision(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'cases.stamp'>,
): CallOutput<'cases.stamp'> {
  checkPin(t, session.actor.userId, input.pin);
  return inTransaction(t.db, () => {
    let number = '';
    const { stored, state } = appendToCase(t, session, input.caseId, (current) => {
      // the seal names the decision in force and that event's hash as stored: editing the
      // decision afterwards breaks the link the seal holds
      const decision = current.decision
        ? caseEvents(t.db, current.caseId).find((e) => e.id === current.decision?.eventId)
        : undefined;
      number = decisionNumber(current, t.now());
      return {
        type: 'stamped',
        payload: {
          decisionEventId: decision?.id ?? '',
          decisionHash: decision?.hash ?? '',
          decisionNumber: number,
        },
      };
    });
    return { eventId: stored.id, status: state.status, decisionNumber: number };
  });
}

/** The act the case waits for, seen from the review desk. */
function stepOf(state: OpenCase): QueueStep {
  if (rectificationOpen(state)) return 'rectify';
  switch (state.status) {
    case 'referred':
      return 'department';
    case 'underReview':
      return 'check';
    case 'decided':
      return 'stamp';
    case 'stamped': {
      const certifies =
        state.decision?.decision.outcome === 'approve' &&
        state.item.certificate !== undefined &&
        holdsPower(state, 'certify');
      return certifies ? 'certificate' : 'deliver';
    }
    case 'certificateIssued':
      return 'deliver';
    default:
      if (!holdsPower(state, 'approve')) return 'department';
      // a 一审一核 item is reviewed first; a single-review item goes straight to the chief
      return state.item.reviewMode === 'twoPerson' && !currentReview(state) ? 'review' : 'decide';
  }
}

/**
 * Whether `role` (as `userId`) can take the case's next step. A reviewer reviews what nobody has
 * reviewed yet and re-checks what waits for its check — never a review of their own.
 */
function mayAct(state: OpenCase, step: QueueStep, role: Role, userId: string): boolean {
  const allowed = allowedEvents(state, role);
  if (role !== 'reviewer') return allowed.length > 0;
  if (step === 'review') return allowed.includes('reviewed');
  return step === 'check' && currentReview(state)?.by.userId !== userId;
}

export function reviewQueue(t: Terminal, session: SessionRecord): CallOutput<'cases.queue'> {
  const { actor } = session;
  const department = boundWindow(t.db)?.department_code;
  if (!department) return { rows: [], referred: 0 };
  refreshLapsed(t);
  const view = caseRowView(t);
  const rows: QueueRow[] = [];
  for (const r of queueCases(t.db, department)) {
    const state = JSON.parse(r.state) as OpenCase;
    const step = stepOf(state);
    if (!mayAct(state, step, actor.role, actor.userId)) continue;
    rows.push({
      ...view(r),
      step,
      twoPerson: state.item.reviewMode === 'twoPerson',
      referredTo: state.referral
        ? `${state.referral.department}（${state.referral.holder}）`
        : null,
    });
  }
  return { rows, referred: rows.filter((r) => r.status === 'referred').length };
}
