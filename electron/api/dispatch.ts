import { z } from 'zod';
import {
  contract,
  isCallName,
  type ApiResult,
  type CallName,
  type CallOutput,
  type ParsedInput,
} from '../../shared/api';
import { RuleViolation, ruleMessages } from '../../shared/case';
import type { SessionRecord } from '../services/sessions';
import type { Terminal } from '../services/context';
import type { TerminalHost } from '../services/host';
import { getStaff } from '../store/reference';
import { ApiFailure } from './errors';
import { storageFailure } from '../../node-shared/durability/storage-errors';

// What a locked session may still do (issue 16 point 8): unlock with its password, sign out (a
// different person signs in instead), and report input or the lock (which change nothing of
// the lock). Everything else is refused here, in main, so a script in the page cannot read past
// the lock screen by calling the API itself.
const callsWhileLocked: ReadonlySet<CallName> = new Set<CallName>([
  'session.unlock',
  'session.activity',
  'session.lock',
  'auth.logout',
]);

export type HandlerContext = {
  terminal: Terminal;
  session: SessionRecord | null;
  /** the token the session was obtained with, so logout can end exactly that session */
  token: string | null;
  /** what runs the terminal: restoring a backup replaces it (absent in tests that need none) */
  host?: TerminalHost;
};

export type Handler<K extends CallName> = (
  input: ParsedInput<K>,
  ctx: HandlerContext & {
    session: (typeof contract)[K]['access'] extends 'public' ? SessionRecord | null : SessionRecord;
  },
) => CallOutput<K> | Promise<CallOutput<K>>;

export type Handlers = { [K in CallName]: Handler<K> };

// zod's own messages in Chinese like every other (shared/api/errors.ts); passed per call, as a
// global z.config() would change every other schema in the process.
const zhCN = z.locales.zhCN().localeError;

// The field travels in `field`, never in the message: the message is for the person, and a
// form shows it next to the input it names.
function firstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? '输入无效' };
}

/**
 * The one way into the terminal's services, for IPC and HTTP alike: parse the input with the
 * contract's schema (the renderer is untrusted), check who may call, run the named handler, and
 * turn every failure into a result the renderer can show — never a stack trace.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  ctx: HandlerContext,
): Promise<ApiResult<unknown>> {
  try {
    if (!isCallName(name)) throw new ApiFailure('unknown_call', `未知的调用：${name.slice(0, 64)}`);
    const spec = contract[name];
    if (spec.access !== 'public') {
      if (!ctx.session) throw new ApiFailure('unauthenticated', '请先登录');
      // A session outlives nothing about its account: deactivated or given another role, the
      // staff member is signed out at their next call.
      const staff = getStaff(ctx.terminal.db, ctx.session.actor.userId);
      if (!staff || !staff.active || staff.role !== ctx.session.actor.role) {
        ctx.terminal.sessions.close(ctx.token);
        throw new ApiFailure('unauthenticated', '账号已变更，请重新登录');
      }
      if (ctx.session.locked && !callsWhileLocked.has(name)) {
        throw new ApiFailure('forbidden', ruleMessages['screenLock.locked'], {
          rule: 'screenLock.locked',
        });
      }
      if (Array.isArray(spec.access) && !spec.access.includes(ctx.session.actor.role)) {
        throw new ApiFailure('forbidden', '当前角色无权执行此操作');
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {}, { error: zhCN });
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      throw new ApiFailure('invalid_input', message, { field });
    }
    const handler = handlers[name] as (input: unknown, ctx: HandlerContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiFailure) {
      return { ok: false, error: { code: error.code, message: error.message, ...error.extra } };
    }
    if (error instanceof RuleViolation) {
      return {
        ok: false,
        error: { code: 'not_allowed', message: error.message, rule: error.rule },
      };
    }
    // the transaction rolled back: nothing half-written, and the person learns why
    const storage = storageFailure(error);
    ctx.terminal.log.error({ err: error, call: name, code: storage?.code }, 'api call failed');
    if (storage) return { ok: false, error: storage };
    return {
      ok: false,
      error: { code: 'internal', message: '内部错误，操作未执行' },
    };
  }
}
