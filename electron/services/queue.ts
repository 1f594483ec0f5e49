import { centerContract, type WindowAction, type WindowQueue } from '../../shared/center-api';
import { jsonClient, type JsonClient } from '../../node-shared/http/client';
import { ruleMessages } from '../../shared/case';
import { ApiFailure } from '../api/errors';
import { openSecret } from '../store/device';
import { getSetting } from '../store/reference';
import { isEnrolled, syncKeys } from '../store/sync-state';
import { CenterFailure } from '../sync/client';
import type { Terminal } from './context';
import type { SessionRecord } from './sessions';

// Issue 17: the hall's queue at this window. The center owns the queue, so every action goes to
// it at once with the device's credentials; nothing is queued offline — a ticket called by a PC
// that could not reach the center would be called again by another window. Offline, the window
// receives applicants without a ticket (walk-ins), and its panel says so.

/** A clerk waits at the counter for the answer: a hung center must not hold the button long. */
const requestTimeoutMs = 10_000;

/**
 * The center as this terminal's device, for a call that must reach it now. `what` names the
 * action in the refusal of a PC that is not enrolled.
 */
export function enrolledClient(t: Terminal, what: string): JsonClient<typeof centerContract> {
  const serverUrl = getSetting<string>(t.db, syncKeys.server);
  const sealed = getSetting<string>(t.db, syncKeys.deviceToken);
  if (!isEnrolled(t.db) || !serverUrl || !sealed) {
    throw new ApiFailure('not_allowed', `${ruleMessages['terminal.notEnrolled']}，${what}`, {
      rule: 'terminal.notEnrolled',
    });
  }
  return jsonClient(centerContract, {
    baseUrl: serverUrl,
    token: openSecret(sealed, t.keyProtector),
    timeoutMs: requestTimeoutMs,
  });
}

/** Whether a failed call never reached a center able to answer (so: not a refusal). */
export function isCenterUnreachable(error: CenterFailure): boolean {
  return error.kind === 'network' || (error.status ?? 500) >= 500;
}

/**
 * Offline is `unavailable`, in `offline`'s words (what the window can still do); the center's
 * refusals as they are, bad input on the one typed `field` of the call.
 */
export function centerCallFailure(
  error: unknown,
  offline: (reason: string) => string,
  field: string,
): ApiFailure {
  if (!(error instanceof CenterFailure)) throw error;
  if (isCenterUnreachable(error)) return new ApiFailure('unavailable', offline(error.message));
  switch (error.status) {
    case 400:
      return new ApiFailure('invalid_input', error.message, { field });
    case 403:
      return new ApiFailure('forbidden', error.message);
    case 404:
      return new ApiFailure('not_found', error.message);
    default:
      return new ApiFailure('conflict', error.message);
  }
}

const queueOffline = (reason: string) =>
  `叫号服务暂不可用（无法连接中心：${reason}）。可直接受理未取号的群众，办件照常保存、联网后同步`;

export async function windowQueue(t: Terminal): Promise<WindowQueue> {
  const client = enrolledClient(t, '不能使用叫号');
  try {
    return await client.call('queue.window', {});
  } catch (error) {
    throw centerCallFailure(error, queueOffline, 'note');
  }
}

export async function queueAct(
  t: Terminal,
  session: SessionRecord,
  act: WindowAction,
): Promise<WindowQueue> {
  const client = enrolledClient(t, '不能使用叫号');
  try {
    return await client.call('queue.act', { body: { staffId: session.actor.userId, act } });
  } catch (error) {
    throw centerCallFailure(error, queueOffline, 'note');
  }
}
