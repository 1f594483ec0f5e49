import { shanghaiIso } from '../../shared/calendar';
import { enrollmentCodeHash, newEnrollmentCode } from '../admin/enrollment-code';
import { notFound } from '../admin/access';
import { HttpError } from '../http/errors';
import type { ServerContext } from '../http/spec';
import { newBearerToken, sha256Hex } from '../http/tokens';

// Issue 17, part 2: a window's rating device (评价器) is paired once. Anyone on the hall's network
// can open /hall/?rate=SJ01, so the page alone must not be able to rate: the manager issues a
// one-time code for the window, typed once on the tablet, which gets a bearer token for that
// window only. Pairing again replaces the window's token — the old tablet is out.

const pairingMinutes = 30;
/** wrong codes typed for one window before its open code is void: it cannot be guessed */
const maxFailures = 5;

async function windowByCode(ctx: ServerContext, code: string) {
  const window = await ctx.db
    .selectFrom('windows')
    .select(['id', 'code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!window) throw notFound(`窗口 ${code} `);
  return window;
}

export async function issuePairingCode(ctx: ServerContext, windowCode: string) {
  const window = await windowByCode(ctx, windowCode);
  const code = newEnrollmentCode();
  const expiresAt = shanghaiIso(new Date(ctx.now().getTime() + pairingMinutes * 60_000));
  const row = { code_hash: enrollmentCodeHash(code), expires_at: expiresAt, failures: 0 };
  await ctx.db
    .insertInto('rating_pairings')
    .values({ window_id: window.id, ...row })
    .onConflict((oc) => oc.column('window_id').doUpdateSet(row))
    .execute();
  return { windowCode: window.code, code, expiresAt };
}

export async function pairDevice(ctx: ServerContext, windowCode: string, code: string) {
  const window = await windowByCode(ctx, windowCode);
  const now = shanghaiIso(ctx.now());
  const pairing = await ctx.db
    .selectFrom('rating_pairings')
    .selectAll()
    .where('window_id', '=', window.id)
    .executeTakeFirst();
  if (!pairing || pairing.expires_at <= now || pairing.failures >= maxFailures) {
    throw new HttpError(401, 'unauthenticated', '配对码无效或已过期，请向管理员重新索取');
  }
  const codeHash = enrollmentCodeHash(code);
  if (pairing.code_hash !== codeHash) {
    // outside any transaction: the count must outlive the refusal
    await ctx.db
      .updateTable('rating_pairings')
      .set((eb) => ({ failures: eb('failures', '+', 1) }))
      .where('window_id', '=', window.id)
      .execute();
    throw new HttpError(401, 'unauthenticated', '配对码不正确');
  }
  return ctx.db.transaction().execute(async (trx) => {
    // the code pairs one device once: of two tablets typing it at once, one deletes the row
    const used = await trx
      .deleteFrom('rating_pairings')
      .where('window_id', '=', window.id)
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    if (Number(used.numDeletedRows) !== 1) {
      throw new HttpError(401, 'unauthenticated', '配对码已被使用，请向管理员重新索取');
    }
    const token = newBearerToken();
    const row = { token_hash: sha256Hex(token), paired_at: now };
    await trx
      .insertInto('rating_devices')
      .values({ window_id: window.id, ...row })
      .onConflict((oc) => oc.column('window_id').doUpdateSet(row))
      .execute();
    return { token, windowCode: window.code, windowName: window.name };
  });
}
