import type { CallOutput, ParsedInput, QueueRow, QueueStep } from '../../shared/api';
import {
  allowedEventsNow,
  currentReview,
  decisionNumber,
  sealMessage,
  holdsPower,
  pauseOverrun,
  rectificationOpen,
  ruleMessages,
  RuleViolation,
  type OpenCase,
  type Role,
} from '../../shared/case';
import { ApiFailure } from '../api/errors';
import { inTransaction } from '../store/db';
import { caseEvents } from '../store/events';
import { verifyPasswordSync } from '../../node-shared/passwords';
import { signWithSeal } from '../../node-shared/seal/keys';
import { activeSealKey, queuedSealKeys } from '../store/seal-keys';
import { createSealKey, openSealKey, registerQueuedSealKeys } from './seal-keys';
import { boundWindow, getStaff } from '../store/reference';
import { getSealPin, recordPinAttempt, saveSealPin } from '../store/seal-pins';
import { queueCases } from '../store/cases';
import { appendToCase, caseRowView } from './cases';
import { refreshLapsed } from '../projections/cases';
import type { SessionRecord } from './sessions';
import { shanghaiIso } from './time';
import type { Terminal } from './context';
import { guessablePin } from './pin-policy';

/** Wrong PINs in a row before the seal locks, and for how long: a guessed PIN is a forged decision. */
export const pinAttempts = 5;
export const pinLockMs = 15 * 60_000;

export function sealStatus(t: Terminal, session: SessionRecord): CallOutput<'seal.status'> {
  const userId = session.actor.userId;
  const row = getSealPin(t.db, userId);
  const locked = row?.locked_until && Date.parse(row.locked_until) > t.now().getTime();
  return {
    pinSet: activeSealKey(t.db, userId) !== undefined,
    lockedUntil: locked ? row.locked_until : null,
    unregistered: queuedSealKeys(t.db, userId).length > 0,
  };
}

/**
 * Sets the PIN by making the chief a new seal key locked under it (the PIN is no longer stored in
 * any form: a wrong one simply cannot open the key), then registers the key at the center with
 * the password just checked — or leaves it queued when the center does not answer.
 */
export async function setSealPin(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'seal.setPin'>,
): Promise<CallOutput<'seal.setPin'>> {
  const staff = signedInStaff(t, session);
  // a locked seal stays locked: changing the PIN must not be the way round the lock
  assertUnlocked(t, staff.id);
  if (!verifyPasswordSync(input.password, staff.password_hash)) {
    countFailure(t, staff.id);
    throw new ApiFailure('invalid_input', ruleMessages['seal.wrongPassword'], {
      field: 'password',
      rule: 'seal.wrongPassword',
    });
  }
  if (guessablePin(input.pin)) {
    throw new ApiFailure('invalid_input', ruleMessages['seal.trivialPin'], {
      field: 'pin',
      rule: 'seal.trivialPin',
    });
  }
  createSealKey(t, staff, input.pin);
  // the row keeps the count of wrong PINs and the lock; the PIN itself is in the key's lock only
  saveSealPin(t.db, staff.id, '', shanghaiIso(t.now()));
  const outcome = await registerQueuedSealKeys(t, staff, input.password);
  return { registered: outcome.queued === 0, registrationError: outcome.error };
}

/** The banner's button: the chief's queued seal keys, registered with the password typed now. */
export async function registerSeal(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'seal.register'>,
): Promise<CallOutput<'seal.register'>> {
  const staff = signedInStaff(t, session);
  const outcome = await registerQueuedSealKeys(t, staff, input.password);
  if (outcome.refused) {
    throw new ApiFailure(
      'not_allowed',
      `${ruleMessages['seal.unregistered']}（${outcome.error}）`,
      {
        rule: 'seal.unregistered',
      },
    );
  }
  return { registered: outcome.queued === 0, registrationError: outcome.error };
}

function signedInStaff(t: Terminal, session: SessionRecord) {
  const staff = getStaff(t.db, session.actor.userId);
  if (!staff) throw new ApiFailure('unauthenticated', '账号不存在');
  return staff;
}

function assertUnlocked(t: Terminal, userId: string): void {
  const lockedUntil = getSealPin(t.db, userId)?.locked_until;
  if (lockedUntil && Date.parse(lockedUntil) > t.now().getTime()) {
    throw new ApiFailure(
      'not_allowed',
      `盖章密码连续输错${pinAttempts}次，已锁定至 ${lockedUntil.slice(11, 16)}`,
      { rule: 'seal.locked' },
    );
  }
}

/**
 * One more wrong PIN (or wrong password when changing the PIN); the fifth locks the seal. Written
 * outside the command's transaction: the refusal that follows must not undo the count.
 */
function countFailure(t: Terminal, userId: string): { failed: number; locks: boolean } {
  const row = getSealPin(t.db, userId);
  if (!row) return { failed: 0, locks: false };
  const failed = row.failed_attempts + 1;
  const locks = failed >= pinAttempts;
  recordPinAttempt(t.db, userId, {
    failedAttempts: locks ? 0 : failed,
    lockedUntil: locks ? shanghaiIso(new Date(t.now().getTime() + pinLockMs)) : null,
  });
  return { failed, locks };
}

/** The chief's seal key, opened by the PIN: a wrong PIN opens nothing and counts. */
function unlockSeal(t: Terminal, userId: string, pin: string) {
  const row = getSealPin(t.db, userId);
  assertUnlocked(t, userId);
  const key = row ? openSealKey(t, userId, pin) : undefined;
  if (key === undefined) {
    throw new ApiFailure('not_allowed', ruleMessages['seal.pinNotSet'], { rule: 'seal.pinNotSet' });
  }
  if (key) {
    if (row && row.failed_attempts > 0) {
      recordPinAttempt(t.db, userId, { failedAttempts: 0, lockedUntil: null });
    }
    return key;
  }
  const { failed, locks } = countFailure(t, userId);
  throw new ApiFailure(
    'not_allowed',
    locks
      ? `盖章密码连续输错${pinAttempts}次，已锁定15分钟`
      : `${ruleMessages['seal.wrongPin']}，还可再试${pinAttempts - failed}次`,
    { rule: 'seal.wrongPin', field: 'pin' },
  );
}

export function stampDecision(
  t: Terminal,
  session: SessionRecord,
  input: ParsedInput<'cases.stamp'>,
): CallOutput<'cases.stamp'> {
  const key = unlockSeal(t, session.actor.userId, input.pin);
  return inTransaction(t.db, () => {
    let number = '';
    const { stored, state } = appendToCase(t, session, input.caseId, (current, occurredAt) => {
      // the seal names the decision in force and that event's hash as stored: editing the
      // decision afterwards breaks the link the seal holds
      const decision = current.decision
        ? caseEvents(t.db, current.caseId).find((e) => e.id === current.decision?.eventId)
        : undefined;
      // the seal goes on the decision the chief saw: one that sync brought in since is not it
      if (input.decisionEventId && input.decisionEventId !== current.decision?.eventId) {
        throw new RuleViolation(
          'stamp.notCurrentDecision',
          `${ruleMessages['stamp.notCurrentDecision']}：决定已被另一窗口更新，请核对后再盖章`,
        );
      }
      number = decisionNumber(current);
      const sealed = {
        caseId: current.caseId,
        decisionEventId: decision?.id ?? '',
        decisionHash: decision?.hash ?? '',
        decisionNumber: number,
        occurredAt,
      };
      return {
        type: 'stamped',
        payload: {
          decisionEventId: sealed.decisionEventId,
          decisionHash: sealed.decisionHash,
          decisionNumber: number,
          // the chief's own key signs: without the PIN nobody holding this PC's files can
          seal: { keyId: key.keyId, signature: signWithSeal(key.privateKey, sealMessage(sealed)) },
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
      // a check that disagreed sends the case back to review
      return state.reviews.at(-1)?.kind === 'check' ? 'review' : 'check';
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
function mayAct(
  state: OpenCase,
  step: QueueStep,
  actor: { role: Role; userId: string },
  deemedOn: string | null,
): boolean {
  const { role, userId } = actor;
  // a 期限变更告知书 is the window's, owed only when the calendar moved a date (the changed
  // deadlines list): it is no step of the review desk; nor is the acceptance notice a deemed
  // acceptance owes (issue 16 part P), which the case and the window's list prompt for
  const allowed = allowedEventsNow(state, role, deemedOn).filter(
    (type) => type !== 'calendarRevised' && type !== 'accepted',
  );
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
  const now = t.now();
  const rows: QueueRow[] = [];
  for (const r of queueCases(t.db, department)) {
    const state = JSON.parse(r.state) as OpenCase;
    const step = stepOf(state);
    const row = view(r);
    if (!mayAct(state, step, actor, row.deemedAcceptedOn)) continue;
    rows.push({
      ...row,
      step,
      twoPerson: state.item.reviewMode === 'twoPerson',
      referredTo: state.referral
        ? `${state.referral.department}（${state.referral.holder}）`
        : null,
      pauseOverrunSince:
        pauseOverrun(state, t.calendar(state.calendarVersion), now)?.announcedEnd ?? null,
    });
  }
  return { rows, referred: rows.filter((r) => r.status === 'referred').length };
}
