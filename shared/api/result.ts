// Every call answers with this shape, over IPC and over HTTP alike; a renderer never sees a stack.
export type ApiErrorCode =
  | 'invalid_input'
  | 'invalid_json'
  | 'payload_too_large'
  | 'unknown_call'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_allowed'
  | 'not_found'
  | 'conflict'
  /** the center did not answer, or answered 5xx: offline is never a refusal */
  | 'unavailable'
  | 'internal';

export type ApiError = {
  code: ApiErrorCode;
  message: string;
  /** the failing input field, dotted (`applicant.idNumber`), for invalid_input */
  field?: string;
  /** the case rule that forbade the command, for not_allowed */
  rule?: string;
};

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
