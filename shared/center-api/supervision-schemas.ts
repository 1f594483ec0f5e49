import { z } from 'zod';
import { complaintChannels, complaintConclusions } from '../reports/complaints';
import { alertSchema } from '../sync';

// Electronic supervision at the center: alerts and what was done about them, public complaints.

export const alertQuerySchema = z.strictObject({
  status: z.enum(['open', 'acknowledged', 'escalated']).optional(),
  department: z.string().trim().min(1).max(16).optional(),
  window: z.string().trim().min(1).max(64).optional(),
  case: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const alertActionSchema = z.strictObject({
  action: z.enum(['acknowledged', 'escalated']),
  comment: z.string().trim().min(1, '请填写处理意见').max(1000),
});
export type AlertAction = z.infer<typeof alertActionSchema>;

/** An alert with every action taken on it, in order (appended, never edited). */
export const alertDetailSchema = alertSchema.extend({
  actions: z.array(
    z.object({
      action: z.string(),
      comment: z.string(),
      by: z.object({ id: z.string(), name: z.string() }),
      at: z.string(),
    }),
  ),
});
export type AlertDetail = z.infer<typeof alertDetailSchema>;

export const alertIdParams = z.object({ id: z.string().min(1) });
export const complaintIdParams = z.object({ id: z.string().min(1).max(64) });

export const complaintListQuerySchema = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  department: z.string().trim().min(1).max(16).optional(),
  window: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}字`)
    .optional()
    .transform((s) => (s ? s : null));

export const complaintCreateSchema = z
  .strictObject({
    windowId: z.string().trim().min(1).max(64).nullable().optional(),
    /** the number printed on the applicant's notice, as the complainant quotes it */
    caseNumber: z.string().trim().max(64).optional(),
    complainantName: optionalText(50, '投诉人姓名'),
    complainantPhone: z
      .string()
      .trim()
      .regex(/^$|^[0-9+\-() ]{5,20}$/, '联系电话格式不正确')
      .optional()
      .transform((s) => (s ? s : null)),
    channel: z.enum(complaintChannels, {
      error: '投诉渠道须为 现场、电话、网上 或 信件',
    }),
    content: z
      .string({ error: '请填写投诉内容' })
      .trim()
      .min(1, '请填写投诉内容')
      .max(2000, '投诉内容不能超过2000字'),
  })
  .refine((b) => Boolean(b.windowId) || Boolean(b.caseNumber), {
    message: '请指明被投诉的窗口或办件',
    path: ['windowId'],
  });
export type ComplaintCreate = z.infer<typeof complaintCreateSchema>;

export const complaintCloseSchema = z.strictObject({
  conclusion: z.enum(complaintConclusions, {
    error: '请选择结论：属实、不属实 或 部分属实',
  }),
  comment: z.string().trim().max(1000, '办结意见不能超过1000字').optional(),
});
export type ComplaintClose = z.infer<typeof complaintCloseSchema>;
