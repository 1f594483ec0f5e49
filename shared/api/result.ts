import type { RuleId } from '../case/rule-ids';
import type { ApiErrorCode } from './errors';

// Every call answers with this shape, over IPC and over HTTP alike; a renderer never sees a stack.
// What each code means, and the language of `message`: shared/api/errors.ts.
export type ApiError = {
  code: ApiErrorCode;
  /** Chinese, for people; never starts with the field's name */
  message: string;
  /** the failing input field, dotted (`applicant.idNumber`), for invalid_input */
  field?: string;
  /** the rule that refused: the renderer's English catalogue is keyed by it */
  rule?: RuleId;
};

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
