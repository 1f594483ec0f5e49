import { centerContract, type SealKeyRegistration } from '../../shared/center-api';
import type {
  DeviceStatusResponse,
  EnrollRequest,
  EnrollResponse,
  PullRequest,
  PullResponse,
  PushResponse,
  ReadmitRequest,
  ReadmitResponse,
  WireEvent,
  WindowSupervision,
} from '../../shared/sync';
import { download, jsonClient, type TerminalClock } from '../../node-shared/http/client';
import type { FileState } from '../../shared/center-api/files-contract';
import type { SignedReceipt } from '../../shared/archive/receipt';

export { CenterFailure } from '../../node-shared/http/client';

export type SyncClient = {
  enroll(request: EnrollRequest): Promise<EnrollResponse>;
  device(): Promise<DeviceStatusResponse>;
  push(events: readonly WireEvent[]): Promise<PushResponse>;
  pull(request: PullRequest): Promise<PullResponse>;
  /** the department's alerts and complaints, fetched on every round for the window's copy */
  supervision(): Promise<WindowSupervision>;
  /** a chief's seal key, with the chief's password (issue 13) */
  registerSealKey(request: SealKeyRegistration): Promise<{ keyId: string; registeredAt: string }>;
  /** part A of issue 15: taken back as the same device after the center lost it */
  readmit(request: ReadmitRequest): Promise<ReadmitResponse>;
  /** issue 18: which files the center holds, and where an upload resumes */
  filesHave(files: { sha256: string; bytes: number }[]): Promise<FileState[]>;
  uploadChunk(sha256: string, offset: number, total: number, chunk: Uint8Array): Promise<FileState>;
  fetchFile(sha256: string): Promise<Buffer>;
  /** review of issue 18: the center's signed receipt of a case, for its archive */
  receipt(caseId: string, manifestSha256: string): Promise<SignedReceipt>;
};

export type ClientOptions = {
  serverUrl: string;
  /** the device's bearer secret; null before enrollment */
  token: string | null;
  /** aborts every request of the client (the engine closing) */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** this PC's clock, sent with every request and measured against every answer */
  clock?: TerminalClock;
  /** part C (issue 15): what the terminal says of itself on every request */
  headers?: () => Record<string, string>;
};

// A push of 1 MB over a poor hall network may take a while; a hung connection must not hold
// the round (and with it every later round) forever.
const defaultTimeoutMs = 30_000;

/** The terminal's side of sync, with its device credentials. Throws CenterFailure. */
export function syncClient(opts: ClientOptions): SyncClient {
  const clientOpts = {
    baseUrl: opts.serverUrl,
    token: opts.token,
    timeoutMs: opts.timeoutMs ?? defaultTimeoutMs,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.headers ? { headers: opts.headers } : {}),
  };
  const center = jsonClient(centerContract, clientOpts);
  return {
    enroll: (body) => center.call('sync.enroll', { body }),
    device: () => center.call('sync.device', {}),
    push: (events) => center.call('sync.push', { body: { events: [...events] } }),
    pull: (body) => center.call('sync.pull', { body }),
    supervision: () => center.call('sync.supervision', {}),
    registerSealKey: (body) => center.call('seal.register', { body }),
    readmit: (body) => center.call('sync.readmit', { body }),
    filesHave: async (files) => (await center.call('files.have', { body: { files } })).files,
    uploadChunk: (sha256, offset, total, chunk) =>
      center.call('files.upload', { params: { sha256 }, query: { offset, total }, body: chunk }),
    receipt: (caseId, manifest) =>
      center.call('cases.receipt', { params: { caseId }, query: { manifest } }),
    fetchFile: (sha256) =>
      download(centerContract['files.get'], { params: { sha256 } }, clientOpts),
  };
}
