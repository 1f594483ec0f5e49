import type { ZodType } from 'zod';
import { syncPaths } from '../../shared/center-api';
import {
  deviceStatusResponseSchema,
  enrollResponseSchema,
  errorBodySchema,
  protocolHeader,
  protocolVersion,
  pullResponseSchema,
  pushResponseSchema,
  complaintSchema,
  windowSupervisionSchema,
  type Complaint,
  type ComplaintReplyRequest,
  type DeviceStatusResponse,
  type EnrollRequest,
  type EnrollResponse,
  type ErrorBody,
  type PullRequest,
  type PullResponse,
  type PushResponse,
  type WireEvent,
  type WindowSupervision,
} from '../../shared/sync';

/**
 * Why a request to the center failed. `network`: no answer (down, unplugged, timed out);
 * `http`: an error status, with the center's error body when it sent one; `malformed`: an answer
 * that does not parse with the wire schema (a proxy's page, a mismatched server).
 */
export class SyncFailure extends Error {
  constructor(
    readonly kind: 'network' | 'http' | 'malformed',
    message: string,
    readonly status: number | null = null,
    readonly body: ErrorBody['error'] | null = null,
  ) {
    super(message);
  }
}

export type SyncClient = {
  enroll(request: EnrollRequest): Promise<EnrollResponse>;
  device(): Promise<DeviceStatusResponse>;
  push(events: readonly WireEvent[]): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  /** the department's alerts and complaints, fetched on every round for the window's copy */
  supervision(): Promise<WindowSupervision>;
  /** the window's reply to a complaint, for the chief or clerk signed in at this terminal */
  replyComplaint(id: string, request: ComplaintReplyRequest): Promise<Complaint>;
};

export type ClientOptions = {
  serverUrl: string;
  /** the device's bearer secret; null before enrollment */
  token: string | null;
  /** aborts every request of the client (the engine closing) */
  signal?: AbortSignal;
  timeoutMs?: number;
};

// A push of 1 MB over a poor hall network may take a while; a hung connection must not hold
// the round (and with it every later round) forever.
const defaultTimeoutMs = 30_000;

export function syncClient(opts: ClientOptions): SyncClient {
  // The center may live under a path (https://host/center): keep it, never resolve against it.
  const base = opts.serverUrl.replace(/\/+$/, '');
  async function request<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    schema: ZodType<T>,
  ): Promise<T> {
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? defaultTimeoutMs);
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: {
          [protocolHeader]: String(protocolVersion),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SyncFailure('network', `无法连接中心 (${reason})`);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const parsed = errorBodySchema.safeParse(json);
      const error = parsed.success ? parsed.data.error : null;
      throw new SyncFailure(
        'http',
        error?.message ?? `中心返回错误 HTTP ${res.status}`,
        res.status,
        error,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new SyncFailure(
        'malformed',
        `中心的应答不符合同步协议：${parsed.error.issues[0]?.message ?? ''} (malformed response to ${path})`,
        res.status,
      );
    }
    return parsed.data;
  }
  return {
    enroll: (body) => request('POST', syncPaths.enroll, body, enrollResponseSchema),
    device: () => request('GET', syncPaths.device, undefined, deviceStatusResponseSchema),
    push: (events) => request('POST', syncPaths.push, { events }, pushResponseSchema),
    pull: (req) => request('POST', syncPaths.pull, req, pullResponseSchema),
    supervision: () => request('GET', syncPaths.supervision, undefined, windowSupervisionSchema),
    replyComplaint: (id, req) =>
      request('POST', `/api/complaints/${encodeURIComponent(id)}/reply`, req, complaintSchema),
  };
}
