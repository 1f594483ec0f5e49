import { z } from 'zod';
import { typedText } from '../text';
import { defaultThresholds, refineTypedDay } from '../calendar';
import { roleSchema } from '../case';
import { windowPowersSchema } from '../catalog';
import { closureSchema, windowSchema } from '../sync';
import { deviceHealthSchema } from './operations-schemas';

// What the manager's administration calls send and get back. The center validates with these; the
// terminal's relay parses the center's answers with the same ones.

// ---- sign-in -------------------------------------------------------------------------------

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const loginResponseSchema = z.object({
  /** `Authorization: Bearer <token>` for the next 12 hours */
  token: z.string(),
  staff: z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    role: roleSchema,
    windowId: z.string().nullable(),
  }),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** The answer of a call that only has to say it was done. */
export const doneSchema = z.strictObject({ ok: z.literal(true) });

// ---- staff and windows ---------------------------------------------------------------------

const passwordSchema = z.string().min(8, '密码至少8位').max(128, '密码至多128位');

const staffFields = {
  name: typedText({ required: '请输入姓名', max: 50 }),
  role: roleSchema,
  windowId: z.string().min(1).nullable().default(null),
};
export const newStaffSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{2,32}$/, '用户名为2–32位字母、数字或 ._-'),
  ...staffFields,
  /** signs in at the center only: a manager or supervisor whose hash no window PC receives */
  centerOnly: z.boolean().default(false),
  password: passwordSchema,
});
// centerOnly left out keeps what the member had: a client of an earlier release, which does not
// know the field, never hands a center-only account's hash to the terminals by editing its name
export const staffChangeSchema = z.strictObject({
  ...staffFields,
  centerOnly: z.boolean().optional(),
});
export type StaffChange = z.infer<typeof staffChangeSchema>;
export const passwordResetSchema = z.strictObject({ password: passwordSchema });

export const staffSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: roleSchema,
  windowId: z.string().nullable(),
  active: z.boolean(),
  centerOnly: z.boolean(),
});
export type StaffSummary = z.infer<typeof staffSummarySchema>;

// The window's name prints in the header of its notices: typed text (issue 15). windowSchema
// itself is the wire's and stays lenient, so a name stored before still pulls.
const windowName = typedText({ required: '请输入窗口名称', max: 50 });
export const newWindowSchema = windowSchema.omit({ id: true }).extend({ name: windowName });
/** Code and name only: the window's devices, cases and powers belong to its department. */
export const windowChangeSchema = windowSchema
  .pick({ code: true, name: true })
  .extend({ name: windowName });
export type WindowChange = z.infer<typeof windowChangeSchema>;

export const enrollmentCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });

// ---- devices -------------------------------------------------------------------------------

export const deviceSummarySchema = z.object({
  id: z.string(),
  window: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  label: z.string(),
  terminalNumber: z.number().int(),
  enrolledAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSeq: z.number().int(),
  /** the latest measurement of its clock against the center's (issue 13 point 4); null: none */
  clock: z.object({ offsetMs: z.number(), measuredAt: z.string(), skewed: z.boolean() }).nullable(),
  /** part A of issue 15: the latest re-admission after a restore or a revocation; null: none */
  readmittedAt: z.string().nullable(),
  /** part C (issue 15): what the terminal last said of itself, and its crash reports */
  health: deviceHealthSchema,
});
export type DeviceSummary = z.infer<typeof deviceSummarySchema>;

// ---- catalog and calendar ------------------------------------------------------------------

/** What a window is delegated for one item (授权). */
export const grantSchema = windowPowersSchema.omit({ windowId: true });
export type Grant = z.infer<typeof grantSchema>;
export const grantsSchema = z.array(grantSchema).max(1000);

/** The closures as stored and answered: a reason stored before issue 15 still reads. */
export const storedClosuresSchema = z.array(closureSchema).max(1000);
// The reason prints on the public notice of the closure: typed text as entered (issue 15), while
// closureSchema reads the pulled calendar leniently.
// A closure stops the legal clocks: one in 1990 would break the calendar (it starts in 2000) at
// every terminal that pulls it. The handler bounds it from above with the center's today.
export const closuresSchema = z
  .array(
    closureSchema.extend({
      date: closureSchema.shape.date.superRefine(refineTypedDay),
      reason: typedText({ required: '请写明闭馆原因', max: 100 }),
    }),
  )
  .max(1000);

/** A year's official table as the manager entered it (issue 14 point 12). */
export const officialYearRecordSchema = z.object({
  year: z.number().int(),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type OfficialYearRecord = z.infer<typeof officialYearRecordSchema>;
export const officialYearRecordsSchema = z.array(officialYearRecordSchema);

/** One running clock whose printed deadline the current calendar moves. */
export const deadlineChangeSchema = z.object({
  clock: z.enum(['completeness', 'promised', 'statutory', 'delivery']),
  label: z.string(),
  from: z.string(),
  to: z.string(),
});
/** An open case whose printed deadlines differ between its pinned calendar and the current one. */
export const calendarChangeSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  windowId: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  pinnedVersion: z.string(),
  currentVersion: z.string(),
  changes: z.array(deadlineChangeSchema).min(1),
});
export type CalendarChange = z.infer<typeof calendarChangeSchema>;
export const calendarChangesSchema = z.array(calendarChangeSchema);

// ---- settings ------------------------------------------------------------------------------

const days = z.number().int().min(0).max(60);

const settingsObject = (centerName: z.ZodString) =>
  z.strictObject({
    centerName,
    thresholds: z
      .strictObject({ warningWorkingDays: days, yellowWorkingDays: days })
      // the yellow card (督办) comes after the warning, never before it (shared/calendar)
      .refine((t) => t.yellowWorkingDays <= t.warningWorkingDays, {
        path: ['yellowWorkingDays'],
        message: '黄牌天数不能多于预警天数',
      }),
  });
/** The settings as the manager enters them: the center's name prints on every notice (issue 15). */
export const centerSettingsSchema = settingsObject(
  typedText({ required: '请输入中心名称', max: 100 }),
);
/** The settings as stored and answered: a name stored before issue 15 still reads. */
export const storedCenterSettingsSchema = settingsObject(
  z.string().trim().min(1, '请输入中心名称').max(100),
);
export type CenterSettings = z.infer<typeof centerSettingsSchema>;

export const defaultSettings: CenterSettings = {
  centerName: '示范区政务服务中心',
  thresholds: { ...defaultThresholds },
};
