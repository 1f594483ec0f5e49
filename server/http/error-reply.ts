import type { ErrorBody } from '../../shared/sync';
import { isUniqueViolation } from '../db/errors';
import { HttpError } from './errors';
import { storageFailure } from '../../node-shared/durability/storage-errors';

export type ErrorReply = { status: number; body: ErrorBody; unexpected: boolean };

const fastifyErrors: Record<
  string,
  { status: number; code: ErrorBody['error']['code']; message: string }
> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: '请求不是有效的 JSON',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: '请求内容过大',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'invalid_input',
    message: '请以 application/json 发送',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_input',
    message: '请求长度与内容不符',
  },
};

/** Whatever a request threw, as the one error shape of shared/sync. */
export function errorReply(error: unknown): ErrorReply {
  if (error instanceof HttpError) {
    return { status: error.status, body: error.body(), unexpected: false };
  }
  const known = fastifyErrors[codeOf(error)];
  if (known) {
    return {
      status: known.status,
      body: { error: { code: known.code, message: known.message } },
      unexpected: false,
    };
  }
  // Two requests raced past the same uniqueness check (two managers, two server processes):
  // the database kept one, the other is told to reload rather than shown a 500.
  if (isUniqueViolation(error)) {
    return {
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: '数据已被同时修改，请刷新后重试',
        },
      },
      unexpected: false,
    };
  }
  // a full disk or a damaged file: named, and logged as unexpected for the operator
  const storage = storageFailure(error);
  if (storage) {
    return {
      status: storage.code === 'disk_full' ? 507 : 503,
      body: { error: storage },
      unexpected: true,
    };
  }
  const status = statusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    return {
      status,
      body: { error: { code: 'invalid_input', message: messageOf(error) } },
      unexpected: false,
    };
  }
  // Never the stack or the SQL: they are in the log, not for the client.
  return {
    status: 500,
    body: { error: { code: 'internal', message: '服务器内部错误' } },
    unexpected: true,
  };
}

function codeOf(error: unknown): string {
  const code: unknown = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function statusOf(error: unknown): number | undefined {
  const status: unknown = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
