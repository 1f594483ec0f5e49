import { shanghaiIso } from '../../shared/calendar';
import { ratingGivenSchema, ratingStepOfDocument } from '../../shared/center-api';
import { verifyDocument } from '../cases/verify';
import { HttpError } from '../http/errors';
import type { ServerContext } from '../http/spec';
import { rateCaseStep } from './case-step';

// Issue 17 part 2: the applicant rates a case step on their phone, from the QR code of the notice
// they hold. The code names the document; the case number typed from the same paper is the check
// that the person holds it. Public, so each address may send only so many in a while.

const windowMinutes = 10;
const maxPerWindow = 10;
/**
 * Wrong case numbers a document takes in a day before its phone rating closes: the masked number
 * on /verify leaves few digits to guess, so many addresses guessing one document are stopped by
 * the document, not the address. The applicant can still rate at the window's device.
 */
const maxWrongPerDocument = 5;
const documentKey = (code: string) => `doc:${code}`;

/** Counts a wrong number against the document, or refuses when it had too many today. */
async function wrongNumbers(ctx: ServerContext, code: string, record: boolean): Promise<void> {
  const now = ctx.now();
  const since = shanghaiIso(new Date(now.getTime() - 24 * 3_600_000));
  const wrong = await ctx.db
    .selectFrom('rating_phone_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('address', '=', documentKey(code))
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(wrong.n) >= maxWrongPerDocument) {
    throw new HttpError(
      429,
      'unauthenticated',
      '这份文书的办件编号已多次输入错误，今日暂停在线评价；您可在窗口的评价器上评价',
    );
  }
  if (record) {
    await ctx.db
      .insertInto('rating_phone_attempts')
      .values({ address: documentKey(code), at: shanghaiIso(now) })
      .execute();
  }
}

export async function phoneService(ctx: ServerContext, code: string) {
  const verification = await verifyDocument(ctx, code);
  const step = verification.genuine ? ratingStepOfDocument[verification.kind] : undefined;
  if (!verification.genuine || step === undefined || verification.caseNumber === null) {
    throw new HttpError(404, 'not_found', '未找到可评价的文书，请核对二维码');
  }
  return {
    code: verification.code,
    step,
    kind: verification.kind,
    caseNumber: verification.caseNumber,
  };
}

async function limitAddress(ctx: ServerContext, address: string): Promise<void> {
  const now = ctx.now();
  const since = shanghaiIso(new Date(now.getTime() - windowMinutes * 60_000));
  const recent = await ctx.db
    .selectFrom('rating_phone_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('address', '=', address)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= maxPerWindow) {
    throw new HttpError(429, 'unauthenticated', '提交过于频繁，请稍后再试');
  }
  await ctx.db
    .insertInto('rating_phone_attempts')
    .values({ address, at: shanghaiIso(now) })
    .execute();
}

export type PhoneForm = {
  caseNumber?: string | undefined;
  level?: string | undefined;
  reasons?: string | string[] | undefined;
  comment?: string | undefined;
};

/**
 * The channel the rating is counted in: 短信 only when the center sent this document's link by
 * SMS — `?via=sms` is the applicant's browser's word, and anyone can type it. (The code is
 * Crockford base32 and dashes: nothing in it is a LIKE wildcard.)
 */
async function channelOf(ctx: ServerContext, code: string, via: 'qr' | 'sms') {
  if (via === 'qr') return via;
  const sent = await ctx.db
    .selectFrom('sms_messages')
    .select('id')
    .where('status', '=', 'sent')
    .where('params', 'like', `%"rateCode":"${code}"%`)
    .executeTakeFirst();
  return sent ? 'sms' : 'qr';
}

export async function rateByPhone(
  ctx: ServerContext,
  code: string,
  address: string,
  form: PhoneForm,
  channel: 'qr' | 'sms',
) {
  await limitAddress(ctx, address);
  const service = await phoneService(ctx, code);
  await wrongNumbers(ctx, service.code, false);
  const typed = (form.caseNumber ?? '').trim().toUpperCase();
  if (typed === '')
    throw new HttpError(400, 'invalid_input', '请输入文书上的办件编号', { field: 'caseNumber' });
  if (typed !== service.caseNumber.toUpperCase()) {
    await wrongNumbers(ctx, service.code, true);
    throw new HttpError(400, 'invalid_input', '办件编号与这份文书不符，请核对', {
      field: 'caseNumber',
    });
  }
  const given = ratingGivenSchema.safeParse({
    level: form.level === undefined || form.level === '' ? undefined : Number(form.level),
    reasons: form.reasons === undefined ? [] : [form.reasons].flat(),
    ...(form.comment ? { comment: form.comment } : {}),
  });
  if (!given.success) {
    const issue = given.error.issues[0];
    throw new HttpError(400, 'invalid_input', issue?.message ?? '请选择评价等级', {
      field: String(issue?.path[0] ?? 'level'),
    });
  }
  const counted = await channelOf(ctx, service.code, channel);
  const id = await rateCaseStep(
    ctx,
    service.caseNumber,
    service.step,
    { channel: counted },
    given.data,
  );
  return { id, level: given.data.level };
}
