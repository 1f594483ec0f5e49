import type { Transaction } from 'kysely';
import { shanghaiIso } from '../../shared/calendar';
import type { ServerDb } from '../db/schema';
import type { CenterHandlers } from '../http/spec';
import { notFound, signedIn } from './access';
import { enrollmentCodeHash, newEnrollmentCode } from './enrollment-code';
import { findWindow } from './windows';

export const enrollmentCodeHours = 24;

async function issueCode(
  trx: Transaction<ServerDb>,
  windowId: string,
  managerId: string,
  now: Date,
): Promise<{ code: string; expiresAt: string }> {
  if (!(await findWindow(trx, windowId))) throw notFound('窗口');
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

export const enrollmentCodeHandlers = {
  'enrollmentCodes.create': async ({ params, staff }, ctx) => ({
    body: await ctx.db
      .transaction()
      .execute((trx) => issueCode(trx, params.id, signedIn(staff).id, ctx.now())),
  }),
} satisfies Partial<CenterHandlers>;
