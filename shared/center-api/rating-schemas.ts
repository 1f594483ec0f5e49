import { z } from 'zod';
import { refinePeriod } from '../calendar';
import { isBadRating } from '../case';
import type { CaseDocumentKind } from '../documents';
import { typedText } from '../text';

// Issue 17, part 2: 好差评 by the applicant (国办发〔2019〕51号, GB/T 39734-2020). The applicant rates
// a service once (一次一评) — a ticket served at a window, or a step of a case — at the window's
// rating device (评价器), through the notice's QR code, or by an SMS link; staff only key in a
// signed paper form (代录), counted apart. Levels keep the case log's scale (`rated`):
// 1 非常满意 … 5 非常不满意.

export const ratingServiceKinds = ['ticket', 'acceptance', 'decision', 'delivery'] as const;
export type RatingServiceKind = (typeof ratingServiceKinds)[number];
/** the case steps a notice's QR code and a paper form rate */
export const caseRatingSteps = ['acceptance', 'decision', 'delivery'] as const;
export type CaseRatingStep = (typeof caseRatingSteps)[number];

/** The notices whose QR code leads to a rating, and the step of the case each one rates. */
export const ratingStepOfDocument: Partial<Record<CaseDocumentKind, CaseRatingStep>> = {
  acceptance: 'acceptance',
  decision: 'decision',
  certificate: 'delivery',
  delivery: 'delivery',
};

export const ratingServiceLabels: Readonly<Record<RatingServiceKind, string>> = {
  ticket: '窗口服务',
  acceptance: '受理',
  decision: '审批决定',
  delivery: '送达',
};

export const ratingChannels = ['device', 'qr', 'sms', 'paper'] as const;
export type RatingChannel = (typeof ratingChannels)[number];

export const ratingChannelLabels: Readonly<Record<RatingChannel, string>> = {
  device: '评价器',
  qr: '扫码',
  sms: '短信',
  paper: '代录',
};

/** The reasons a bad rating picks from: a fixed list, so that they can be counted. */
export const ratingReasons = [
  '办事效率低',
  '服务态度差',
  '一次性告知不到位',
  '政策不清晰',
  '多次跑动',
  '其他',
] as const;

/** What the applicant gives, whatever the channel. */
export const ratingGivenSchema = z
  .strictObject({
    level: z
      .number({ message: '请选择评价等级' })
      .int()
      .min(1, '请选择评价等级')
      .max(5, '请选择评价等级'),
    reasons: z
      .array(z.enum(ratingReasons, { message: '请从列出的原因中选择' }))
      .max(6)
      .default([]),
    comment: typedText({ max: 200, lines: true }).optional(),
  })
  .superRefine((r, ctx) => {
    if (isBadRating(r.level) && r.reasons.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: '请选择不满意的原因' });
    }
    if (!isBadRating(r.level) && r.reasons.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: '只有不满意的评价才选择原因' });
    }
  });
export type RatingGiven = z.infer<typeof ratingGivenSchema>;

// ---- the window's rating device --------------------------------------------------------------

const windowCode = z.string().trim().min(1, '请输入窗口编号').max(16);

/** A pairing code the manager issues for one window, typed once on its rating device. */
export const pairingCodeSchema = z.object({
  windowCode: z.string(),
  code: z.string(),
  expiresAt: z.string(),
});

export const pairDeviceSchema = z.strictObject({
  windowCode,
  code: z.string().trim().min(1, '请输入配对码').max(16),
});

/** The device's bearer token, kept in its browser's localStorage. */
export const pairedDeviceSchema = z.object({
  token: z.string(),
  windowCode: z.string(),
  windowName: z.string(),
});
export type PairedDevice = z.infer<typeof pairedDeviceSchema>;

/** What the rating device shows: a welcome, or the service just finished to rate. */
export const ratingPromptSchema = z.object({
  windowCode: z.string(),
  windowName: z.string(),
  service: z
    .object({
      serviceKind: z.enum(ratingServiceKinds),
      serviceId: z.string(),
      /** null for a case step done without a ticket */
      ticketNumber: z.string().nullable(),
      finishedAt: z.string(),
    })
    .nullable(),
});
export type RatingPrompt = z.infer<typeof ratingPromptSchema>;

export const deviceRatingSchema = z.strictObject({
  serviceId: z.string().min(1).max(64),
  rating: ratingGivenSchema,
});

/** The rating device's thanks: nothing but that it was kept. */
export const ratingKeptSchema = z.object({ id: z.string(), level: z.number().int() });

// ---- staff: 代录, appeals, follow-ups --------------------------------------------------------

/** A signed paper rating form keyed in by staff (代录): its number is unique. */
export const paperRatingSchema = z.strictObject({
  formNumber: z.string().trim().min(1, '请输入评价表编号').max(32),
  caseNumber: z.string().trim().min(1, '请输入办件编号').max(40),
  step: z.enum(caseRatingSteps, { message: '请选择评价的环节' }),
  rating: ratingGivenSchema,
});
export type PaperRating = z.infer<typeof paperRatingSchema>;

export const ratingIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const appealRatingSchema = z.strictObject({
  reason: typedText({ required: '请写明申诉理由', max: 500, lines: true, words: '请写明申诉理由' }),
});

export const decideAppealSchema = z.strictObject({
  upheld: z.boolean(),
  note: typedText({ required: '请写明裁定理由', max: 500, lines: true }),
});

export const followUpMethods = ['phone', 'visit'] as const;
export const followUpMethodLabels: Readonly<Record<(typeof followUpMethods)[number], string>> = {
  phone: '电话回访',
  visit: '上门回访',
};

export const followUpSchema = z.strictObject({
  contactedBy: typedText({ required: '请输入回访人', max: 50 }),
  contactedAt: z.iso.datetime({ offset: true, message: '请输入回访时间' }),
  method: z.enum(followUpMethods, { message: '请选择回访方式' }),
  result: typedText({ required: '请写明回访结果', max: 500, lines: true }),
  rectification: typedText({ max: 500, lines: true }).optional(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** A rating as the manager and the supervisor see it: the applicant is never named. */
export const ratingRecordSchema = z.object({
  id: z.string(),
  serviceKind: z.enum(ratingServiceKinds),
  channel: z.enum(ratingChannels),
  formNumber: z.string().nullable(),
  level: z.number().int().min(1).max(5),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
  ratedAt: z.string(),
  departmentCode: z.string(),
  windowCode: z.string().nullable(),
  staffName: z.string().nullable(),
  caseNumber: z.string().nullable(),
  itemName: z.string().nullable(),
  ticketNumber: z.string().nullable(),
  /** false once an appeal against it was upheld: it stays on record, out of the counts */
  counted: z.boolean(),
  /** a paper form (代录) of a service the applicant also rated: kept, not counted */
  superseded: z.boolean(),
  appeal: z
    .object({
      reason: z.string(),
      appealedAt: z.string(),
      decision: z.enum(['upheld', 'rejected']).nullable(),
      decisionNote: z.string().nullable(),
      decidedAt: z.string().nullable(),
    })
    .nullable(),
  followUp: z
    .object({
      dueDate: z.string(),
      rectificationDue: z.string(),
      contactedBy: z.string().nullable(),
      contactedAt: z.string().nullable(),
      /** when the manager recorded it, by the center's clock */
      recordedAt: z.string().nullable(),
      method: z.enum(followUpMethods).nullable(),
      result: z.string().nullable(),
      rectification: z.string().nullable(),
    })
    .nullable(),
});
export type RatingRecord = z.infer<typeof ratingRecordSchema>;

const day = z.iso.date('日期须形如 2026-03-02');

export const ratingPeriodSchema = z
  .strictObject({
    from: day,
    to: day,
    department: z.string().trim().min(1).max(16).optional(),
  })
  .superRefine(refinePeriod);
export type RatingPeriod = z.infer<typeof ratingPeriodSchema>;

export const ratingListSchema = z.object({ ratings: z.array(ratingRecordSchema) });

// ---- the window's terminal, with its device credentials (本窗口评价) ---------------------------

const staffId = z.string().min(1).max(64);

/** A period of the terminal's own department: the device says which department. */
export const terminalPeriodSchema = z
  .strictObject({ from: day, to: day })
  .superRefine(refinePeriod);

/** The window's ratings of a period, for the member signed in at its terminal. */
export const windowRatingsQuerySchema = z
  .strictObject({ from: day, to: day, staffId })
  .superRefine(refinePeriod);

/** The member signed in at the terminal appeals a rating of the window. */
export const windowAppealSchema = appealRatingSchema.extend({ staffId });

const count = z.number().int().nonnegative();
const levelCounts = z.object({ '1': count, '2': count, '3': count, '4': count, '5': count });

/**
 * The department's 好差评 figures: the applicant's own ratings by level and their 差评 rate;
 * 代录 and ratings appealed away counted apart, never in the levels.
 */
export const ratingReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  department: z.string().nullable(),
  levels: levelCounts,
  total: count,
  bad: count,
  badRate: z.number().min(0).max(1).nullable(),
  paper: z.object({ levels: levelCounts, total: count }),
  appealedAway: count,
  appealsWaiting: count,
  followUpsOpen: count,
  /** open follow-ups whose due day has passed (the center's today) */
  followUpsOverdue: count,
});
export type RatingReport = z.infer<typeof ratingReportSchema>;

// ---- the phone page behind a notice's QR code --------------------------------------------------

export const phoneRatingParams = z.strictObject({ code: z.string().min(1).max(64) });

/** `?via=sms`: the page was opened from the link in an SMS (the national 短信 channel); anything
 * else is the notice's QR code. A stray value is not an error on a public page. */
export const phoneRatingQuery = z.object({ via: z.string().max(16).optional() });
export const ratingChannelOfPage = (via: string | undefined) => (via === 'sms' ? 'sms' : 'qr');

/**
 * The phone page's form as sent: every field as typed, checked by the handler with
 * `ratingGivenSchema` so that a mistake comes back on the page, in words, not as a JSON error.
 */
export const phoneRatingFormSchema = z.object({
  caseNumber: z.string().max(64).optional(),
  level: z.string().max(4).optional(),
  reasons: z.union([z.string().max(32), z.array(z.string().max(32)).max(12)]).optional(),
  comment: z.string().max(1000).optional(),
});

/** What the phone page rates: the step of the case the scanned notice belongs to. */
export const phoneRatingSchema = z.object({
  code: z.string(),
  step: z.enum(caseRatingSteps),
  document: z.string(),
});

// ---- export and the provincial push ----------------------------------------------------------

/**
 * A rating in the data items GB/T 39734-2020 names for 好差评 (service, channel, level, reasons,
 * time, window, staff, case), keyed in English for JSON with the Chinese column titles for CSV.
 * The same object is what the provincial push sends.
 */
export const ratingExportFields = [
  ['ratingId', '评价编号'],
  ['serviceKind', '服务类型'],
  ['itemCode', '事项编码'],
  ['itemName', '事项名称'],
  ['caseNumber', '办件编号'],
  ['ticketNumber', '排队号'],
  ['channel', '评价渠道'],
  ['level', '评价等级'],
  ['levelName', '评价等级名称'],
  ['reasons', '差评原因'],
  ['comment', '评价内容'],
  ['ratedAt', '评价时间'],
  ['departmentCode', '部门编码'],
  ['departmentName', '部门名称'],
  ['windowCode', '窗口编号'],
  ['windowName', '窗口名称'],
  ['staffId', '工作人员编号'],
  ['staffName', '工作人员'],
  ['formNumber', '代录评价表编号'],
  ['appeal', '申诉结果'],
] as const;

const cell = z.string().nullable();
export const ratingExportRowSchema = z.object({
  ratingId: z.string(),
  serviceKind: z.string(),
  itemCode: cell,
  itemName: cell,
  caseNumber: cell,
  ticketNumber: cell,
  channel: z.string(),
  level: z.number().int(),
  levelName: z.string(),
  reasons: z.array(z.string()),
  comment: cell,
  ratedAt: z.string(),
  departmentCode: z.string(),
  departmentName: cell,
  windowCode: cell,
  windowName: cell,
  staffId: cell,
  staffName: cell,
  formNumber: cell,
  /** null: none; 申诉成立 (out of the counts) or 申诉驳回 */
  appeal: cell,
});
export type RatingExportRow = z.infer<typeof ratingExportRowSchema>;

export const ratingExportQuerySchema = z
  .strictObject({
    from: day,
    to: day,
    department: z.string().trim().min(1).max(16).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .superRefine(refinePeriod);

export const ratingExportSchema = z.object({
  from: z.string(),
  to: z.string(),
  ratings: z.array(ratingExportRowSchema),
});

/** The center's 好差评 settings; the push key is never read back, only whether one is set. */
export const ratingSettingsSchema = z.strictObject({
  followUpDays: z.number().int().min(1, '回访期限至少1个工作日').max(15, '回访期限最多15个工作日'),
  pushUrl: z.url({ protocol: /^https?$/, message: '请输入 http(s) 地址' }).nullable(),
  /** absent: keep the key as it is; null: remove it */
  pushKey: z.string().min(16, '密钥至少16个字符').max(256).nullable().optional(),
});
export const ratingSettingsViewSchema = z.object({
  followUpDays: z.number().int(),
  pushUrl: z.string().nullable(),
  pushKeySet: z.boolean(),
});

/** The provincial push as the manager watches it: what waits, and what failed and why. */
export const ratingPushStatusSchema = z.object({
  configured: z.boolean(),
  pushed: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  failing: z.array(
    z.object({
      ratingId: z.string(),
      attempts: z.number().int(),
      error: z.string(),
      nextAttemptAt: z.string().nullable(),
    }),
  ),
});
