import { z } from 'zod';

// Issue 17 part 4: the SMS the center sends the applicant, its provider and its templates.

/**
 * The case events that tell the applicant something, each its own template. The decision is told
 * at its seal (`stamped`), not at `decided`: an unsealed decision may still be reconsidered, and
 * only the sealed one is the decision the applicant can collect (a correction is sealed again,
 * and told again).
 */
export const smsKinds = ['accepted', 'noticeIssued', 'stamped', 'certificateIssued'] as const;
export type SmsKind = (typeof smsKinds)[number];

/** The variables a template may use; the ID number is never one of them. `rateCode` is the
 * notice's verification code: the template holds the center's fixed address and the link ends
 * `/rate/${rateCode}?via=sms` (a rating through the SMS channel). Only a notice whose step can be
 * rated has one. */
export const smsVariables = ['caseNumber', 'itemName', 'result', 'date', 'rateCode'] as const;
/** the notices whose step the applicant can rate at once: acceptance and the sealed decision */
export const smsRateableKinds: readonly SmsKind[] = ['accepted', 'stamped'];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:MM，如 08:00');

const template = z.strictObject({
  /** the template's code registered at the provider (阿里云短信模板 CODE) */
  templateCode: z.string().trim().max(64),
  /** the registered text, with ${caseNumber} ${itemName} ${result} ${date}: what the manager sees */
  text: z
    .string()
    .trim()
    .min(1, '请填写短信内容')
    .max(300, '短信内容不超过300字')
    .refine((t) => [...t.matchAll(/\$\{(\w+)\}/g)].every((v) => isVariable(v[1] ?? '')), {
      message: `只能使用变量 ${smsVariables.map((v) => '${' + v + '}').join(' ')}`,
    }),
});

function isVariable(name: string): boolean {
  return (smsVariables as readonly string[]).includes(name);
}

/** a notice with no step to rate yet (补正, the licence made but not handed over) has no rateCode */
const unrateable = template.refine((t) => !t.text.includes('${rateCode}'), {
  path: ['text'],
  message: '这类短信没有可评价的环节，不能使用 ${rateCode}',
});

const settingsFields = {
  enabled: z.boolean(),
  provider: z.literal('aliyun'),
  /** dysmsapi's address; tests point it at the loopback stand-in */
  endpoint: z.url({ protocol: /^https?$/, error: '请输入以 http(s):// 开头的地址' }).max(200),
  accessKeyId: z.string().trim().max(128),
  /** 短信签名: the provider puts it in 【】 before the text */
  signName: z.string().trim().max(20, '签名不超过20字'),
  /** the sending window, Beijing time: a message due outside it waits for the next opening */
  window: z
    .strictObject({ from: hhmm, to: hhmm })
    .refine((w) => w.from < w.to, { path: ['to'], message: '结束时间须晚于开始时间' }),
  /** sends per message before it is marked failed */
  maxAttempts: z.number().int().min(1).max(10),
  templates: z.strictObject({
    accepted: template,
    noticeIssued: unrateable,
    stamped: template,
    certificateIssued: unrateable,
  }),
};

/** What the manager sends: a blank or absent secret keeps the stored one. */
export const smsSettingsInputSchema = z.strictObject({
  ...settingsFields,
  accessKeySecret: z.string().trim().max(128).optional(),
});
/** What the center answers: never the secret, only whether one is set. */
export const smsSettingsSchema = z.strictObject({ ...settingsFields, secretSet: z.boolean() });
export type SmsSettingsInput = z.infer<typeof smsSettingsInputSchema>;
export type SmsSettings = z.infer<typeof smsSettingsSchema>;

export const smsStatuses = ['queued', 'sending', 'sent', 'failed'] as const;

export const smsMessageSchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  kind: z.enum(smsKinds),
  /** masked: the manager needs to know which message, not the applicant's number */
  phone: z.string(),
  text: z.string(),
  status: z.enum(smsStatuses),
  dueAt: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type SmsMessage = z.infer<typeof smsMessageSchema>;

export const smsListQuerySchema = z.object({ status: z.enum(smsStatuses).optional() });
export const smsIdParams = z.strictObject({ id: z.string().max(64) });
