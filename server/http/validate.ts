import { z, type ZodType } from 'zod';
import { HttpError } from './errors';

// zod's built-in messages come in both languages, Chinese first like every message a user sees;
// a schema's own bilingual message (e.g. '窗口编号须形如 SJ01 / …') is kept as written.
const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;
const bilingual: z.core.$ZodErrorMap = (issue) => {
  const a = messageOf(zh(issue));
  const b = messageOf(en(issue));
  return a && b && a !== b ? `${a} / ${b}` : (a ?? b);
};

function messageOf(result: ReturnType<z.core.$ZodErrorMap>): string | undefined {
  if (typeof result === 'string') return result;
  return result?.message;
}

/**
 * Parses one part of a request; the first problem becomes a 400 naming its field as a dotted path
 * under `where` ('body.items.0.code'), so a form can put the message next to the right input.
 */
export function parseInput<T>(schema: ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value, { error: bilingual });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [where, ...(issue?.path ?? []).map(String)].join('.');
  throw new HttpError(400, 'invalid_input', issue?.message ?? '输入无效 / invalid input', {
    field,
  });
}
