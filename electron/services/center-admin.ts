import type { z } from 'zod';
import { centerSignInRule, type CenterStatus } from '../../shared/api/admin-contract';
import { errorBodySchema, type ErrorBody } from '../../shared/sync';
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

export type CenterRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** under the center's base URL; ids already encoded */
  path: string;
  body?: unknown;
  /** where the body sits in the call's input ('closures'), for the fields the center names */
  bodyAt?: string;
  /** the input field a path parameter came from, when its name differs ('windowId') */
  paramAs?: string;
};

/** A path segment from an id the renderer sent: `../` must not walk the center's routes. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

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
      '本终端尚未注册到中心：请先在「终端设置」中用注册码注册本终端，再进行中心管理',
    );
  }
  return url;
}

/** The Chinese half of the center's bilingual messages ('窗口编号已存在: SJ01 / window code …'). */
function chinese(message: string): string {
  return message.split(' / ')[0] ?? message;
}

/** The center's field ('body.0.date', 'params.id') as the field of the call's input. */
function inputField(field: string, request: CenterRequest): string {
  const [where, ...rest] = field.split('.');
  if (where === 'params') return request.paramAs ?? rest.join('.');
  if (where === 'body') return [request.bodyAt, ...rest].filter(Boolean).join('.');
  return field;
}

type Answer = { status: number; json: unknown };

async function send(
  url: string,
  method: CenterRequest['method'],
  body: unknown,
  token: string | null,
): Promise<Answer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `${timeoutMs / 1000} 秒内无应答`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new ApiFailure(
      'not_allowed',
      `无法连接中心（${new URL(url).origin}）：${reason}。请检查网络或稍后再试`,
    );
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  return { status: res.status, json };
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
  void send(`${login.serverUrl}/api/auth/logout`, 'POST', undefined, login.token).catch(() => {});
}

function centerError(json: unknown): ErrorBody['error'] | null {
  const parsed = errorBodySchema.safeParse(json);
  return parsed.success ? parsed.data.error : null;
}

/** The manager's password, checked by the center; the session is kept for this terminal session. */
export async function signIn(
  t: Terminal,
  session: SessionRecord,
  password: string,
): Promise<CenterStatus> {
  const base = requireServer(t);
  const { status, json } = await send(
    `${base}/api/auth/login`,
    'POST',
    { username: username(t, session), password },
    null,
  );
  if (status >= 400) {
    const error = centerError(json);
    const message = error ? chinese(error.message) : `中心返回错误 HTTP ${status}`;
    if (status < 500) throw new ApiFailure('invalid_input', message, { field: 'password' });
    throw new ApiFailure('not_allowed', `中心暂时无法登录：${message}`);
  }
  const login = json as { token?: unknown; staff?: { role?: unknown } } | undefined;
  if (typeof login?.token !== 'string') {
    throw new ApiFailure('not_allowed', '中心的应答无法识别：请确认中心地址');
  }
  // The center decides what this account may do there; a local manager (or supervisor) who is
  // not one at the center would only meet 403 on every tab.
  if (login.staff?.role !== session.actor.role) {
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
 * the call's failure with its Chinese message and the input field it names, so the form shows it
 * where the manager typed; an answer that does not fit `schema` is not passed on.
 */
export async function atCenter<T>(
  t: Terminal,
  session: SessionRecord,
  request: CenterRequest,
  schema: z.ZodType<T>,
): Promise<T> {
  requireServer(t);
  const login = currentLogin(t, session);
  if (!login) {
    throw new ApiFailure('not_allowed', '请先输入密码登录中心', { rule: centerSignInRule });
  }
  const { status, json } = await send(
    `${login.serverUrl}${request.path}`,
    request.method,
    request.body,
    login.token,
  );
  if (status >= 400) throw failure(status, json, request, () => logins.delete(session));
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiFailure('not_allowed', `中心的应答无法识别（${request.path}）：请确认中心版本`);
  }
  return parsed.data;
}

function failure(
  status: number,
  json: unknown,
  request: CenterRequest,
  forgetLogin: () => void,
): ApiFailure {
  const error = centerError(json);
  const message = error ? chinese(error.message) : `中心返回错误 HTTP ${status}`;
  const extra = error?.field ? { field: inputField(error.field, request) } : {};
  switch (status) {
    case 401:
      // the center session ended (12 hours, password reset, account deactivated)
      forgetLogin();
      return new ApiFailure('not_allowed', '中心登录已失效，请重新输入密码', {
        rule: centerSignInRule,
      });
    case 403:
      return new ApiFailure('forbidden', message);
    case 404:
      return new ApiFailure('not_found', message, extra);
    case 409:
      return new ApiFailure('conflict', message, extra);
    default:
      return status < 500
        ? new ApiFailure('invalid_input', message, extra)
        : new ApiFailure('not_allowed', `中心暂时无法处理：${message}`);
  }
}
