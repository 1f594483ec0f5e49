import { addDays, shanghaiDate, type Calendar } from '../calendar';
import { itemLaw } from '../catalog/law';
import { appealBodiesNamed, type AppealNotice } from './appeal';
import type { CaseEvent } from './events';
import type { Decision } from './payloads';
import { reject, type Rejection } from './rule-ids';
import { firstBrokenRule } from './rules';
import type { CaseState, OpenCase } from './state';
import { lastDayOfTerm, licenceValidity, validityDate } from './validity';

// Issue 14 part B2 — what a notice must carry. Rules a NEW event must pass besides the reducer's,
// applied alike by the terminal before it stores an event and by the center when it judges a
// pushed one (server/sync/judge.ts). Not in the reducer: logs written before them (an approval
// with no validity, a notice without a recorded seal) must still fold. `cal` is the calendar the
// case is measured on (the terminal: the case's pinned one; the center: its own).

/**
 * How far ahead a suggested return date may lie. The law sets the applicant no deadline to
 * supplement (DOMAIN.md): the date is a suggestion a hall may print to plan the applicant's
 * return, and a date months away helps nobody and reads like a term of the licence.
 */
export const returnByHorizonDays = 60;

/** The longest term a decision may set where the item's law fixes none (`validity.tooFar`). */
export const decidedTermYears = 30;

/**
 * The first rule of this part `event` breaks in `state`, or null. An event the reducer refuses
 * anyway is left to it, so the conflict names the rule a clerk can act on.
 */
export function brokenNoticeRule(
  state: CaseState,
  event: CaseEvent,
  cal: Calendar,
): Rejection | null {
  if (state.status === 'none' || firstBrokenRule(state, event)) return null;
  switch (event.type) {
    case 'noticeIssued':
      return (
        intakeSealRule(event.payload.intakeSeal) ??
        asCheckedRule(state, event) ??
        wholeNoticeRule(state, event) ??
        returnByRule(state, event, cal)
      );
    case 'accepted':
      return intakeSealRule(event.payload.intakeSeal);
    case 'refused':
      return intakeSealRule(event.payload.intakeSeal) ?? appealRule(event.payload.appealNotice);
    case 'decided':
      return decisionRule(state, event.payload, event.occurredAt);
    case 'corrected':
      return decisionRule(state, event.payload.decision, event.occurredAt);
    case 'certificateIssued':
      return certificateRule(state, event.payload.validUntil);
    default:
      return null;
  }
}

/**
 * Art. 32: the acceptance and refusal certificates carry the 受理专用章. A notice the terminal
 * prints with the drawn seal records 'printed'; where the hall stamps by hand, the clerk's
 * confirmation is recorded. Nothing recorded: nobody can say the paper was sealed.
 */
function intakeSealRule(seal: string | undefined): Rejection | null {
  return seal === undefined ? reject('intakeSeal.missing') : null;
}

/**
 * Art. 32(4): 一次告知 — the notice tells ALL that must be supplemented, and says so in print
 * ("以上为需要补正的全部内容"). A material the check found defective, or a required one it found
 * missing, left off the notice could never be asked for again (`notice.newItems`), and the case
 * could then never be accepted. A supervisor's override of a later notice is judged by the
 * reducer's rules, not here.
 */
function wholeNoticeRule(
  state: OpenCase,
  event: Extract<CaseEvent, { type: 'noticeIssued' }>,
): Rejection | null {
  if (event.payload.override) return null;
  const listed = new Set(event.payload.items.map((i) => i.materialId));
  const left = state.materials.filter(
    (m) =>
      !listed.has(m.materialId) &&
      (m.status === 'defective' || (m.status === 'missing' && m.required)),
  );
  return left.length > 0 ? reject('notice.incomplete', left.map((m) => m.name).join('、')) : null;
}

/**
 * The other half of 一次告知: the notice asks only for what the check found wrong, as it found it.
 * A material recorded as received (or never checked) printed as 缺少 holds a complete application
 * back from acceptance on paper the case's own record contradicts. A supervisor's override of a
 * later notice is judged by the reducer's rules, not here.
 */
function asCheckedRule(
  state: OpenCase,
  event: Extract<CaseEvent, { type: 'noticeIssued' }>,
): Rejection | null {
  if (event.payload.override) return null;
  const checked = new Map(state.materials.map((m) => [m.materialId, m]));
  const wrong = event.payload.items.filter((i) => checked.get(i.materialId)?.status !== i.problem);
  if (wrong.length === 0) return null;
  const names = wrong.map((i) => checked.get(i.materialId)?.name ?? i.materialId);
  return reject('notice.notAsChecked', names.join('、'));
}

/** 行政复议法 Art. 20, 行政诉讼法 Art. 46: the notice names where to appeal. */
function appealRule(notice: AppealNotice | undefined): Rejection | null {
  return notice && appealBodiesNamed(notice) ? null : reject('appeal.bodies');
}

/**
 * The suggested return date (请于…前补正). Kept, not dropped, because halls use it to book the
 * applicant's return; but since the law sets no deadline it must at least be a date the hall is
 * open, after the day of receipt, not before the notice itself, and near enough to mean
 * something. The notice prints that it is a suggestion and that missing it costs nothing.
 */
function returnByRule(
  state: OpenCase,
  event: Extract<CaseEvent, { type: 'noticeIssued' }>,
  cal: Calendar,
): Rejection | null {
  const returnBy = event.payload.returnBy;
  if (returnBy === undefined) return null;
  const noticeOn = shanghaiDate(event.occurredAt);
  const receivedOn = shanghaiDate(state.receivedAt);
  if (returnBy <= receivedOn || returnBy < noticeOn) {
    return reject('returnBy.tooEarly', `收件日 ${receivedOn}，告知日 ${noticeOn}`);
  }
  const latest = addDays(noticeOn, returnByHorizonDays);
  if (returnBy > latest) return reject('returnBy.tooFar', `最晚 ${latest}`);
  try {
    if (!cal.isWorkingDay(returnBy)) return reject('returnBy.notWorkingDay', returnBy);
  } catch (error) {
    // a date beyond the calendar's years was refused as too far above; keep the guard honest
    if (error instanceof RangeError) return reject('returnBy.tooFar', `最晚 ${latest}`);
    throw error;
  }
  return null;
}

/**
 * Point 4: a denial names the appeal bodies; an approval's 有效期至 follows the item's law —
 * entered where the decision sets it, never past the legal term where the law fixes one, absent
 * where the licence is permanent. The term is counted from the seal, which comes on or after
 * the decision: a date within the term counted from the decision's day is within it for sure.
 */
function decisionRule(state: OpenCase, decision: Decision, at: string): Rejection | null {
  if (decision.outcome === 'deny') return appealRule(decision.appealNotice);
  const law = itemLaw(state.item).validity;
  const { validUntil } = decision;
  const decidedOn = shanghaiDate(at);
  if (law.kind === 'permanent') {
    return validUntil === undefined ? null : reject('validity.permanent', law.basis);
  }
  if (validUntil === undefined) {
    return law.kind === 'decided' ? reject('validity.required') : null;
  }
  if (validUntil <= decidedOn) return reject('validity.notAfterDecision', `决定日 ${decidedOn}`);
  if (law.kind === 'years') {
    const last = lastDayOfTerm(decidedOn, law.years);
    if (validUntil > last) {
      return reject(
        'validity.beyondLaw',
        `法定有效期${law.years}年（${law.basis}），自盖章之日起计算，按今日决定最晚至 ${last}；留空则按盖章日期自动计算`,
      );
    }
    return null;
  }
  // issue 16: where the decision sets the term, a mistyped year (2926 for 2026) would print a
  // licence valid for ever; no term a department sets runs longer than this
  const latest = lastDayOfTerm(decidedOn, decidedTermYears);
  if (validUntil > latest) return reject('validity.tooFar', `最晚至 ${latest}`);
  return null;
}

/**
 * Decision and certificate print one validity: a certificate that records a date records the
 * decision's (one that records none prints the decision's, see `licenceValidity`).
 */
function certificateRule(state: OpenCase, validUntil: string | undefined): Rejection | null {
  const decision = state.decision?.decision;
  if (decision?.outcome !== 'approve' || validUntil === undefined) return null;
  const expected = validityDate(
    licenceValidity(state.item, decision.validUntil, state.stamp?.at ?? null),
  );
  if (validUntil === expected) return null;
  return reject('validity.certificate', expected ? `决定书载明 ${expected}` : '决定书未载明日期');
}
