import {
  acceptedByLawOnly,
  appealBodiesOf,
  appealNotice,
  ruleMessages,
  type CaseEventType,
  type OpenCase,
} from '../../shared/case';
import type { Department } from '../../shared/catalog';
import { ApiFailure } from '../api/errors';
import { getDepartment } from '../store/reference';
import type { Terminal } from './context';

// Issue 14 part B2: what main writes into a notice's event from the department's settings as the
// center set them (and, on an acceptance, the calendar this PC counts on), whatever the renderer sent — the renderer is untrusted, and the session it
// read them from may predate the last pull. The shared rules (notice-rules.ts) then check the
// result, here and at the center.

type Payload = Record<string, unknown>;

/**
 * The 受理专用章: where the department prints it, the notice draws it and the event says so;
 * where the hall stamps by hand, only the clerk's confirmation ('byHand' from the dialog) counts.
 * Anything else is left out, and `intakeSeal.missing` refuses the event.
 */
function intakeSealOf(department: Department | undefined, sent: unknown): Payload {
  if ((department?.intakeSeal ?? 'printed') === 'printed') return { intakeSeal: 'printed' };
  return sent === 'byHand' ? { intakeSeal: 'byHand' } : {};
}

/**
 * The appeal notice of a denial or refusal, naming the department's 复议机关 and court. A
 * department without them: nothing lawful can be printed, and the manager is the one to act.
 */
function appealOf(state: OpenCase, department: Department | undefined) {
  const bodies = department ? appealBodiesOf(department) : null;
  if (!bodies) {
    throw new ApiFailure('not_allowed', ruleMessages['appeal.departmentUnset'], {
      rule: 'appeal.departmentUnset',
    });
  }
  return appealNotice(state.issuer?.departmentName ?? department?.name, bodies);
}

/** `payload` as the event will carry it. */
export function withNoticeFields(
  t: Terminal,
  state: OpenCase,
  type: CaseEventType,
  payload: Payload,
): Payload {
  const department = getDepartment(t.db, state.item.departmentCode);
  switch (type) {
    case 'accepted': {
      // the acceptance notice prints its dates on the calendar this PC counts new cases with —
      // unless the law accepted the case earlier and it has moved on (issue 16 part P): its
      // decision dates may be printed already, and must not move
      const { intakeSeal, calendarVersion: _sent, ...rest } = payload;
      const current = t.currentCalendar().version;
      const repin = current !== state.calendarVersion && !acceptedByLawOnly(state);
      return {
        ...rest,
        ...intakeSealOf(department, intakeSeal),
        ...(repin ? { calendarVersion: current } : {}),
      };
    }
    case 'noticeIssued': {
      const { intakeSeal, ...rest } = payload;
      return { ...rest, ...intakeSealOf(department, intakeSeal) };
    }
    case 'refused': {
      const { intakeSeal, ...rest } = payload;
      return {
        ...rest,
        ...intakeSealOf(department, intakeSeal),
        appealNotice: appealOf(state, department),
      };
    }
    case 'decided':
      return payload['outcome'] === 'deny'
        ? { ...payload, appealNotice: appealOf(state, department) }
        : payload;
    case 'corrected': {
      const decision = payload['decision'] as Payload;
      return decision['outcome'] === 'deny'
        ? { ...payload, decision: { ...decision, appealNotice: appealOf(state, department) } }
        : payload;
    }
    default:
      return payload;
  }
}
