import { z } from 'zod';
import { roleSchema } from '../../shared/case';

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名 / username required').max(64),
  password: z.string().min(1, '请输入密码 / password required').max(256),
});

export const staffSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  windowId: z.string().nullable(),
});

export const loginResponseSchema = z.object({
  /** `Authorization: Bearer <token>` for the next 12 hours */
  token: z.string(),
  staff: staffSummarySchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
