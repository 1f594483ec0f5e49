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

export async function rateByPhone(
  ctx: ServerContext,
  code: string,
  address: string,
  form: PhoneForm,
  channel: 'qr' | 'sms',
) {
  await limitAddress(ctx, address);
  const service = await phoneService(ctx, code);
  const typed = (form.caseNumber ?? '').trim().toUpperCase();
  if (typed === '')
    throw new HttpError(400, 'invalid_input', '请输入文书上的办件编号', { field: 'caseNumber' });
  if (typed !== service.caseNumber.toUpperCase()) {
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
  const id = await rateCaseStep(ctx, service.caseNumber, service.step, { channel }, given.data);
  return { id, level: given.data.level };
}
