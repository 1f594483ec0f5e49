import { z } from 'zod';
import { contract, type ApiResult } from '../../shared/api';
import { databaseStatus } from '../services/database';
import type { TerminalHost } from '../services/host';
import { restoreBackup } from './database-handlers';
import { ApiFailure } from './errors';

const zhCN = z.locales.zhCN().localeError;

/**
 * The API while the database is lost (recovery mode): the recovery screen's two calls, and for
 * every other call one clear refusal — there is no terminal behind them.
 */
export async function dispatchRecovery(
  host: TerminalHost,
  name: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (name === 'database.status') return { ok: true, value: databaseStatus(host) };
  if (name === 'database.restore') {
    const parsed = contract['database.restore'].input.safeParse(rawInput ?? {}, { error: zhCN });
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: parsed.error.issues[0]?.message ?? '输入无效' },
      };
    }
    try {
      return { ok: true, value: await restoreBackup(host, parsed.data.name) };
    } catch (error) {
      if (error instanceof ApiFailure) {
        return { ok: false, error: { code: error.code, message: error.message } };
      }
      console.error('[recovery] restore failed', error);
      return { ok: false, error: { code: 'internal', message: '恢复失败，数据库未改动' } };
    }
  }
  return {
    ok: false,
    error: {
      code: 'database_damaged',
      message: '数据库不可用：请先在「数据库不可用」页面恢复备份或重新注册本机',
    },
  };
}
