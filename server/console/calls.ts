import { z } from 'zod';
import {
  contract,
  errorCatalogue,
  type ApiError,
  type ApiErrorCode,
  type ApiResult,
  type Session,
} from '../../shared/api';
import {
  adminRelays,
  inputField,
  isRelayedAdminCall,
  itemDeleteRelay,
  type Relay,
  type RelayFields,
} from '../../shared/api/admin-relay';
import { roleSchema, ruleMessages, type Role } from '../../shared/case';
import { centerContract, type CenterCall } from '../../shared/center-api';
import { readSettings } from '../admin/settings';
import { checkStaffPassword } from '../auth/login';
import { createSession, endSession } from '../auth/sessions';
import { centerHandlers } from '../handlers';
import { authenticate } from '../http/authenticate';
import { errorReply } from '../http/error-reply';
import { HttpError } from '../http/errors';
import type { ErasedHandler } from '../http/register';
import type { ServerContext } from '../http/spec';
import { bearerToken } from '../http/tokens';
import { parseInput } from '../http/validate';

// Part U of issue 16: the center's own browser console. The console is the renderer itself,
// served by the center, and it speaks the renderer's contract (shared/api: the call names, their
// zod schemas, `{ ok, value } | { ok: false, error }`). Here those calls are answered by the
// center's own route handlers, in-process: the same sign-in (lockout first), the same staff
// sessions, the same role rules and validation as at /api — nothing of them is written twice.

/** Who signs in at the console: the center's own staff. A window's staff work at their terminal. */
export const consoleRoles: readonly Role[] = ['manager', 'supervisor'];

const sessionCalls = ['auth.login', 'auth.logout', 'session.current'] as const;
type ConsoleCall = (typeof sessionCalls)[number] | 'admin.items.delete' | keyof typeof adminRelays;

/** The renderer's calls the console answers; every other one (intake, sync, printers …) is not here. */
export function isConsoleCall(name: string): name is ConsoleCall {
  return (
    (sessionCalls as readonly string[]).includes(name) ||
    name === 'admin.items.delete' ||
    isRelayedAdminCall(name)
  );
}

export type ConsoleRequest = {
  name: string;
  input: unknown;
  authorization: string | undefined;
  /** the client's address, what the sign-in lockout counts per */
  address: string;
};

export type ConsoleAnswer = { status: number; result: ApiResult<unknown> };

const zhCN = z.locales.zhCN().localeError;

class ConsoleRefusal extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

/** One call of the renderer's contract, answered at the center. */
export async function consoleCall(req: ConsoleRequest, ctx: ServerContext): Promise<ConsoleAnswer> {
  let relay: RelayFields = {};
  try {
    const { name } = req;
    if (!isConsoleCall(name)) {
      throw new ConsoleRefusal(404, {
        code: 'unknown_call',
        message: `控制台没有这个调用：${name.slice(0, 64)}`,
      });
    }
    const spec = contract[name];
    const parsed = spec.input.safeParse(req.input ?? {}, { error: zhCN });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConsoleRefusal(400, {
        code: 'invalid_input',
        message: issue?.message ?? '输入无效',
        field: issue?.path.map(String).join('.') ?? '',
      });
    }
    const input: unknown = parsed.data;
    if (name === 'auth.login') {
      const { username, password } = input as { username: string; password: string };
      return ok(await signIn(username, password, req.address, ctx));
    }
    // the console's own sign-in rule first, then the renderer's contract's roles for the call; the
    // center's entry checks its own roles again below
    const roles = Array.isArray(spec.access) ? (spec.access as readonly Role[]) : consoleRoles;
    const staff = await authenticateStaff(req.authorization, roles, ctx);
    if (name === 'auth.logout') {
      await endSession(ctx.db, staff.sessionId);
      return ok({});
    }
    if (name === 'session.current') {
      return ok(await sessionOf(staff, bearerToken(req.authorization) ?? '', ctx));
    }
    if (name === 'admin.items.delete') {
      relay = itemDeleteRelay((input as { code: string }).code);
      await atCenter(relay as Relay<unknown>, req, ctx);
      return ok({});
    }
    const next = (adminRelays[name] as (i: unknown) => Relay<unknown>)(input);
    relay = next;
    return ok(await atCenter(next, req, ctx));
  } catch (error) {
    return refusal(error, relay, ctx);
  }
}

function ok(value: unknown): ConsoleAnswer {
  return { status: 200, result: { ok: true, value } };
}

type Staff = { id: string; username: string; name: string; role: Role; sessionId: string };

async function authenticateStaff(
  authorization: string | undefined,
  roles: readonly Role[],
  ctx: ServerContext,
): Promise<Staff> {
  // a window's clerk holding a center session (from /api) is still no console user
  const { staff } = await authenticate(
    { kind: 'staff', roles: consoleRoles },
    authorization,
    ctx.db,
    ctx.now(),
  );
  if (!staff) throw new HttpError(401, 'unauthenticated', '请先登录');
  if (!roles.includes(staff.role)) throw new HttpError(403, 'forbidden', '当前角色无权执行此操作');
  return staff;
}

/**
 * The center's sign-in (checkStaffPassword: the lockout first, one budget with /api/auth/login),
 * then the console's rule: only the center's own staff. A window's clerk with the right password
 * gets no session here — the password was right, so it does not count as a failure.
 */
async function signIn(
  username: string,
  password: string,
  address: string,
  ctx: ServerContext,
): Promise<Session> {
  const staff = await checkStaffPassword(ctx, username, password, address);
  const role = roleSchema.parse(staff.role);
  if (!consoleRoles.includes(role)) {
    throw new HttpError(403, 'forbidden', ruleMessages['console.centerStaffOnly'], {
      rule: 'console.centerStaffOnly',
    });
  }
  const token = await createSession(ctx.db, staff.id, ctx.now());
  return sessionOf({ ...staff, role }, token, ctx);
}

async function sessionOf(
  staff: { id: string; username: string; name: string; role: Role },
  token: string,
  ctx: ServerContext,
): Promise<Session> {
  const { centerName } = await readSettings(ctx.db);
  return {
    token,
    user: { id: staff.id, username: staff.username, name: staff.name, role: staff.role },
    // the console works for the whole center: no window, no department
    window: null,
    department: null,
    centerName,
  };
}

type Sent = { params?: unknown; query?: unknown; body?: unknown };

/**
 * The center call the relay names, run through its own entry: its authentication (the same
 * bearer token), its schemas, its handler, and its answer parsed with its response schema as a
 * terminal's client would. The request goes through JSON first, so the handler sees exactly
 * what it would have seen over the wire.
 */
async function atCenter(
  relay: Relay<unknown>,
  req: ConsoleRequest,
  ctx: ServerContext,
): Promise<unknown> {
  const entry: CenterCall = centerContract[relay.call];
  const handler = (centerHandlers as Record<string, ErasedHandler>)[relay.call];
  if (!handler) throw new Error(`no handler for ${relay.call}`);
  const principal = await authenticate(entry.auth, req.authorization, ctx.db, ctx.now());
  const sent = JSON.parse(JSON.stringify(relay.request ?? {})) as Sent;
  const out = await handler(
    {
      params: entry.params ? parseInput(entry.params, sent.params ?? {}, 'params') : undefined,
      query: entry.query ? parseInput(entry.query, sent.query ?? {}, 'query') : undefined,
      body: entry.body ? parseInput(entry.body, sent.body, 'body') : undefined,
      ...principal,
      protocol: null,
      accept: 'application/json',
      address: req.address,
    },
    ctx,
  );
  if (!('body' in out)) throw new Error(`${relay.call} answered a page to the console`);
  return entry.response.parse(out.body);
}

const apiCodes: ReadonlySet<string> = new Set<ApiErrorCode>([
  'invalid_input',
  'invalid_json',
  'payload_too_large',
  'unknown_call',
  'unauthenticated',
  'forbidden',
  'not_allowed',
  'not_found',
  'conflict',
  'unavailable',
  'internal',
  'disk_full',
  'database_damaged',
]);

/** A center code the renderer's contract does not have, as the one of its kind it does. */
const codeOfKind: Record<string, ApiErrorCode> = {
  invalid: 'invalid_input',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  unavailable: 'unavailable',
  internal: 'internal',
};

/**
 * Whatever the call threw, as the renderer's error: the center's message, rule and status (a
 * lockout stays 429), its field named as the call's input names it.
 */
export function refusal(error: unknown, relay: RelayFields, ctx: ServerContext): ConsoleAnswer {
  if (error instanceof ConsoleRefusal)
    return { status: error.status, result: { ok: false, error: error.error } };
  const { status, body, unexpected } = errorReply(error);
  if (unexpected) ctx.log.error({ err: error }, 'console call failed');
  const { code, message, field, rule } = body.error;
  const apiCode = apiCodes.has(code)
    ? (code as ApiErrorCode)
    : (codeOfKind[errorCatalogue[code].kind] ?? 'internal');
  return {
    status,
    result: {
      ok: false,
      error: {
        code: apiCode,
        message,
        ...(field ? { field: inputField(field, relay) } : {}),
        ...(rule ? { rule } : {}),
      },
    },
  };
}
