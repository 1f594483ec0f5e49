import { z, type ZodType } from 'zod';
import { HttpError } from './errors';

// zod's built-in messages in Chinese, like every message the center answers with; the field
// travels in `field` (shared/api/errors.ts has the language policy).
const zhCN = z.locales.zhCN().localeError;

/**
 * Parses one part of a request; the first problem becomes a 400 naming its field as a dotted path
 * under `where` ('body.items.0.code'), so a form can put the message next to the right input.
 */
export function parseInput<T>(schema: ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value, { error: zhCN });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [where, ...(issue?.path ?? []).map(String)].join('.');
  throw new HttpError(400, 'invalid_input', issue?.message ?? '输入无效', {
    field,
  });
}
