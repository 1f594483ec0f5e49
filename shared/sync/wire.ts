import { z } from 'zod';
import { typedText } from '../text';
import type { ErrorCode } from '../api/errors';
import { actorSchema, roleSchema, ruleIds } from '../case';
import {
  departmentPhrasesSchema,
  storedDepartmentSchema,
  storedServiceItemSchema,
  windowPowersSchema,
} from '../catalog';
import { isLocalDate } from '../calendar';

// The wire between a window terminal and the center server. Both sides parse with these schemas;
// the server's OpenAPI description is generated from them, so the three can never disagree.

/**
 * Travels with every request as the `x-onewindow-protocol` header. The server answers the
 * current and the previous version and refuses others with 426, so a terminal one release
 * behind keeps syncing while it waits for its update, and an older one keeps queueing.
 * 2 (issue 19): a pull cursor may stand at the terminal's own event, named in the answer's
 * `cursorEventId`; a terminal of 1 would not store that id, so its cursor stays where it was.
 */
export const protocolVersion = 2;
export const protocolHeader = 'x-onewindow-protocol';
export function protocolAccepted(version: number): boolean {
  return version === protocolVersion || version === protocolVersion - 1;
}

/** A push batch is at most this many events and this many bytes of JSON. */
export const pushLimits = { events: 500, bytes: 1024 * 1024 } as const;
/** A pull page carries at most this many events. */
export const pullPageLimit = 1000;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, '须为64位十六进制 SHA-256');

/**
 * An event as the terminal signed it. Its case part (type, payload, actor …) is checked against
 * `caseEventSchema` separately, so that a schema error names the event rather than the batch.
 */
export const signedEventSchema = z.strictObject({
  id: z.string().min(1),
  caseId: z.string().min(1),
  type: z.string().min(1),
  payload: z.unknown(),
  actor: actorSchema,
  windowId: z.string().min(1),
  occurredAt: z.string().min(1),
  deviceId: z.string().min(1),
  deviceSeq: z.number().int().positive(),
  prevHash: hex64,
  hash: hex64,
  signature: z.string().min(1),
});
export type WireEvent = z.infer<typeof signedEventSchema>;

// ---- errors -------------------------------------------------------------------------------

// The codes the center answers with: a subset of the one catalogue, which gives each its kind
// and HTTP status (shared/api/errors.ts).
export const syncErrorCodes = [
  'invalid_json',
  'invalid_input',
  'payload_too_large',
  'protocol_unsupported',
  'unauthenticated',
  'forbidden',
  'not_found',
  'enrollment_used',
  'enrollment_expired',
  'device_revoked',
  'sequence_gap',
  'chain_broken',
  'bad_signature',
  'chain_forked',
  'conflict',
  'internal',
  // part B of issue 15: a center whose disk is full or whose database is damaged says so
  'disk_full',
  'database_damaged',
  // issue 18: a file that does not match its hash; no place configured to keep files
  'file_mismatch',
  'unavailable',
] as const satisfies readonly ErrorCode[];
export type SyncErrorCode = (typeof syncErrorCodes)[number];

/**
 * Every 4xx/5xx body; its message is Chinese, without the field's name (shared/api/errors.ts).
 * `rule` names the rule that refused (a wrong password at sign-in); `event` names the event at
 * fault in a push; `lastSeq` comes with a gap.
 */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(syncErrorCodes),
    message: z.string(),
    field: z.string().optional(),
    // A rule this terminal does not know yet (a newer center) reads as none rather than making
    // the whole answer unreadable: the Chinese message still says what happened.
    rule: z.enum(ruleIds).optional().catch(undefined),
    lastSeq: z.number().int().nonnegative().optional(),
    event: z.object({ id: z.string(), deviceSeq: z.number().int() }).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

// ---- enrollment ---------------------------------------------------------------------------

// The PC's name is shown to the manager beside its window (issue 15: typed text, no hidden marks).
const terminalLabel = typedText({ required: '请填写终端名称', max: 100 });

export const enrollRequestSchema = z.strictObject({
  code: z.string().trim().min(1, '请输入注册码').max(64),
  /** SPKI PEM of the Ed25519 key the terminal just made; the private half never leaves it. */
  publicKey: z.string().min(1).max(1000),
  /** what the hall calls this PC (host name), shown to the manager */
  label: terminalLabel,
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.string(),
  /** bearer secret for push and pull: `Authorization: Bearer <deviceToken>` */
  deviceToken: z.string(),
  windowId: z.string(),
  /** this PC's number among its window's terminals: part of offline case numbers */
  terminalNumber: z.number().int().positive(),
  centerName: z.string(),
  /** set when the terminal's clock is more than 5 minutes off the center's: a warning, not a refusal */
  clockOffsetMs: z.number().optional(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

// ---- push ---------------------------------------------------------------------------------

export const pushRequestSchema = z.strictObject({
  events: z.array(signedEventSchema).min(1).max(pushLimits.events),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const eventStatusSchema = z.enum(['accepted', 'conflicted']);
export type EventStatus = z.infer<typeof eventStatusSchema>;

/** Why the server's case state did not admit an event: the shared reducer's rule. */
export const conflictSchema = z.object({ rule: z.string(), message: z.string() });
export type Conflict = z.infer<typeof conflictSchema>;

export const pushResultSchema = z.object({
  id: z.string(),
  deviceSeq: z.number().int(),
  serverSeq: z.number().int().positive(),
  status: eventStatusSchema,
  conflict: conflictSchema.optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  /** one per event sent, in order; an event sent again gets its first answer again */
  results: z.array(pushResultSchema),
  /** the highest device_seq the server holds for this device, after this batch */
  lastSeq: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** What the server holds of this device: the terminal compares it with what it believes. */
export const deviceStatusResponseSchema = z.object({
  deviceId: z.string(),
  lastSeq: z.number().int().nonnegative(),
  revoked: z.boolean(),
});
export type DeviceStatusResponse = z.infer<typeof deviceStatusResponseSchema>;

// ---- reference data (what the center owns) -------------------------------------------------

export const referenceKinds = ['catalog', 'calendar', 'staff', 'settings'] as const;
export type ReferenceKind = (typeof referenceKinds)[number];
export const referenceVersionsSchema = z.strictObject({
  catalog: z.number().int().nonnegative(),
  calendar: z.number().int().nonnegative(),
  staff: z.number().int().nonnegative(),
  settings: z.number().int().nonnegative(),
});
export type ReferenceVersions = z.infer<typeof referenceVersionsSchema>;

export const closureSchema = z.strictObject({
  date: z.string().refine(isLocalDate, '日期须为 YYYY-MM-DD'),
  reason: z.string().trim().min(1, '请写明闭馆原因').max(100),
});

export const windowSchema = z.strictObject({
  id: z.string().min(1),
  code: z.string().regex(/^[A-Z]{2,4}\d{2}$/, '窗口编号须形如 SJ01'),
  name: z.string().trim().min(1).max(50),
  departmentCode: z.string().min(1),
});
export type CenterWindow = z.infer<typeof windowSchema>;

/**
 * What a staff record carries instead of a hash when its member may not sign in at the terminal
 * receiving it (center-only accounts, deactivated ones). Not empty: a terminal of the previous
 * protocol parses the field as a non-empty string. No scrypt hash, so no password verifies.
 */
export const noPasswordHash = '-';

export const staffRecordSchema = z.strictObject({
  id: z.string().min(1),
  username: z.string().min(1),
  name: z.string().min(1),
  role: roleSchema,
  /** window staff (clerk, reviewer, chief) sit at a window; managers and supervisors do not */
  windowId: z.string().nullable(),
  /**
   * scrypt, so that staff can sign in at the window while the center is unreachable; for staff
   * who may not sign in at this terminal, `noPasswordHash` (server/sync/reference.ts)
   */
  passwordHash: z.string().min(1),
  active: z.boolean(),
});
export type StaffRecord = z.infer<typeof staffRecordSchema>;

export const deviceRecordSchema = z.strictObject({
  id: z.string(),
  windowId: z.string(),
  terminalNumber: z.number().int().positive(),
  publicKey: z.string(),
  revoked: z.boolean(),
});
export type DeviceRecord = z.infer<typeof deviceRecordSchema>;

export const referenceSchema = z.strictObject({
  catalog: z
    .strictObject({
      version: z.number().int(),
      departments: z.array(storedDepartmentSchema),
      items: z.array(storedServiceItemSchema),
      powers: z.array(windowPowersSchema),
      /**
       * part W of issue 16: the 常用语 of the terminal's department. Sent only when it has any: a
       * terminal of the previous release parses the catalog strictly (as calendar.official).
       */
      phrases: departmentPhrasesSchema.optional(),
    })
    .optional(),
  calendar: z
    .strictObject({
      version: z.number().int(),
      closures: z.array(closureSchema),
      /** the years' official tables the manager entered (issue 14): they replace the shipped ones */
      official: z
        .record(
          z.string().regex(/^\d{4}$/),
          z.strictObject({
            holidays: z.array(z.string().refine(isLocalDate)),
            workdays: z.array(z.string().refine(isLocalDate)),
          }),
        )
        .optional(),
    })
    .optional(),
  /** the center's windows, the staff of the terminal's department plus center-level staff, and
   * the department's devices (their public keys verify the chains the terminal pulls) */
  staff: z
    .strictObject({
      version: z.number().int(),
      windows: z.array(windowSchema),
      staff: z.array(staffRecordSchema),
      devices: z.array(deviceRecordSchema),
    })
    .optional(),
  settings: z
    .strictObject({
      version: z.number().int(),
      centerName: z.string(),
      thresholds: z.strictObject({
        warningWorkingDays: z.number().int().nonnegative(),
        yellowWorkingDays: z.number().int().nonnegative(),
      }),
    })
    .optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

// ---- pull ---------------------------------------------------------------------------------

export const pullRequestSchema = z.strictObject({
  /** the last server_seq this terminal applied; 0 for a fresh terminal */
  cursor: z.number().int().nonnegative(),
  /**
   * the id of the event this terminal received at `cursor`. A center restored from an older copy
   * of its database numbers the events it gets again anew, so the same number may now hold
   * another event or none: then the center answers `restart` and the terminal pulls from 0.
   */
  cursorEventId: z.string().min(1).optional(),
  limit: z.number().int().min(1).max(pullPageLimit).optional(),
  /** the reference versions the terminal holds; a kind comes back only when it moved */
  versions: referenceVersionsSchema,
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pulledEventSchema = z.object({
  serverSeq: z.number().int().positive(),
  status: eventStatusSchema,
  conflict: conflictSchema.optional(),
  event: signedEventSchema,
});
export type PulledEvent = z.infer<typeof pulledEventSchema>;

export const pullResponseSchema = z.object({
  /** case events of the terminal's department after the cursor, in server order */
  events: z.array(pulledEventSchema),
  /** the cursor to send next time */
  cursor: z.number().int().nonnegative(),
  /**
   * the id of the event at `cursor` when it is none of `events`: the cursor moved past this
   * terminal's own events (protocol 2), so that an idle pull does not scan them again
   */
  cursorEventId: z.string().min(1).optional(),
  /** more events wait beyond this page */
  more: z.boolean(),
  /** the cursor does not name the event the terminal holds there: pull again from 0 */
  restart: z.boolean().optional(),
  reference: referenceSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

// ---- re-admission (issue 15 part A) --------------------------------------------------------

/**
 * A terminal the center no longer knows (restored from an older backup, or revoked by mistake)
 * asks to be taken back as the device it was: same id, same key, same window and terminal number
 * (its case numbers carry it), with a manager's new code. `signature` is its OLD device key's
 * signature over readmissionMessage(): proof that this is the PC that signed the chain.
 */
export const readmitRequestSchema = z.strictObject({
  code: z.string().trim().min(1, '请输入注册码').max(64),
  deviceId: z.string().min(1).max(100),
  publicKey: z.string().min(1).max(1000),
  windowId: z.string().min(1).max(100),
  terminalNumber: z.number().int().positive(),
  /** the terminal's own chain head: its last device_seq and that event's hash */
  lastSeq: z.number().int().nonnegative(),
  lastHash: hex64,
  /** the highest device_seq the center once acknowledged: above what it holds, it was restored */
  acknowledgedSeq: z.number().int().nonnegative(),
  label: terminalLabel,
  signature: z.string().min(1).max(200),
});
export type ReadmitRequest = z.infer<typeof readmitRequestSchema>;

/** What the old key signs: every field of the request but the signature, in a fixed order. */
export function readmissionMessage(
  r: Omit<ReadmitRequest, 'signature' | 'label' | 'publicKey'>,
): string {
  return [
    'onewindow-readmit-1',
    r.code.replace(/[\s-]/g, '').toUpperCase(),
    r.deviceId,
    r.windowId,
    r.terminalNumber,
    r.lastSeq,
    r.lastHash,
    r.acknowledgedSeq,
  ].join('\n');
}

export const readmitResponseSchema = z.object({
  deviceId: z.string(),
  deviceToken: z.string(),
  windowId: z.string(),
  terminalNumber: z.number().int().positive(),
  centerName: z.string(),
  /** the last device_seq the center holds of this device (0: none): the terminal sends the rest */
  knownSeq: z.number().int().nonnegative(),
});
export type ReadmitResponse = z.infer<typeof readmitResponseSchema>;
