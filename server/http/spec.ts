import type { Admission } from '../sync/admission';
import type { FileBackend } from '../files/backend';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Role } from '../../shared/case';
import type {
  CenterCall,
  CenterCallName,
  CenterContract,
  ParsedPart,
  ResponseSent,
  centerContract,
} from '../../shared/center-api';
import type { ServerDb } from '../db/schema';
import type { TerminalClockReport } from '../sync/terminal-clock';

export type Dialect = 'sqlite' | 'postgres';

/** What every handler gets besides its input. Nothing here may hold state that matters across
 * requests: several server processes share one PostgreSQL. */
export type ServerContext = {
  db: Kysely<ServerDb>;
  dialect: Dialect;
  /** the business clock (tests fix it) */
  now: () => Date;
  log: FastifyBaseLogger;
  /** what this request said of the terminal's clock (x-terminal-time); absent: nothing */
  terminalClock?: TerminalClockReport | null;
  /**
   * scrypt's N for staff password hashes; absent: the production cost. Route tests lower it with
   * the hashes they make, so that a sign-in does not take each test's hash up to 128 MiB.
   */
  passwordCost?: number;
  /** the center's data folder (updates, crash reports); null: none given (PostgreSQL, tests) */
  dataDir?: string | null;
  /** issue 18: where the materials' files are kept; null: no data folder and no S3 configured */
  files?: FileBackend | null;
  /** issue 19: this process's pushes at once and in line; absent: none held back */
  pushes?: Admission;
};

/** The enrolled terminal behind a device bearer token. */
export type AuthDevice = {
  id: string;
  windowId: string;
  departmentCode: string;
  terminalNumber: number;
  publicKey: string;
};

/** A window's paired rating device (评价器): it rates for this window only. */
export type AuthRater = {
  windowId: string;
  windowCode: string;
  windowName: string;
  departmentCode: string;
};

/** The staff member behind a session bearer token. */
export type AuthStaff = {
  id: string;
  username: string;
  name: string;
  role: Role;
  windowId: string | null;
  /** the session's key (SHA-256 of its token): sign-out ends this session, not every one */
  sessionId: string;
};

export type HandlerInput<E extends CenterCall> = {
  body: ParsedPart<E, 'body'>;
  query: ParsedPart<E, 'query'>;
  params: ParsedPart<E, 'params'>;
  /** set when auth.kind is 'device' (revoked devices never get this far) */
  device: AuthDevice | null;
  /** set when auth.kind is 'staff' */
  staff: AuthStaff | null;
  /** set when auth.kind is 'rater' */
  rater: AuthRater | null;
  /** the protocol version the client sent (sync calls) */
  protocol: number | null;
  /** the Accept header: a phone scanning a notice's QR code asks for a page, a program for JSON */
  accept: string | null;
  /** the client's address (./address.ts): what the sign-in lockout counts per */
  address: string;
};

/**
 * The answer: `body` as the entry's response schema takes it, with the entry's status unless the
 * handler has another to say (a verification not found is a 404 with its explanation). A call
 * marked `page` may answer a browser with HTML instead.
 */
export type HandlerOutput<E extends CenterCall> =
  | { status?: number; headers?: ResponseHeaders; body: ResponseSent<E> }
  | (E extends { page: true }
      ? { status?: number; headers?: ResponseHeaders; page: string }
      : never)
  | (E extends { file: true }
      ? { status?: number; headers?: ResponseHeaders; file: FileOut }
      : never);

/** A download a `file` call may answer instead of JSON (an export as CSV). */
export type FileOut =
  | { type: string; name: string; text: string }
  /** issue 18: a material's file, sent as its bytes */
  | { type: string; name: string; bytes: Uint8Array };

/** Response headers a handler adds (the public /verify's security headers). */
export type ResponseHeaders = Readonly<Record<string, string>>;

export type Handler<E extends CenterCall> = (
  input: HandlerInput<E>,
  ctx: ServerContext,
) => Promise<HandlerOutput<E>>;

/** One handler per entry of `C`: the compiler demands every one and refuses any other. */
export type Handlers<C extends CenterContract> = { [K in keyof C]: Handler<C[K]> };

export type CenterHandlers = Handlers<typeof centerContract>;
export type CenterHandler<K extends CenterCallName> = CenterHandlers[K];
