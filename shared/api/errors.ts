// The one error catalogue of OneWindow. Every failure the terminal's API (IPC, and web.ts over
// HTTP) or the center's HTTP API answers with carries one of these codes; the code's kind says
// what the person at the window can do about it, and the status is what it travels with over
// HTTP. The terminal answers `ApiErrorCode`s, the center `syncErrorCodes` (shared/sync/wire.ts):
// both are subsets of this table, so a code means the same on both sides.
//
// Kinds, and what each asks of the person:
// - invalid          the request is wrong: correct the input (the `field` says where)
// - unauthenticated  nobody is signed in, the session ended, or the password is wrong: sign in
// - forbidden        this person, this role or a rule of the case refuses it: retrying will not help
// - not_found        what was asked for is not there (any more)
// - conflict         someone changed the same record first: reload, then decide again
// - unavailable      the other side cannot be reached or cannot serve now; nothing was refused,
//                    nothing is lost: try again later. Never reported as forbidden — a network
//                    failure shown as 「无权操作」 sends the manager looking for a permission
// - internal         a bug: the log has the detail, the person only learns it was not done
//
// Language policy: `message` is Chinese, one sentence for the person at the window, never prefixed
// with a field name (the field travels in `field`), and the failure carries the machine-readable
// part — the code always, the case rule in `rule` when a rule refused. Main and the center write
// Chinese only; when the UI is English the renderer shows English from its own catalogue, keyed by
// the rule id (or by the code when no rule refused), and keeps the Chinese message as the detail
// (renderer/i18n/errors.ts). No bilingual "中文 / English" strings: a second language in every
// message doubles what each side must keep in step and still leaves the renderer to pick one.

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'internal';

export const errorCatalogue = {
  // malformed or unacceptable input; 405: not a POST to the terminal's web API; 415: not JSON
  invalid_input: { kind: 'invalid', statuses: [400, 405, 415] },
  invalid_json: { kind: 'invalid', statuses: [400] },
  payload_too_large: { kind: 'invalid', statuses: [413] },
  // the terminal's API was called by a name the contract does not have
  unknown_call: { kind: 'invalid', statuses: [404] },
  // an event whose content does not match its hash (400), or that does not continue the device's
  // chain (409, with the center's last sequence number)
  chain_broken: { kind: 'invalid', statuses: [400, 409] },
  bad_signature: { kind: 'invalid', statuses: [400] },
  // 429: too many wrong passwords in a row, the account waits before it may try again
  unauthenticated: { kind: 'unauthenticated', statuses: [401, 429] },
  forbidden: { kind: 'forbidden', statuses: [403] },
  // a case rule refused the command (the rule id comes with it); 409 because it is the case's
  // state or the actor's role that refuses, not the shape of the input
  not_allowed: { kind: 'forbidden', statuses: [409] },
  device_revoked: { kind: 'forbidden', statuses: [403] },
  not_found: { kind: 'not_found', statuses: [404] },
  enrollment_expired: { kind: 'not_found', statuses: [410] },
  conflict: { kind: 'conflict', statuses: [409] },
  enrollment_used: { kind: 'conflict', statuses: [409] },
  // the center already holds events up to `lastSeq`; the terminal resends from there
  sequence_gap: { kind: 'conflict', statuses: [409] },
  chain_forked: { kind: 'conflict', statuses: [409] },
  // the center is unreachable, timed out or answered 5xx (the terminal reports it; the center
  // answers 500 internal for its own bugs)
  unavailable: { kind: 'unavailable', statuses: [503] },
  // terminal and center speak protocols too far apart: the terminal keeps queueing until one of
  // them is updated
  protocol_unsupported: { kind: 'unavailable', statuses: [426] },
  internal: { kind: 'internal', statuses: [500] },
  // ---- part B of issue 15 (durability) ----
  // the disk is full: nothing was written (the transaction rolled back); the same step succeeds
  // once space is freed. Never 「内部错误」: IT must know to free space, not to look for a bug
  disk_full: { kind: 'unavailable', statuses: [507] },
  // the database is damaged: it is open read-only (reads still answer) or not at all; a backup
  // must be restored before anything can be written
  database_damaged: { kind: 'unavailable', statuses: [503] },
  // ---- issue 18 (materials as files) ----
  // a file whose bytes do not hash to its name, or are not a kind a case carries: thrown away
  file_mismatch: { kind: 'invalid', statuses: [422] },
} as const satisfies Record<string, { kind: ErrorKind; statuses: readonly [number, ...number[]] }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** The HTTP statuses a code may travel with: the center's `HttpError` is checked against them. */
export type StatusOf<C extends ErrorCode> = (typeof errorCatalogue)[C]['statuses'][number];

/** The codes the terminal's API answers with, over IPC and over HTTP alike. */
export type ApiErrorCode = Extract<
  ErrorCode,
  | 'invalid_input'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unknown_call'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_allowed'
  | 'not_found'
  | 'conflict'
  | 'unavailable'
  | 'internal'
  | 'disk_full'
  | 'database_damaged'
>;

/** The status a code travels with by default (web.ts; the center names its own when it has two). */
export function errorStatus(code: ErrorCode): number {
  return errorCatalogue[code].statuses[0];
}
