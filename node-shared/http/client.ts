import {
  callPath,
  type CallRequest,
  type CenterCall,
  type CenterContract,
  type ResponseParsed,
} from '../../shared/center-api';
import {
  centerTimeHeader,
  clockCorrectionHeader,
  errorBodySchema,
  headerTime,
  protocolHeader,
  protocolVersion,
  terminalTimeHeader,
  type ClockSample,
  type ErrorBody,
} from '../../shared/sync';

// The one JSON client of the center's API, for the terminal's sync engine and the manager's relay
// alike: the request comes from the call's contract entry, the answer is parsed with its schema,
// and a failure says which kind it is, because callers must treat them differently — a terminal
// retries `network` and `unavailable` later, records an `http` refusal, and never trusts a
// `malformed` answer (a captive portal's page, a center of another release).

/**
 * `network`: no answer (down, unplugged, timed out); `unavailable`: the center answered 5xx;
 * `http`: the center refused the request (4xx), with its error body when it sent one;
 * `malformed`: an answer that does not parse with the call's response schema.
 */
export type FailureKind = 'network' | 'unavailable' | 'http' | 'malformed';

export class CenterFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null = null,
    readonly body: ErrorBody['error'] | null = null,
    /** issue 19: a busy center's Retry-After, in milliseconds; null: none said */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3), capped at ten minutes. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header.trim()) * 1000 : null;
  const at = seconds === null ? Date.parse(header) : NaN;
  const ms = seconds ?? (Number.isNaN(at) ? null : Math.max(0, at - now));
  return ms === null ? null : Math.min(ms, 10 * 60_000);
}

// part U (issue 16): the request's type lives with the contract, so the center's console can
// build the same requests in-process
export type { CallRequest };

export type ClientOptions = {
  /** the center's address; it may live under a path (https://host/center) */
  baseUrl: string;
  /** a device token or a staff session token; null: an anonymous call */
  token: string | null;
  timeoutMs: number;
  /** aborts the request with the caller (an engine closing): reported as `network` */
  signal?: AbortSignal;
  /** a terminal's clock: sent with each request, and measured against the center's answer */
  clock?: TerminalClock;
  /** part C (issue 15): headers read afresh for each request (the terminal's report of itself) */
  headers?: () => Record<string, string>;
};

/**
 * The terminal's side of time you can trust: its own clock (tests inject it) goes out in
 * `x-terminal-time`; a manager-acknowledged correction in `x-terminal-clock-correction`; each
 * answer's `x-center-time` comes back to `onSample` with the send and answer times, so the
 * round trip can be taken out of the offset.
 */
export type TerminalClock = {
  now: () => Date;
  correctionMs?: number | null;
  onSample?: (sample: ClockSample) => void;
};

/** The URL of a call: the base kept as it is, each parameter one encoded segment. */
export function callUrl(
  baseUrl: string,
  call: CenterCall,
  params: unknown,
  query?: unknown,
): string {
  const base = baseUrl.replace(/\/+$/, '');
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    // a query carries scalars only; an object would travel as '[object Object]'
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new Error(`${call.path}: query parameter ${name} is not a scalar`);
    }
    search.set(name, String(value));
  }
  const text = search.toString();
  return `${base}${callPath(call, params)}${text ? `?${text}` : ''}`;
}

/** One call to the center. Throws CenterFailure; returns the answer as the schema parsed it. */
export async function request<E extends CenterCall>(
  call: E,
  sent: CallRequest<E>,
  opts: ClientOptions,
): Promise<ResponseParsed<E>> {
  const res = await send(call, sent, opts);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  if (!res.ok) throw refusal(res, json);
  const parsed = call.response.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = (issue?.path ?? []).join('.');
    throw new CenterFailure(
      'malformed',
      `中心对 ${call.method} ${call.path} 的应答不符合接口约定${at ? `（${at}）` : ''}：${issue?.message ?? ''}`,
      res.status,
    );
  }
  return parsed.data as ResponseParsed<E>;
}

/** A `file` call's download (issue 18: a material's file), as bytes. Throws CenterFailure. */
export async function download<E extends CenterCall>(
  call: E,
  sent: CallRequest<E>,
  opts: ClientOptions,
): Promise<Buffer> {
  const res = await send(call, sent, opts);
  if (!res.ok) {
    const json: unknown = await res.json().catch(() => undefined);
    throw refusal(res, json);
  }
  try {
    return Buffer.from(await res.arrayBuffer());
  } catch (error) {
    throw new CenterFailure('network', `下载中断：${why(error, opts, call.method)}`);
  }
}

function refusal(res: Response, json: unknown): CenterFailure {
  const parsed = errorBodySchema.safeParse(json);
  const error = parsed.success ? parsed.data.error : null;
  return new CenterFailure(
    res.status >= 500 ? 'unavailable' : 'http',
    error?.message ?? `中心返回错误 HTTP ${res.status}`,
    res.status,
    error,
    retryAfterMs(res.headers.get('retry-after')),
  );
}

/** The request itself, its clock sample taken: the answer's body is the caller's to read. */
async function send<E extends CenterCall>(
  call: E,
  sent: CallRequest<E>,
  opts: ClientOptions,
): Promise<Response> {
  const url = callUrl(opts.baseUrl, call, sent.params, sent.query);
  // issue 18: a file's chunk travels as its bytes, everything else as JSON
  const body =
    sent.body === undefined
      ? undefined
      : call.bytes
        ? (sent.body as Uint8Array<ArrayBuffer>)
        : JSON.stringify(sent.body);
  const contentType = call.bytes ? 'application/octet-stream' : 'application/json';
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  const clock = opts.clock;
  const sentAt = clock?.now().getTime() ?? 0;
  try {
    res = await fetch(url, {
      method: call.method,
      headers: {
        ...(call.protocol ? { [protocolHeader]: String(protocolVersion) } : {}),
        ...(clock ? { [terminalTimeHeader]: new Date(sentAt).toISOString() } : {}),
        ...(clock?.correctionMs != null
          ? { [clockCorrectionHeader]: String(Math.round(clock.correctionMs)) }
          : {}),
        ...(body === undefined ? {} : { 'content-type': contentType }),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers?.(),
      },
      ...(body === undefined ? {} : { body }),
      signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
    });
  } catch (error) {
    throw new CenterFailure(
      'network',
      `无法连接中心（${new URL(url).origin}）：${why(error, opts, call.method)}`,
    );
  }
  const centerTime = headerTime(res.headers.get(centerTimeHeader));
  // any answer measures the clock, a refusal too: the center read its clock to send it
  if (clock?.onSample && centerTime !== null) {
    clock.onSample({ sentAt, answeredAt: clock.now().getTime(), centerTime });
  }
  return res;
}

// fetch says only 'fetch failed'; the socket's error code under it is what a person can act on
const socketErrors: Readonly<Record<string, string>> = {
  ECONNREFUSED: '连接被拒绝',
  ECONNRESET: '连接被中断',
  // the center closed a kept-alive connection as it went down
  UND_ERR_SOCKET: '连接被中断',
  ENOTFOUND: '找不到该地址',
  EAI_AGAIN: '域名暂时无法解析',
  EHOSTUNREACH: '网络不可达',
  ENETUNREACH: '网络不可达',
  ETIMEDOUT: '连接超时',
};

function why(error: unknown, opts: ClientOptions, method: string): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    // the request left: a slow center may still have done it, and doing it again may do it twice
    return method === 'GET'
      ? `${opts.timeoutMs / 1000} 秒内无应答`
      : `${opts.timeoutMs / 1000} 秒内无应答，本次操作可能已在中心完成：请先刷新核对，再决定是否重做`;
  }
  if (opts.signal?.aborted) return '已取消';
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const code = cause instanceof Error ? (cause as Error & { code?: unknown }).code : undefined;
  const known = typeof code === 'string' ? socketErrors[code] : undefined;
  if (known) return `${known} (${String(code)})`;
  return cause instanceof Error ? cause.message : error.message;
}

/** A client bound to one contract and one set of options: `client.call('sync.push', { body })`. */
export function jsonClient<C extends CenterContract>(contract: C, opts: ClientOptions) {
  return {
    call<K extends keyof C & string>(
      name: K,
      sent: CallRequest<C[K]>,
    ): Promise<ResponseParsed<C[K]>> {
      return request(contract[name], sent, opts);
    },
  };
}
export type JsonClient<C extends CenterContract> = ReturnType<typeof jsonClient<C>>;
