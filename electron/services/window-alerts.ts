import type { MySupervision } from '../../shared/api';
import { shanghaiIso } from '../../shared/calendar';
import { complaintClock } from '../../shared/reports/complaints';
import type { Complaint } from '../../shared/sync';
import { ApiFailure } from '../api/errors';
import { boundWindow } from '../store/reference';
import { isEnrolled } from '../store/sync-state';
import { readSupervisionCopy, updateCopiedComplaint } from '../store/supervision-copy';
import { CenterFailure } from '../sync/client';
import { enrolledClient } from './queue';
import type { SessionRecord } from './sessions';
import type { Terminal } from './context';

// 监察预警 at the window: what the center's supervision holds against it, from the copy the last
// sync round took (so it reads offline), and the window's reply to a complaint (online only: the
// center owns complaints, and a reply it never received must not look sent).

/** The chief answers for the department; a clerk or reviewer sees their own window. */
export function mySupervision(t: Terminal, session: SessionRecord): MySupervision {
  const department = session.actor.role === 'chief';
  const windowId = boundWindow(t.db)?.id ?? null;
  const copy = readSupervisionCopy(t.db, department ? null : windowId);
  const calendar = t.currentCalendar();
  const now = shanghaiIso(t.now());
  return {
    scope: department ? 'department' : 'window',
    enrolled: isEnrolled(t.db),
    ...copy,
    // the deadline was fixed at the center when recorded; what is left is counted here, offline
    complaints: copy.complaints.map((c) => ({ ...c, clock: complaintClock(calendar, c, now) })),
  };
}

/** What the window is told when the center did not take its reply. */
function failureOf(error: unknown): ApiFailure {
  if (!(error instanceof CenterFailure)) throw error;
  // Offline or a center in trouble is `unavailable`, never a refusal: the reply is not sent and
  // may be sent again once the center answers.
  if (error.kind === 'network') {
    return new ApiFailure(
      'unavailable',
      `答复须送达中心，当前无法连接中心（${error.message}）：答复未发送，请联网后再试`,
    );
  }
  const message = error.message;
  switch (error.status) {
    case 400:
      return new ApiFailure('invalid_input', message, { field: 'reply' });
    case 403:
      return new ApiFailure('forbidden', message);
    case 404:
      return new ApiFailure('not_found', message);
    case 409:
      return new ApiFailure('conflict', message);
    default:
      return new ApiFailure('unavailable', `中心暂时无法接收答复：${message}`);
  }
}

/**
 * Sends the window's reply with the device's credentials, naming the signed-in chief or clerk;
 * the center checks they belong to the window the complaint is against. The copy is updated
 * with the center's answer at once.
 */
export async function replyToComplaint(
  t: Terminal,
  session: SessionRecord,
  input: { id: string; reply: string },
): Promise<Complaint> {
  const client = enrolledClient(t, '不能答复投诉');
  let complaint: Complaint;
  try {
    complaint = await client.call('complaints.reply', {
      params: { id: input.id },
      body: { reply: input.reply, staffId: session.actor.userId },
    });
  } catch (error) {
    throw failureOf(error);
  }
  updateCopiedComplaint(t.db, complaint);
  return complaint;
}
