import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { ZodType } from 'zod';
import type { Role } from '../../shared/case';
import type { ServerDb } from '../db/schema';

export type Dialect = 'sqlite' | 'postgres';

/** What every handler gets besides its input. Nothing here may hold state that matters across
 * requests: several server processes share one PostgreSQL. */
export type ServerContext = {
  db: Kysely<ServerDb>;
  dialect: Dialect;
  /** the business clock (tests fix it) */
  now: () => Date;
  log: FastifyBaseLogger;
};

/** The enrolled terminal behind a device bearer token. */
export type AuthDevice = {
  id: string;
  windowId: string;
  departmentCode: string;
  terminalNumber: number;
  publicKey: string;
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

export type Auth =
  { kind: 'none' } | { kind: 'device' } | { kind: 'staff'; roles: readonly Role[] };

export type HandlerInput<B, Q, P> = {
  body: B;
  query: Q;
  params: P;
  /** set when auth.kind is 'device' (revoked devices never get this far) */
  device: AuthDevice | null;
  /** set when auth.kind is 'staff' */
  staff: AuthStaff | null;
  /** the protocol version the client sent (sync routes) */
  protocol: number | null;
  /** the Accept header: a phone scanning a notice's QR code asks for a page, a program for JSON */
  accept: string | null;
};

export type HandlerOutput = { status?: number; body: unknown; contentType?: string };

/**
 * One HTTP call: the app validates params, query and body with these zod schemas (400 with the
 * field on failure), resolves auth (401/403), and the OpenAPI description is generated from the
 * same table. Adding a call is one RouteSpec.
 */
export type RouteSpec<B = unknown, Q = unknown, P = unknown> = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  auth: Auth;
  /** sync routes demand the protocol header (426 when unsupported) */
  protocol?: boolean;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  response: ZodType;
  /** bytes; the app default is 1 MB plus envelope */
  bodyLimit?: number;
  handler: (input: HandlerInput<B, Q, P>, ctx: ServerContext) => Promise<HandlerOutput>;
};

/** Erases a spec's input types so specs of different calls sit in one table. */
export function route<B, Q, P>(spec: RouteSpec<B, Q, P>): RouteSpec {
  return spec as unknown as RouteSpec;
}
