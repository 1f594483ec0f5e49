import type { StatusOf } from '../../shared/api/errors';
import type { ErrorBody, SyncErrorCode } from '../../shared/sync';

/**
 * Thrown by a handler; the app turns it into `{ error: { code, message, … } }` with `status`.
 * The status must be one the catalogue gives the code (shared/api/errors.ts): the compiler
 * refuses a 403 `conflict`, so a code means the same at every route.
 */
export class HttpError<C extends SyncErrorCode = SyncErrorCode> extends Error {
  // Not typed by C: `instanceof HttpError` sees HttpError<any>, which must not leak `any`.
  readonly status: number;
  readonly code: SyncErrorCode;

  constructor(
    status: StatusOf<C>,
    code: C,
    message: string,
    readonly extra: Omit<ErrorBody['error'], 'code' | 'message'> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}
