import type { ErrorBody, SyncErrorCode } from '../../shared/sync';

/** Thrown by a handler; the app turns it into `{ error: { code, message, … } }` with `status`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: SyncErrorCode,
    message: string,
    readonly extra: Omit<ErrorBody['error'], 'code' | 'message'> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}
