import { centerSignInRule, type CenterStatus } from '../../shared/api/admin-contract';
import type { ApiError } from '../../shared/api';
import { ruleMessages } from '../../shared/case';
import { centerContract, type CenterCallName, type CenterEntry } from '../../shared/center-api';
import { inputField, type Relay, type RelayFields as Fields } from '../../shared/api/admin-relay';
import { CenterFailure, request, type CallRequest } from '../../node-shared/http/client';
import { ApiFailure } from '../api/errors';
import { getSetting, getStaff } from '../store/reference';
import { isEnrolled, syncKeys } from '../store/sync-state';
import type { SessionRecord } from './sessions';
import type { Terminal } from './context';

// The manager administers the center from the terminal: main holds a center session for them and
// relays each call to the center's HTTP API. The renderer never reaches the center (its CSP
// allows only this process), and the center's bearer token never leaves main.

type CenterLogin = { serverUrl: string; token: string };

// Keyed by the terminal session itself: when that session ends (sign-out, idle, restart) nothing
// holds the record any more, and the center token goes with it. Memory only — a bearer token on a
// shared hall PC's disk would outlive the manager's sign-out.
const logins = new WeakMap<SessionRecord, CenterLogin>();

// A hall network that drops packets must not leave the manager's form spinning for minutes.
const timeoutMs = 15_000;

function serverUrl(t: Terminal): string | null {
  return getSetting<string>(t.db, syncKeys.server) ?? null;
}

function username(t: Terminal, session: SessionRecord): string {
  const staff = getStaff(t.db, session.actor.userId);
  if (!staff) throw new ApiFailure('unauthenticated', '账号不存在');
  return staff.username;
}

function currentLogin(t: Terminal, session: SessionRecord): CenterLogin | null {
  const login = logins.get(session);
  // re-enrolled with another center since: that token means nothing there
  return login && login.serverUrl === serverUrl(t) ? login : null;
}

export function centerStatus(t: Terminal, session: SessionRecord): CenterStatus {
  return {
    serverUrl: serverUrl(t),
    enrolled: isEnrolled(t.db),
    signedIn: currentLogin(t, session) !== null,
    username: username(t, session),
  };
}

function requireServer(t: Terminal): string {
  const url = serverUrl(t);
  if (!url) {
    throw new ApiFailure(
      'not_allowed',
      `${ruleMessages['terminal.notEnrolled']}：请先在「终端设置」中用注册码注册本终端，再进行中心管理`,
      { rule: 'terminal.notEnrolled' },
    );
  }
  return url;
}

/** The rule the center refused by, for the renderer's English; absent when no rule refused. */
function ruleOf(error: CenterFailure): Pick<ApiError, 'rule'> {
  return error.body?.rule ? { rule: error.body.rule } : {};
}

/**
 * Signs the manager out at the center too when they sign out here, so the center's token does
 * not stay valid for its 12 hours after the manager left the PC. Best effort: an unreachable
 * center lets the token lapse by itself, and the sign-out here must never wait for it.
 */
export function endCenterSession(session: SessionRecord | null): void {
  const login = session ? logins.get(session) : undefined;
  if (!session || !login) return;
  logins.delete(session);
  void request(
    centerContract['auth.logout'],
    {},
    { baseUrl: login.serverUrl, token: login.token, timeoutMs },
  ).catch(() => {});
}

/** The manager's password, checked by the center; the session is kept for this terminal session. */
export async function signIn(
  t: Terminal,
  session: SessionRecord,
  password: string,
): Promise<CenterStatus> {
  const base = requireServer(t);
  const login = await request(
    centerContract['auth.login'],
    { body: { username: username(t, session), password } },
    { baseUrl: base, token: null, timeoutMs },
  ).catch((error: unknown) => {
    // the center's rule (wrong password, locked, deactivated) lets the renderer say which in
    // English; `unauthenticated` would sign the manager out of this terminal for a center password
    if (error instanceof CenterFailure && error.kind === 'http') {
      throw new ApiFailure('invalid_input', error.message, {
        field: 'password',
        ...ruleOf(error),
      });
    }
    throw unreachable(error);
  });
  // The center decides what this account may do there; a local manager (or supervisor) who is
  // not one at the center would only meet 403 on every tab.
  if (login.staff.role !== session.actor.role) {
    throw new ApiFailure(
      'forbidden',
      session.actor.role === 'supervisor'
        ? '此账号在中心不是监察人员，不能查看电子监察'
        : '此账号在中心不是管理人员，不能进行中心管理',
    );
  }
  logins.set(session, { serverUrl: base, token: login.token });
  return centerStatus(t, session);
}

/**
 * One administration call at the center as the signed-in manager. The center's refusal becomes
 * the call's failure with its message, its rule and the input field it names, so the form shows
 * it where the manager typed; an answer that does not fit the call's response schema is not passed
 * on. A center that cannot be reached is `unavailable`, never a refusal: the manager retries.
 */
export async function atCenter<O>(
  t: Terminal,
  session: SessionRecord,
  relay: Relay<O>,
): Promise<O> {
  requireServer(t);
  const login = currentLogin(t, session);
  if (!login) {
    throw new ApiFailure('not_allowed', '请先输入密码登录中心', { rule: centerSignInRule });
  }
  // relayTo checked `request` against this very entry, and `O` is what its schema parses to
  const answer = await request(
    centerContract[relay.call],
    relay.request as CallRequest<CenterEntry<CenterCallName>>,
    { baseUrl: login.serverUrl, token: login.token, timeoutMs },
  ).catch((error: unknown) => {
    throw failure(error, relay, () => logins.delete(session));
  });
  return answer as O;
}

/** What the manager reads when the center did not answer, answered 5xx, or answered nonsense. */
export const unavailableMessage = '中心暂时无法连接，请稍后重试';

function unreachable(error: unknown): unknown {
  if (!(error instanceof CenterFailure)) return error;
  const detail =
    error.kind === 'malformed'
      ? '中心的应答无法识别，请确认中心地址和版本'
      : // the center's own words say what failed there; without them the client already names it
        error.kind === 'unavailable' && error.body
        ? `中心返回错误：${error.message}`
        : error.message;
  return new ApiFailure('unavailable', `${unavailableMessage}。${detail}`);
}

function failure(error: unknown, fields: Fields, forgetLogin: () => void): unknown {
  if (!(error instanceof CenterFailure) || error.kind !== 'http') return unreachable(error);
  const extra = {
    ...(error.body?.field ? { field: inputField(error.body.field, fields) } : {}),
    ...ruleOf(error),
  };
  switch (error.status) {
    case 401:
      // the center session ended (12 hours, password reset, account deactivated)
      forgetLogin();
      return new ApiFailure('not_allowed', '中心登录已失效，请重新输入密码', {
        rule: centerSignInRule,
      });
    case 403:
      return new ApiFailure('forbidden', error.message, ruleOf(error));
    case 404:
      return new ApiFailure('not_found', error.message, extra);
    case 409:
      return new ApiFailure('conflict', error.message, extra);
    default:
      return new ApiFailure('invalid_input', error.message, extra);
  }
}
