import { z } from 'zod';
import { refinePeriod } from '../calendar';
import { typedText } from '../text';
import { diagnosticsBundleSchema } from './diagnostics';
import type { Applicant, CaseEvent, CaseState, ClockView, PauseOverrun, Role } from '../case';
import {
  attachmentSchema,
  attachmentSources,
  caseEventTypes,
  maxAttachmentBytes,
  ruleIds,
  sha256Schema,
} from '../case';
import { departmentPhrasesSchema, intakeSealModes, type ServiceItem } from '../catalog';
import type { CaseDocument } from '../documents';
import type { Authorization, ComplaintMetrics, Metrics } from '../reports';
import { reportScheduleInput, reportScheduleSchema } from '../reports/schedule';
import { mobileSchema, residentIdSchema, usccSchema } from '../ids';
import { alertSchema, complaintSchema, type Conflict } from '../sync';
import {
  appealRatingSchema,
  calendarChangesSchema,
  ratingRecordSchema,
  windowActionSchema,
  windowQueueSchema,
} from '../center-api';
import { printSettingsSchema } from '../print/routing';
import { screenLockSettingsSchema } from '../screen-lock';
import { idCardReadSchema, idCardReaderSettingsSchema } from '../id-card';
import { adminContract } from './admin-contract';
import { databaseContract } from './database-contract';
import type { CallName } from './names';

// A person's or organisation's name as typed at the window, and free text (remarks, replies):
// the one typed-text schema (shared/text), no control or hidden characters.
const nameText = typedText({ required: '必填', max: 100 });

const freeText = (max: number) => typedText({ max, lines: true });

export const roleSchema = z.enum(['clerk', 'reviewer', 'chief', 'manager', 'supervisor']);

export const applicantInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    name: nameText,
    idNumber: residentIdSchema,
    mobile: mobileSchema,
  }),
  z.object({
    kind: z.literal('organisation'),
    name: nameText,
    uscc: usccSchema,
    legalRepresentative: nameText,
    contact: nameText,
    mobile: mobileSchema,
  }),
]);

export const sessionSchema = z.object({
  token: z.string(),
  user: z.object({ id: z.string(), username: z.string(), name: z.string(), role: roleSchema }),
  window: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  // with the settings its notices need (issue 14 part B2): the forms say at once what is missing;
  // main still reads them afresh when it writes the event
  department: z
    .object({
      code: z.string(),
      name: z.string(),
      reconsiderationBody: z.string().optional(),
      court: z.string().optional(),
      intakeSeal: z.enum(intakeSealModes).optional(),
    })
    .nullable(),
  centerName: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const caseRowSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  clock: z.custom<ClockView | null>(),
  /** Art. 32(4): the 5 days ran out without a notice; the case counts as accepted on this day */
  deemedAcceptedOn: z.string().nullable(),
  /** the center did not take one of the case's events */
  conflicted: z.boolean(),
  /** issue 16 part P: deemed accepted with no 受理 recorded — the window owes the acceptance notice */
  acceptanceNoticeOwed: z.boolean(),
  /** part T of issue 16: the window that received the case (its number is that window's) */
  receivingWindow: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  /** the case was received at this PC's own window */
  ownWindow: z.boolean(),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

/** What a case in the review queue waits for: the next act, and who can do it. */
export const queueStepSchema = z.enum([
  'review',
  'check',
  'decide',
  'department',
  'stamp',
  'certificate',
  'deliver',
  'rectify',
]);
export type QueueStep = z.infer<typeof queueStepSchema>;

export const queueRowSchema = caseRowSchema.extend({
  step: queueStepSchema,
  twoPerson: z.boolean(),
  /** 报批件: with the department, whose name and holder the case page shows */
  referredTo: z.string().nullable(),
  /** Art. 45: the last day the applicant was told a still-open special procedure would take */
  pauseOverrunSince: z.string().nullable(),
});
export type QueueRow = z.infer<typeof queueRowSchema>;

/** Whether the chief's seal keys are all registered at the center, and why not. */
const sealRegistrationOutput = z.object({
  registered: z.boolean(),
  registrationError: z.string().nullable(),
});

/** A typed seal PIN: six digits. */
export const sealPinSchema = z.string().regex(/^\d{6}$/, '盖章密码为6位数字');

// The seal is never a plain record: its hash and number come from the terminal (cases.stamp);
// nor is a 期限变更告知书: its dates come from the calendars (cases.reviseCalendar).
const recordableTypes = caseEventTypes.filter(
  (t): t is Exclude<(typeof caseEventTypes)[number], 'received' | 'stamped' | 'calendarRevised'> =>
    t !== 'received' && t !== 'stamped' && t !== 'calendarRevised',
);
export type RecordableType = (typeof recordableTypes)[number];

export const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  /** the last round reached the center */
  online: z.boolean(),
  state: z.enum(['idle', 'syncing', 'offline', 'outdated', 'blocked']),
  /** this terminal's events the center has not answered yet */
  pending: z.number(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** conflicted events in the cases of this terminal's window */
  conflicts: z.number(),
  serverUrl: z.string().nullable(),
  /**
   * This PC's clock against the center's (issue 13 point 4). `skewed`: more than 5 minutes off
   * at the last measurement; `setBack`: earlier than a time already seen (a clock set back while
   * offline). Both block legal events and show a blocking banner; `acknowledged`: a manager
   * accepted the offset, events are dated on the center's time (the PC's minus `correctionMs`).
   */
  clock: z.object({
    /** PC minus center, ms; null before the first answer of a center */
    offsetMs: z.number().nullable(),
    measuredAt: z.string().nullable(),
    state: z.enum(['ok', 'skewed', 'setBack', 'acknowledged']),
    correctionMs: z.number().nullable(),
    acknowledged: z.object({ by: z.string(), at: z.string(), offsetMs: z.number() }).nullable(),
  }),
  enrollment: z
    .object({
      deviceId: z.string(),
      windowId: z.string(),
      /** null until the first pull brought the center's windows */
      windowName: z.string().nullable(),
      terminalNumber: z.number(),
    })
    .nullable(),
  /**
   * Part A of issue 15: the center no longer knows this PC (restored from an older backup, or
   * revoked): nothing can be sent until a manager re-registers it with a new code. Null otherwise.
   */
  unknownToCenter: z
    .object({ reason: z.enum(['unknown', 'revoked']), since: z.string(), message: z.string() })
    .nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const conflictRowSchema = z.object({
  eventId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  type: z.string(),
  actorName: z.string(),
  actorRole: roleSchema,
  windowId: z.string(),
  occurredAt: z.string(),
  /** the reducer's rule the center's case state did not admit */
  rule: z.string(),
  message: z.string(),
});
export type ConflictRow = z.infer<typeof conflictRowSchema>;

/** 监察预警 at the window: the copy of the center's supervision the last sync round took. */
export const mySupervisionSchema = z.object({
  /** the chief sees the department's, a clerk or reviewer their window's */
  scope: z.enum(['window', 'department']),
  enrolled: z.boolean(),
  /** when the copy was taken; null before the first round reached the center */
  fetchedAt: z.string().nullable(),
  alerts: z.array(alertSchema),
  /** each with its handling clock measured at this terminal, on its calendar */
  complaints: z.array(complaintSchema),
});
export type MySupervision = z.infer<typeof mySupervisionSchema>;

type Access = 'public' | 'signedIn' | readonly Role[];
type CallSpec = { input: z.ZodType; output: z.ZodType; access: Access };

function call<I extends z.ZodType, O extends z.ZodType>(spec: {
  input: I;
  output: O;
  access: Access;
}) {
  return spec;
}

const pointSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '无效的编号');

/** The one contract between renderer and main: every call, its input, its output, who may call it. */
/** Part W of issue 16: the word a manager types to clear the demo data (the renderer shows it). */
export const demoClearWord = '清除演示数据';

export const demoStatusSchema = z.object({
  /** a demo PC that is not enrolled: the card shows */
  demo: z.boolean(),
  cases: z.number(),
  /** null when clearing is allowed; else the rule that refuses it, with its sentence */
  refusal: z.object({ rule: z.enum(ruleIds), message: z.string() }).nullable(),
  /** the last clearing on this PC: when, by whom, the backup kept */
  lastCleared: z.object({ at: z.string(), by: z.string(), backup: z.string() }).nullable(),
});
export type DemoStatus = z.infer<typeof demoStatusSchema>;

export const contract = {
  'auth.login': call({
    input: z.object({
      username: z.string().trim().min(1, '请输入用户名').max(64),
      password: z.string().min(1, '请输入密码').max(256),
    }),
    output: sessionSchema,
    access: 'public',
  }),
  'auth.logout': call({ input: z.object({}), output: z.object({}), access: 'signedIn' }),
  'session.current': call({ input: z.object({}), output: sessionSchema, access: 'signedIn' }),
  'catalog.items': call({
    input: z.object({
      query: z.string().trim().max(50).optional(),
      departmentCode: z.string().max(8).optional(),
    }),
    output: z.array(z.custom<ServiceItem>()),
    access: 'signedIn',
  }),
  'catalog.item': call({
    input: z.object({ code: z.string().trim().min(1).max(32) }),
    output: z.custom<ServiceItem>(),
    access: 'signedIn',
  }),
  /** A returning applicant, found by resident ID or USCC, as last recorded at this terminal. */
  'applicants.find': call({
    input: z.object({ key: z.string().trim().toUpperCase().min(15).max(18) }),
    output: z.custom<Applicant | null>(),
    access: 'signedIn',
  }),
  'cases.receive': call({
    input: z.object({
      itemCode: z.string().trim().min(1, '请选择事项').max(32),
      applicant: applicantInput,
      agent: z
        .object({ name: nameText, idNumber: residentIdSchema, mobile: mobileSchema })
        .optional(),
      channel: z.enum(['window', 'online']),
      notes: freeText(2000).optional(),
      secondApplicationOf: uuid.optional(),
      /** Issue 17 part 4: the applicant's answer to 同意接收办件进度短信 */
      smsConsent: z.boolean().optional(),
      /**
       * Part T of issue 16: why a new case, when the department holds an open one of this
       * applicant and item (`cases.openDuplicates`); main refuses the new case without it.
       */
      duplicateReason: typedText({
        required: '请填写仍然新建的理由',
        words: '请写明仍然新建的理由（至少两个字）',
        max: 500,
        lines: true,
      }).optional(),
      /** issue 17: the queue ticket this window called the applicant with (absent: a walk-in) */
      ticket: z
        .object({ id: z.string().trim().min(1).max(64), number: z.string().trim().min(1).max(16) })
        .optional(),
    }),
    output: z.object({ caseId: z.string(), caseNumber: z.string() }),
    access: ['clerk', 'chief'],
  }),
  'cases.record': call({
    input: z.object({
      caseId: uuid,
      type: z.enum(recordableTypes),
      payload: z.record(z.string(), z.unknown()),
    }),
    output: z.object({ eventId: z.string(), status: z.string() }),
    access: ['clerk', 'reviewer', 'chief', 'supervisor'],
  }),
  'cases.get': call({
    input: z.object({ caseId: uuid }),
    output: z.object({
      state: z.custom<CaseState>(),
      events: z.array(
        z.custom<
          CaseEvent & {
            deviceSeq: number;
            syncState: 'pending' | 'acknowledged' | 'conflicted' | 'rejected';
            /** why the center did not take the event */
            syncNote: Conflict | null;
          }
        >(),
      ),
      clocks: z.array(z.custom<ClockView>()),
      /** Art. 45: the open special procedure has outrun the days the applicant was told */
      pauseOverrun: z.custom<PauseOverrun | null>(),
    }),
    access: 'signedIn',
  }),
  'cases.list': call({
    input: z.object({
      status: z.enum(['open', 'all']).default('open'),
      /** only cases of this item */
      itemCode: z.string().trim().max(32).optional(),
      /** a case number (or its start), an applicant's name (or part of it), an ID or USCC */
      query: z.string().trim().max(50).optional(),
      /**
       * Part T of issue 16: the department's cases (every window's, the default: the hall's queue
       * calls an applicant to any of its windows) or only this window's
       */
      scope: z.enum(['department', 'window']).default('department'),
      limit: z.number().int().min(1).max(10_000).default(50),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    }),
    output: z.object({ rows: z.array(caseRowSchema), total: z.number() }),
    access: 'signedIn',
  }),
  /**
   * The department's cases waiting for a reviewer or the chief (review, re-check, decision, seal,
   * certificate, delivery, a bad rating's rectification; 报批件 with the department), by deadline.
   */
  'cases.queue': call({
    input: z.object({}),
    output: z.object({
      rows: z.array(queueRowSchema),
      /** 报批件 among them: cases whose decision is with the department */
      referred: z.number(),
    }),
    access: ['reviewer', 'chief'],
  }),
  /**
   * The chief applies the department's seal to the decision in force: the PIN proves the holder of
   * the seal is at the PC. The stamp event carries the decision event's hash and the decision's number.
   */
  'cases.stamp': call({
    input: z.object({
      caseId: uuid,
      pin: sealPinSchema,
      /** the decision the chief read before sealing; refused if another has replaced it since */
      decisionEventId: uuid.optional(),
    }),
    output: z.object({ eventId: z.string(), status: z.string(), decisionNumber: z.string() }),
    access: ['chief'],
  }),
  /** Whether this chief has a seal PIN at this terminal, and whether it is locked. */
  'seal.status': call({
    input: z.object({}),
    output: z.object({
      pinSet: z.boolean(),
      lockedUntil: z.string().nullable(),
      /** a seal key of this chief the center has not registered yet: its stamps wait to upload */
      unregistered: z.boolean(),
    }),
    access: ['chief'],
  }),
  /**
   * Sets or changes the chief's seal PIN: a new seal key, locked under the PIN, registered at the
   * center with the sign-in password (queued when the center does not answer).
   */
  'seal.setPin': call({
    input: z.object({ password: z.string().min(1, '请输入登录密码').max(256), pin: sealPinSchema }),
    output: sealRegistrationOutput,
    access: ['chief'],
  }),
  /** Registers the chief's queued seal keys at the center with the sign-in password. */
  'seal.register': call({
    input: z.object({ password: z.string().min(1, '请输入登录密码').max(256) }),
    output: sealRegistrationOutput,
    access: ['chief'],
  }),
  /**
   * The daily report from this terminal's own log (works offline): the department's numbers for
   * the days asked, or one window's; open cases judged now (or at the end of the last day asked,
   * when that is past). Each number carries its case ids; `cases.rows` lists them.
   */
  'reports.metrics': call({
    input: z
      .object({
        from: z.iso.date('日期须形如 2026-03-02'),
        to: z.iso.date('日期须形如 2026-03-02'),
        windowId: z.string().trim().min(1).max(64).optional(),
      })
      // the center's report query refines alike; the handler adds the bound from today
      .superRefine(refinePeriod),
    output: z.object({
      centerName: z.string(),
      departmentCode: z.string(),
      departmentName: z.string(),
      windows: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
      from: z.string(),
      to: z.string(),
      asOf: z.string(),
      metrics: z.custom<Metrics>(),
      /** per window of the department, for the report's table */
      byWindow: z.array(z.object({ windowId: z.string(), metrics: z.custom<Metrics>() })),
      authorization: z.custom<Authorization>(),
      /** the public complaints against the department (or window), from the last sync's copy */
      complaints: z.custom<ComplaintMetrics>(),
      /** when that copy was taken from the center; null: never (not enrolled, or not yet) */
      complaintsFetchedAt: z.string().nullable(),
      /**
       * null: the 好差评 numbers are the center's, asked for this report; otherwise the sentence
       * the report shows in their place (the terminal holds no ratings: never a silent zero)
       */
      ratingsUnavailable: z.string().nullable(),
    }),
    access: ['manager', 'chief', 'supervisor'],
  }),
  /** The scheduled daily report of this PC: its folder, time of day, and how the last write went. */
  'reports.schedule.get': call({
    input: z.object({}),
    output: reportScheduleSchema,
    access: ['manager'],
  }),
  /** Sets it; main refuses a folder that does not exist or does not take a file. */
  'reports.schedule.set': call({
    input: reportScheduleInput,
    output: reportScheduleSchema,
    access: ['manager'],
  }),
  /** The list rows of the cases behind a report number. */
  'cases.rows': call({
    input: z.object({ ids: z.array(uuid).max(5000) }),
    output: z.array(caseRowSchema),
    access: 'signedIn',
  }),
  /**
   * Issue 14 point 12: the window's open cases whose printed deadlines the calendar the last
   * sync brought moves, with the old and the new dates.
   */
  'cases.calendarChanges': call({
    input: z.object({}),
    output: calendarChangesSchema,
    access: ['clerk', 'chief', 'reviewer'],
  }),
  /** Records a case's 期限变更告知书: the case moves onto the current calendar. */
  'cases.reviseCalendar': call({
    input: z.object({ caseId: uuid }),
    output: z.object({ eventId: z.string(), status: z.string() }),
    access: ['clerk', 'chief'],
  }),
  /** The conflicted events of this terminal's department: what the center did not take. */
  'cases.conflicts': call({
    input: z.object({}),
    output: z.array(conflictRowSchema),
    access: 'signedIn',
  }),
  /** The alerts and complaints held against this window (the chief: its department), offline too. */
  'alerts.mine': call({
    input: z.object({}),
    output: mySupervisionSchema,
    access: ['clerk', 'chief', 'reviewer'],
  }),
  /** The window's reply to a complaint, sent to the center at once (online only). */
  'complaints.reply': call({
    input: z.object({
      id: z.string().trim().min(1).max(64),
      reply: z.string().trim().min(1, '请填写答复内容').max(2000, '答复不能超过2000字'),
    }),
    output: complaintSchema,
    access: ['clerk', 'chief'],
  }),
  'sync.status': call({ input: z.object({}), output: syncStatusSchema, access: 'signedIn' }),
  /** A sync round now; answers with the status after it. */
  'sync.now': call({ input: z.object({}), output: syncStatusSchema, access: 'signedIn' }),
  /**
   * A manager accepts the clock offset the last sync measured: legal events may be written again,
   * dated on the center's time. Recorded with who and when.
   */
  'sync.acknowledgeClock': call({
    input: z.object({}),
    output: syncStatusSchema,
    access: ['manager'],
  }),
  /** Joins this terminal to a center with a one-time enrollment code. */
  'sync.enroll': call({
    input: z.object({
      serverUrl: z
        .string()
        .trim()
        .max(200)
        .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, '中心地址须形如 https://center.example.cn'),
      code: z.string().trim().min(1, '请输入注册码').max(64),
    }),
    output: z.object({
      deviceId: z.string(),
      windowId: z.string(),
      terminalNumber: z.number(),
      centerName: z.string(),
      /** set when the center found this PC's clock more than 5 minutes off its own */
      clockWarning: z.string().nullable(),
    }),
    access: ['manager'],
  }),
  /**
   * Whether a printed document's verification code matches an intact event in this terminal's
   * log: the event re-hashes to its stored hash and its signature holds; a decision's seal also
   * matches the decision it names.
   */
  'documents.verify': call({
    input: z.object({ code: z.string().trim().min(1, '请输入验证码').max(32) }),
    output: z.object({
      genuine: z.boolean(),
      message: z.string(),
      caseId: z.string().nullable(),
      caseNumber: z.string().nullable(),
      kind: z.string().nullable(),
      issuedAt: z.string().nullable(),
    }),
    access: 'signedIn',
  }),
  /** The document an event issued (notices, the decision, the certificate, the delivery receipt). */
  'documents.get': call({
    input: z.object({ caseId: uuid, eventId: uuid }),
    output: z.custom<CaseDocument>(),
    access: 'signedIn',
  }),
  // --- issue 15 part D: the window's printers per document kind ---
  /** Which printer (and how many copies) each kind of document goes to on this PC. */
  'print.settings.get': call({
    input: z.object({}),
    output: printSettingsSchema,
    access: 'signedIn',
  }),
  /** Sets them; a printer left empty sends that kind to the print dialog / PDF. */
  'print.settings.set': call({
    input: printSettingsSchema,
    output: printSettingsSchema,
    access: ['manager'],
  }),
  // ---- part C (issue 15) ----
  /** The diagnostics bundle for the hall's IT: versions, sync, integrity, recent errors; no personal data. */
  'diagnostics.export': call({
    input: z.object({}),
    output: diagnosticsBundleSchema,
    access: ['manager'],
  }),
  ...adminContract,
  // ---- part A of issue 15: recovery without loss ------------------------------------------
  /**
   * Re-registers a terminal the center no longer knows, keeping its device, key, terminal number
   * and every event; a manager types a new code issued for this PC's window.
   */
  'sync.readmit': call({
    input: z.object({ code: z.string().trim().min(1, '请输入注册码').max(64) }),
    output: z.object({
      deviceId: z.string(),
      terminalNumber: z.number(),
      /** what the center held of this PC's chain: everything after it is sent again */
      knownSeq: z.number(),
      /** the events to send again (acknowledged before, but lost at the center, and pending) */
      resend: z.number(),
    }),
    access: ['manager'],
  }),
  // part B of issue 15
  ...databaseContract,
  // ---- part S of issue 16: the screen locks itself --------------------------------------------
  /**
   * A key or pointer at this PC: the idle time starts again. Says whether main has locked the
   * session meanwhile, and after how long it locks (the renderer counts the same).
   */
  'session.activity': call({
    input: z.object({}),
    output: z.object({ locked: z.boolean(), lockAfterMs: z.number() }),
    access: 'signedIn',
  }),
  /** The renderer saw the idle time pass: main refuses every call but unlock from now on. */
  'session.lock': call({ input: z.object({}), output: z.object({}), access: 'signedIn' }),
  /** The same person, with their password: wrong ones count toward the sign-in throttle. */
  'session.unlock': call({
    input: z.object({ password: z.string().min(1, '请输入密码').max(256) }),
    output: z.object({}),
    access: 'signedIn',
  }),
  /** The idle time before this PC locks (minutes as set; lockAfterMs as it applies now). */
  'screenLock.get': call({
    input: z.object({}),
    output: screenLockSettingsSchema.extend({ lockAfterMs: z.number() }),
    access: 'signedIn',
  }),
  'screenLock.set': call({
    input: screenLockSettingsSchema,
    output: screenLockSettingsSchema.extend({ lockAfterMs: z.number() }),
    access: ['manager'],
  }),
  // ---- part R of issue 16 (search) ----------------------------------------------------------
  /**
   * The latest case this terminal holds under the USCC whose organisation had another name: the
   * intake form warns (and never blocks) — a renamed company, or a code typed for the wrong one.
   */
  'applicants.earlierName': call({
    input: z.object({ uscc: usccSchema, name: nameText }),
    output: z
      .object({ name: z.string(), caseNumber: z.string(), receivedAt: z.string() })
      .nullable(),
    access: 'signedIn',
  }),
  // ---- part T of issue 16: the department is the unit of service ----------------------------
  /**
   * The department's open cases (not delivered, refused or withdrawn) of this applicant (ID
   * number or USCC) for this item: intake shows them before a new case can be made.
   */
  'cases.openDuplicates': call({
    input: z.object({
      itemCode: z.string().trim().min(1).max(32),
      applicantKey: z.string().trim().toUpperCase().min(15).max(18),
    }),
    output: z.array(caseRowSchema),
    access: 'signedIn',
  }),
  // ---- part W of issue 16: clearing a demo PC's practice before it enrolls -------------------
  /** Whether this PC holds demo data a manager may clear, and what clearing would take. */
  'demo.status': call({ input: z.object({}), output: demoStatusSchema, access: ['manager'] }),
  /**
   * Clears the demo's cases in one step, the manager having typed `demoClearWord`: a backup of
   * the whole database is kept first. Main refuses on an enrolled PC or one holding real cases.
   */
  'demo.clear': call({
    input: z.object({ confirmation: z.string().trim().max(64) }),
    output: z.object({
      /** the backup file kept in the backups folder (never pruned) */
      backup: z.string(),
      cases: z.number(),
      events: z.number(),
    }),
    access: ['manager'],
  }),
  /** The department's 常用语, offered in the reason, basis, notice and opinion fields. */
  'phrases.list': call({
    input: z.object({}),
    output: departmentPhrasesSchema,
    access: 'signedIn',
  }),
  // ---- issue 17: the hall's queue at this window, relayed to the center (online only) ------
  'queue.window': call({
    input: z.object({}),
    output: windowQueueSchema,
    access: ['clerk', 'chief', 'reviewer'],
  }),
  'queue.act': call({
    input: windowActionSchema,
    output: windowQueueSchema,
    access: ['clerk', 'chief', 'reviewer'],
  }),
  // ---- issue 17: 本窗口评价 — the window's ratings at the center, asked for by its members ----
  /**
   * The ratings this PC's window received in the days asked — without `period`, the last 30 days
   * by the terminal's clock — with their appeals (online only).
   */
  'ratings.window': call({
    input: z.object({
      period: z
        .object({
          from: z.iso.date('日期须形如 2026-03-02'),
          to: z.iso.date('日期须形如 2026-03-02'),
        })
        .superRefine(refinePeriod)
        .optional(),
    }),
    output: z.object({ from: z.string(), to: z.string(), ratings: z.array(ratingRecordSchema) }),
    access: ['clerk', 'chief', 'reviewer'],
  }),
  /** 申诉: the member signed in disputes a rating of the window; the supervisor decides. */
  'ratings.appeal': call({
    input: appealRatingSchema.extend({ ratingId: z.string().min(1).max(64) }),
    output: ratingRecordSchema,
    access: ['clerk', 'chief', 'reviewer'],
  }),
  /**
   * Issue 18: a page from the document camera (a frame, cropped by `quad`) or a file from disk
   * or a scanner's folder (PDF, JPEG, PNG, TIFF), base64. Stored by its SHA-256; a multi-page
   * TIFF gives one file per page. Attach the result with `cases.record` `materialsAttached`.
   */
  'attachments.import': call({
    input: z.object({
      // 40 MB of file in base64
      data: z
        .string()
        .min(1, '文件是空的')
        .max(Math.ceil((maxAttachmentBytes * 4) / 3) + 4, '文件超过40MB')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件数据须为 base64'),
      name: z.string().trim().min(1).max(200).optional(),
      source: z.enum(attachmentSources),
      quad: z.tuple([pointSchema, pointSchema, pointSchema, pointSchema]).optional(),
    }),
    output: z.object({ files: z.array(attachmentSchema) }),
    access: ['clerk', 'chief'],
  }),
  /** A file's bytes (or a small JPEG of a page), fetched from the center if this PC lacks it. */
  'attachments.page': call({
    input: z.object({ sha256: sha256Schema, size: z.enum(['thumbnail', 'full']) }),
    output: z.object({
      mediaType: z.string(),
      /** base64; null: a PDF has no thumbnail here, the renderer draws its own */
      data: z.string().nullable(),
      width: z.number().nullable(),
      height: z.number().nullable(),
    }),
    access: 'signedIn',
  }),
  // ---- issue 18 part 4: the case archive ------------------------------------------------------
  /**
   * The case as a ZIP: every notice and decision as PDF (the printed page, by Chromium), every
   * material file (fetched from the center when this PC lacks it), and manifest.json with the
   * signed events, the devices' keys and every file's SHA-256. `missing`: files that could not
   * be had, listed in the manifest too — the archive then does not verify, and the window says so.
   */
  'cases.exportArchive': call({
    input: z.object({ caseId: uuid }),
    output: z.object({
      fileName: z.string(),
      /** the ZIP, base64 */
      data: z.string(),
      documents: z.number(),
      materialFiles: z.number(),
      missing: z.array(z.object({ sha256: z.string(), reason: z.string() })),
      /** why the center's signed receipt is not in the archive (it will not verify); null: it is */
      receiptMissing: z.string().nullable(),
    }),
    access: ['clerk', 'chief'],
  }),
  /**
   * One document of an archive under way, for the page the exporting Chromium prints: the token
   * is one-time and short-lived, made by `cases.exportArchive` for the session that asked, so the
   * printing browser needs no sign-in of its own.
   */
  'documents.archiveSheet': call({
    input: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '无效的打印令牌') }),
    output: z.custom<CaseDocument>(),
    access: 'public',
  }),
  // ---- issue 18 part 5: the 二代身份证 reader at intake ----------------------------------------
  /**
   * Reads the card on this PC's reader through the vendor's local service (main calls it; the
   * renderer has no network): name and number for the form, the photo to compare faces (never
   * stored), and whether the card expired. An absent reader, no card or a failed read is
   * `unavailable` with the sentence naming what to check.
   */
  'idCard.read': call({
    input: z.object({}),
    output: idCardReadSchema,
    access: ['clerk', 'chief'],
  }),
  /** Where the reader's local service listens on this PC (loopback only). */
  'idCard.settings.get': call({
    input: z.object({}),
    output: idCardReaderSettingsSchema,
    access: 'signedIn',
  }),
  'idCard.settings.set': call({
    input: idCardReaderSettingsSchema,
    output: idCardReaderSettingsSchema,
    access: ['manager'],
  }),
} satisfies Record<CallName, CallSpec>;

export type Contract = typeof contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;
