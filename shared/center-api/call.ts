import type { z, ZodType } from 'zod';
import type { Role } from '../case';

// The shape of one call of the center's HTTP API. The server binds a handler to it, the
// terminal builds its request from it and parses the answer with it, and /openapi.json describes
// it: one entry, so the three cannot disagree.

/**
 * Who may call: anyone, an enrolled terminal (device bearer token), signed-in staff, or a
 * window's paired rating device (its own bearer token: it can rate for that window and no more).
 */
export type CenterAuth =
  | { kind: 'none' }
  | { kind: 'device' }
  | { kind: 'staff'; roles: readonly Role[] }
  | { kind: 'rater' };

export type CenterCall = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** under the center's base URL; `:name` is a path parameter of `params` */
  path: string;
  summary: string;
  tag: string;
  auth: CenterAuth;
  /** sync calls carry the protocol header (the center answers 426 when it no longer speaks it) */
  protocol?: boolean;
  params?: ZodType;
  query?: ZodType;
  body?: ZodType;
  /** the answer of a successful call, with `status` */
  response: ZodType;
  /** 201 for a call that creates something; 200 otherwise */
  status?: 200 | 201;
  /** bytes; the center's default is a push's limit plus its envelope */
  bodyLimit?: number;
  /**
   * The body is a file's raw bytes (application/octet-stream), at most `maxBytes`, not JSON
   * (issue 18: a chunk of a material's file). The handler gets a Buffer.
   */
  bytes?: { maxBytes: number };
  /** a browser (Accept: text/html) gets an HTML page instead of `response` (a phone scanning a QR) */
  page?: boolean;
  /** the call may answer a download (an export as CSV) instead of `response` */
  file?: boolean;
};

export type CenterContract = Readonly<Record<string, CenterCall>>;

type Part<E extends CenterCall, P extends 'params' | 'query' | 'body'> = E[P] extends ZodType
  ? E[P]
  : undefined;

/** A part of a request as the center's handler gets it: parsed (defaults applied). */
export type ParsedPart<E extends CenterCall, P extends 'params' | 'query' | 'body'> =
  Part<E, P> extends ZodType ? z.output<Part<E, P>> : undefined;

/** A part of a request as a caller sends it. */
export type SentPart<E extends CenterCall, P extends 'params' | 'query' | 'body'> =
  Part<E, P> extends ZodType ? z.input<Part<E, P>> : undefined;

/** What the center answers, before the caller's parse (what a handler must produce). */
export type ResponseSent<E extends CenterCall> = z.input<E['response']>;

/** What the caller holds after parsing the answer with the call's response schema. */
export type ResponseParsed<E extends CenterCall> = z.output<E['response']>;

type Given<E extends CenterCall, P extends 'params' | 'body'> = E[P] extends ZodType
  ? { [Q in P]: z.input<E[P]> }
  : { [Q in P]?: undefined };

/** What a caller sends for a call: its path parameters, query and body, as its entry types them. */
export type CallRequest<E extends CenterCall> = Given<E, 'params'> &
  Given<E, 'body'> & { query?: E['query'] extends ZodType ? z.input<E['query']> : undefined };
