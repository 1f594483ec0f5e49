import { z } from 'zod';
import { roleSchema, type Role, type RuleId } from '../case';
import {
  alertDetailSchema,
  calendarChangesSchema,
  caseHistorySchema,
  storedCenterSettingsSchema,
  storedClosuresSchema,
  dashboardQuerySchema,
  dashboardSchema,
  deviceSummarySchema,
  enrollmentCodeSchema,
  grantsSchema,
  officialYearRecordsSchema,
  queueStatsSchema,
  staffSummarySchema,
  terminalReleaseSchema,
  smsMessageSchema,
  smsSettingsInputSchema,
  smsSettingsSchema,
  smsStatuses,
  caseRatingSteps,
  followUpMethods,
  pairingCodeSchema,
  ratingExportSchema,
  ratingListSchema,
  ratingPushStatusSchema,
  ratingRecordSchema,
  ratingReportSchema,
  ratingSettingsViewSchema,
  windowCountersSchema,
  windowDisplaySchema,
} from '../center-api';
import {
  departmentPhrasesSchema,
  departmentSchema,
  phraseKinds,
  storedDepartmentSchema,
  powerSchema,
  serviceItemSchema,
  storedServiceItemSchema,
} from '../catalog';
import { alertSchema, complaintSchema, windowSchema, type AlertSummary } from '../sync';
import { centerKeySchema } from '../archive/receipt';
import type { AdminCallName } from './admin-names';

// The center manager's calls. Main relays each to the center's administration API with the
// manager's center session; the center is the one that validates the content (it answers with
// the failing field), so the inputs here only bound shape and size — the renderer is untrusted,
// and nothing unbounded may reach the network.

/** The rule of a failure that wants the manager's center password (again): the page asks for it. */
export const centerSignInRule = 'center.signIn' satisfies RuleId;

const id = z.string().trim().min(1).max(64);
const short = z.string().max(200);
const password = z.string().max(256);

const centerStatusSchema = z.object({
  /** the center's address this terminal knows (enrollment stores it); null: not joined yet */
  serverUrl: z.string().nullable(),
  enrolled: z.boolean(),
  /** the manager signed in at the center in this terminal session */
  signedIn: z.boolean(),
  username: z.string(),
});
export type CenterStatus = z.infer<typeof centerStatusSchema>;

const staffFields = {
  name: short,
  role: roleSchema,
  windowId: id.nullable(),
};

const manager: readonly Role[] = ['manager'];
const supervisor: readonly Role[] = ['supervisor'];
const centerStaff: readonly Role[] = ['manager', 'supervisor'];
const none = z.object({});
// the center checks the dates (and the period's length) and names the field
const localDay = z.string().max(10);
const ratingPeriod = z.object({ from: localDay, to: localDay, department: id.optional() });

// What the center answers, as the renderer's pages name it (shared/center-api, shared/sync).
export { alertDetailSchema, alertSchema, type AlertSummary };
export type { AlertDetail, CenterSettings, DeviceSummary, StaffSummary } from '../center-api';

export const adminContract = {
  'admin.center.status': { input: none, output: centerStatusSchema, access: centerStaff },
  /**
   * The manager or supervisor types their password again: main signs in at the center as the
   * same username, for the center's administration or its supervision.
   */
  'admin.center.signIn': {
    input: z.object({ password: z.string().min(1, '请输入密码').max(256) }),
    output: centerStatusSchema,
    access: centerStaff,
  },
  /** Electronic supervision's alerts at the center, newest first. */
  'admin.alerts.list': {
    input: z.object({ status: z.enum(['open', 'acknowledged', 'escalated']).optional() }),
    output: z.array(alertSchema),
    access: centerStaff,
  },
  'admin.alerts.get': { input: z.object({ id }), output: alertDetailSchema, access: centerStaff },
  /**
   * A case as the center holds it, every event included: the evidence of an alert on a case this
   * PC does not hold (another department's), and in the center's console, which holds none.
   */
  'admin.cases.history': {
    input: z.object({ caseId: id }),
    output: caseHistorySchema,
    access: centerStaff,
  },
  /** The supervisor acknowledges or escalates an alert, with a comment kept in its history. */
  'admin.alerts.act': {
    input: z.object({
      id,
      action: z.enum(['acknowledged', 'escalated']),
      comment: z.string().max(1000),
    }),
    output: alertDetailSchema,
    access: supervisor,
  },
  /** Public complaints at the center, newest first; `open` leaves the closed ones out. */
  'admin.complaints.list': {
    input: z.object({ status: z.enum(['open', 'closed']).optional() }),
    output: z.array(complaintSchema),
    access: centerStaff,
  },
  'admin.complaints.get': { input: z.object({ id }), output: complaintSchema, access: centerStaff },
  /** The supervisor records a complaint against a window and/or a case; the center checks it. */
  'admin.complaints.create': {
    input: z.object({
      windowId: id.nullable().optional(),
      caseNumber: z.string().trim().max(64).optional(),
      complainantName: z.string().trim().max(50).optional(),
      complainantPhone: z.string().trim().max(20).optional(),
      channel: short,
      content: z.string().max(2000),
    }),
    output: complaintSchema,
    access: supervisor,
  },
  /** The supervisor closes a complaint with a conclusion: its clock stops. */
  'admin.complaints.close': {
    input: z.object({ id, conclusion: short, comment: z.string().max(1000).optional() }),
    output: complaintSchema,
    access: supervisor,
  },
  // the supervisor names the window a complaint is against (the center lets them read both)
  'admin.departments.list': {
    input: none,
    output: z.array(storedDepartmentSchema),
    access: centerStaff,
  },
  'admin.departments.create': {
    input: departmentSchema.omit({ code: true }).extend({ code: short, name: short }),
    output: storedDepartmentSchema,
    access: manager,
  },
  'admin.departments.update': {
    // the name and the settings the terminals print from (issue 14 part B2)
    input: departmentSchema.omit({ code: true }).extend({ code: id, name: short }),
    output: storedDepartmentSchema,
    access: manager,
  },
  'admin.windows.list': { input: none, output: z.array(windowSchema), access: centerStaff },
  'admin.windows.create': {
    input: z.object({ code: short, name: short, departmentCode: short }),
    output: windowSchema,
    access: manager,
  },
  /** Code and name only: the window's devices, cases and powers belong to its department. */
  'admin.windows.update': {
    input: z.object({ id, code: short, name: short }),
    output: windowSchema,
    access: manager,
  },
  'admin.enrollmentCode.create': {
    input: z.object({ windowId: id }),
    output: enrollmentCodeSchema,
    access: manager,
  },
  'admin.staff.list': { input: none, output: z.array(staffSummarySchema), access: manager },
  'admin.staff.create': {
    input: z.object({
      username: short,
      password,
      ...staffFields,
      centerOnly: z.boolean().optional(),
    }),
    output: staffSummarySchema,
    access: manager,
  },
  'admin.staff.update': {
    input: z.object({ id, ...staffFields, centerOnly: z.boolean().optional() }),
    output: staffSummarySchema,
    access: manager,
  },
  'admin.staff.deactivate': {
    input: z.object({ id }),
    output: staffSummarySchema,
    access: manager,
  },
  'admin.staff.resetPassword': {
    input: z.object({ id, password }),
    output: staffSummarySchema,
    access: manager,
  },
  'admin.items.list': { input: none, output: z.array(storedServiceItemSchema), access: manager },
  // The item as the manager edited it (JSON by tradition); the center checks it against
  // serviceItemSchema and the rest of the catalog.
  'admin.items.create': {
    input: z.object({ item: z.record(z.string(), z.unknown()) }),
    output: serviceItemSchema,
    access: manager,
  },
  'admin.items.update': {
    input: z.object({ code: id, item: z.record(z.string(), z.unknown()) }),
    output: serviceItemSchema,
    access: manager,
  },
  'admin.items.delete': { input: z.object({ code: id }), output: none, access: manager },
  'admin.powers.get': {
    input: z.object({ windowId: id }),
    output: grantsSchema,
    access: manager,
  },
  /** Replaces everything the window is delegated. */
  'admin.powers.set': {
    input: z.object({
      windowId: id,
      grants: z.array(z.object({ itemCode: short, powers: z.array(powerSchema) })).max(1000),
    }),
    output: grantsSchema,
    access: manager,
  },
  'admin.closures.get': { input: none, output: storedClosuresSchema, access: manager },
  /** Replaces the whole list of closure days. */
  'admin.closures.set': {
    input: z.object({
      closures: z.array(z.object({ date: short, reason: short })).max(1000),
    }),
    output: storedClosuresSchema,
    access: manager,
  },
  // issue 14 point 12: a year's official table, and the cases whose printed deadlines it moves
  'admin.officialYears.list': { input: none, output: officialYearRecordsSchema, access: manager },
  /** Enters (or replaces) one year's table; the center checks it and names the field. */
  'admin.officialYears.set': {
    input: z.object({
      year: z.number().int(),
      holidays: z.array(short).max(366),
      workdays: z.array(short).max(366),
      confirmPast: z.boolean().optional(),
      confirmReplace: z.boolean().optional(),
    }),
    output: officialYearRecordsSchema,
    access: manager,
  },
  'admin.calendarChanges': { input: none, output: calendarChangesSchema, access: manager },
  'admin.settings.get': { input: none, output: storedCenterSettingsSchema, access: manager },
  'admin.settings.set': {
    input: z.object({
      centerName: short,
      thresholds: z.object({
        warningWorkingDays: z.number().int().min(0).max(1000),
        yellowWorkingDays: z.number().int().min(0).max(1000),
      }),
    }),
    output: storedCenterSettingsSchema,
    access: manager,
  },
  /** the key the center signs case receipts with (issue 18): its fingerprint, to compare with verify-archive's */
  'admin.receiptKey': { input: none, output: centerKeySchema, access: manager },
  'admin.devices.list': { input: none, output: z.array(deviceSummarySchema), access: manager },
  'admin.devices.revoke': { input: z.object({ id }), output: deviceSummarySchema, access: manager },
  /** The center's day at a glance: every department's card, the 30-day trend, red and yellow. */
  'admin.reports.dashboard': {
    /** without a date: the center's today */
    input: dashboardQuerySchema,
    output: dashboardSchema,
    access: centerStaff,
  },
  /** Issue 17: 排队统计 — waiting and service times per window, item and hour of a period */
  'admin.reports.queue': {
    input: z.object({ from: localDay, to: localDay }),
    output: queueStatsSchema,
    access: centerStaff,
  },
  // ---- part H (issue 15): release management; the center checks the files and names the field
  'admin.releases.list': { input: none, output: z.array(terminalReleaseSchema), access: manager },
  'admin.releases.publish': {
    input: z.object({
      version: short,
      protocol: z.number().int(),
      // the center refuses out-of-range values at the field: here only the shape is bounded
      percent: z.number(),
      windowIds: z.array(id).max(500),
    }),
    output: terminalReleaseSchema,
    access: manager,
  },
  'admin.releases.withdraw': {
    input: z.object({ version: short }),
    output: terminalReleaseSchema,
    access: manager,
  },
  // ---- part W of issue 16: 常用语 per department; the center checks each phrase, names the index
  'admin.phrases.get': {
    input: z.object({ departmentCode: id }),
    output: departmentPhrasesSchema,
    access: manager,
  },
  /** Replaces one kind of the department's phrases, in the order given. */
  'admin.phrases.set': {
    input: z.object({
      departmentCode: id,
      kind: z.enum(phraseKinds),
      // bounded here only in shape and size: the center judges each phrase
      phrases: z.array(z.string().max(2000)).max(200),
    }),
    output: departmentPhrasesSchema,
    access: manager,
  },
  // ---- issue 17 part 4: the SMS outbox; failed messages are sent again only on 重发
  'admin.sms.list': {
    input: z.object({ status: z.enum(smsStatuses).optional() }),
    output: z.array(smsMessageSchema),
    access: manager,
  },
  'admin.sms.resend': { input: z.object({ id }), output: smsMessageSchema, access: manager },
  'admin.sms.settings.get': { input: none, output: smsSettingsSchema, access: manager },
  /** the secret goes in (blank: keep the stored one) and never comes back */
  'admin.sms.settings.set': {
    input: smsSettingsInputSchema,
    output: smsSettingsSchema,
    access: manager,
  },
  // ---- issue 17 part 2: 好差评 at the console; the center judges the content, names the field
  'admin.ratings.list': { input: ratingPeriod, output: ratingListSchema, access: centerStaff },
  'admin.ratings.report': { input: ratingPeriod, output: ratingReportSchema, access: centerStaff },
  /** the national fields as JSON; the page writes the CSV from them with the center's builder */
  'admin.ratings.export': { input: ratingPeriod, output: ratingExportSchema, access: centerStaff },
  'admin.ratings.followUp': {
    input: z.object({
      id,
      contactedBy: short,
      contactedAt: z.string().max(40),
      method: z.enum(followUpMethods),
      result: z.string().max(2000),
      rectification: z.string().max(2000).optional(),
    }),
    output: ratingRecordSchema,
    access: manager,
  },
  'admin.ratings.decideAppeal': {
    input: z.object({ id, upheld: z.boolean(), note: z.string().max(2000) }),
    output: ratingRecordSchema,
    access: supervisor,
  },
  /** 代录: a signed paper form; its number taken twice is the center's conflict */
  'admin.ratings.paper': {
    input: z.object({
      formNumber: short,
      caseNumber: short,
      step: z.enum(caseRatingSteps),
      rating: z.object({
        level: z.number().int(),
        reasons: z.array(short).max(12),
        comment: z.string().max(2000).optional(),
      }),
    }),
    output: ratingRecordSchema,
    access: manager,
  },
  'admin.ratings.pairingCode': {
    input: z.object({ windowCode: id }),
    output: pairingCodeSchema,
    access: manager,
  },
  'admin.ratings.settings.get': { input: none, output: ratingSettingsViewSchema, access: manager },
  /** the push key goes in (absent: keep the stored one) and never comes back */
  'admin.ratings.settings.set': {
    input: z.object({
      followUpDays: z.number().int(),
      pushUrl: short.nullable(),
      pushKey: z.string().max(256).nullable().optional(),
    }),
    output: ratingSettingsViewSchema,
    access: manager,
  },
  'admin.ratings.push': { input: none, output: ratingPushStatusSchema, access: manager },
  // ---- issue 17 part 1: the number over a window's counter (3号窗口), heard in its calls
  'admin.windows.counters': { input: none, output: windowCountersSchema, access: manager },
  'admin.windows.setCounter': {
    input: z.object({ windowCode: id, counter: z.number().int().nullable() }),
    output: windowDisplaySchema,
    access: manager,
  },
} satisfies Record<AdminCallName, { input: z.ZodType; output: z.ZodType; access: readonly Role[] }>;
