import type { ApiError, ApiErrorCode } from '../../shared/api';

/** A failure the caller should see as is; anything else thrown by a handler is `internal`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: Pick<ApiError, 'field' | 'rule'> = {},
  ) {
    super(message);
  }
}
