import type { Transaction } from 'kysely';
import { z } from 'zod';
import { shanghaiIso } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import { route, type RouteSpec } from '../http/spec';
import { managerOnly, notFound, signedIn } from './access';
import { enrollmentCodeHash, newEnrollmentCode } from './enrollment-code';
import { findWindow, windowIdParams } from './windows';

export const enrollmentCodeHours = 24;

async function issueCode(
  trx: Transaction<ServerDb>,
  windowId: string,
  managerId: string,
  now: Date,
): Promise<{ code: string; expiresAt: string }> {
  if (!(await findWindow(trx, windowId))) throw notFound('窗口', 'window');
  const code = newEnrollmentCode();
  const expiresAt = shanghaiIso(new Date(now.getTime() + enrollmentCodeHours * 3_600_000));
  await trx
    .insertInto('enrollment_codes')
    .values({
      code_hash: enrollmentCodeHash(code),
      window_id: windowId,
      created_by: managerId,
      created_at: shanghaiIso(now),
      expires_at: expiresAt,
      used_at: null,
      device_id: null,
    })
    .execute();
  return { code, expiresAt };
}

export const enrollmentCodeRoutes: RouteSpec[] = [
  route({
    method: 'POST',
    url: '/api/windows/:id/enrollment-codes',
    summary: '生成终端注册码（一次性，24小时内有效）/ issue a one-time enrollment code (24 h)',
    tag: 'devices',
    auth: managerOnly,
    params: windowIdParams,
    response: z.object({ code: z.string(), expiresAt: z.string() }),
    handler: async ({ params, staff }, ctx) => ({
      status: 201,
      body: await ctx.db
        .transaction()
        .execute((trx) => issueCode(trx, params.id, signedIn(staff).id, ctx.now())),
    }),
  }),
];
