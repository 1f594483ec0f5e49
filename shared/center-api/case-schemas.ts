import { z } from 'zod';
import { isLocalDate } from '../calendar';
import { actorSchema, statusLabels, type CaseStatus } from '../case';
import { caseDocumentKinds } from '../documents';
import { conflictSchema, eventStatusSchema, signedEventSchema } from '../sync';

// The center's view of the cases its windows sync, and the public check of a printed notice.

export const levelSchema = z.enum(['normal', 'warning', 'yellow', 'red']);
const localDate = z.string().refine(isLocalDate, '日期须为 YYYY-MM-DD');
const caseStatuses = Object.keys(statusLabels) as [CaseStatus, ...CaseStatus[]];
const caseStatusSchema = z.enum(caseStatuses);

export const caseListQuerySchema = z.object({
  department: z.string().min(1).optional(),
  window: z.string().min(1).optional(),
  /** a case status, or 'open' / 'closed' for the work list and the archive */
  status: z
    .string()
    .refine((s) => s === 'open' || s === 'closed' || Object.hasOwn(statusLabels, s), {
      message: '未知的办件状态',
    })
    .optional(),
  level: levelSchema.optional(),
  receivedFrom: localDate.optional(),
  receivedTo: localDate.optional(),
  /** a case number (or its beginning) or part of the applicant's name */
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().nonnegative().default(0),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** One case as the center's lists show it. */
export const caseItemSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  departmentCode: z.string(),
  windowId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  // the projection's column: text in the database, one of the reducer's statuses
  status: z.string().refine((s) => Object.hasOwn(statusLabels, s), '未知的办件状态'),
  open: z.boolean(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  level: levelSchema,
  /** events of this case the center stored as conflicted */
  conflicts: z.number().int().nonnegative(),
});
export type CaseItem = z.infer<typeof caseItemSchema>;

export const caseListSchema = z.object({
  total: z.number().int().nonnegative(),
  cases: z.array(caseItemSchema),
});
export type CaseList = z.infer<typeof caseListSchema>;

/**
 * The fold of the case's accepted events (shared/case): what identifies it and how far it got.
 * The rest of the state is the reducer's own shape and travels as the reducer made it; whoever
 * needs it exactly folds `events` with the same reducer.
 */
const caseStateSchema = z.union([
  z.strictObject({ status: z.literal('none') }),
  z.looseObject({
    status: caseStatusSchema.exclude(['none']),
    caseId: z.string(),
    caseNumber: z.string(),
    receivedAt: z.string(),
    eventCount: z.number().int().positive(),
    lastEventId: z.string(),
    lastOccurredAt: z.string(),
  }),
]);

export const caseHistorySchema = z.object({
  /** null while no event of the case was accepted (its receipt itself conflicted) */
  case: caseItemSchema.nullable(),
  state: caseStateSchema,
  /** every event the center holds of the case, in server order, conflicted ones included */
  events: z.array(
    z.object({
      serverSeq: z.number().int().positive(),
      status: eventStatusSchema,
      conflict: conflictSchema.optional(),
      event: signedEventSchema,
      /** when the center received it (its own clock, not the terminal's) */
      receivedAt: z.string(),
    }),
  ),
});
export type CaseHistory = z.infer<typeof caseHistorySchema>;

export const caseIdParams = z.object({ id: z.string().min(1) });

export const conflictListQuerySchema = z.object({
  department: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().nonnegative().default(0),
});
export type ConflictListQuery = z.infer<typeof conflictListQuerySchema>;

const windowRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });

/** A conflicted event as the supervisor sees it: which window did what to which case, and why not. */
export const conflictItemSchema = z.object({
  serverSeq: z.number().int().positive(),
  eventId: z.string(),
  type: z.string(),
  caseId: z.string(),
  /** null when the case never got an accepted receipt at the center */
  caseNumber: z.string().nullable(),
  itemName: z.string().nullable(),
  applicantName: z.string().nullable(),
  caseStatus: z.string().nullable(),
  departmentCode: z.string(),
  rule: z.string(),
  message: z.string(),
  actor: actorSchema,
  deviceId: z.string(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  /** the window whose event conflicted */
  window: windowRefSchema,
  /** the window that received the case, null when the center holds no accepted receipt */
  caseWindow: windowRefSchema.nullable(),
});
export type ConflictItem = z.infer<typeof conflictItemSchema>;

export const conflictListSchema = z.object({
  total: z.number().int().nonnegative(),
  conflicts: z.array(conflictItemSchema),
});
export type ConflictList = z.infer<typeof conflictListSchema>;

// ---- verification of a printed notice --------------------------------------------------------

export const verifyParamsSchema = z.object({ code: z.string().min(1).max(64) });
export const verifyQuerySchema = z.object({ format: z.enum(['json', 'html']).optional() });

const verifiedDocument = {
  kind: z.enum(caseDocumentKinds),
  eventType: z.string(),
  caseNumber: z.string().nullable(),
  itemName: z.string().nullable(),
  department: z.string(),
  window: z.string(),
  /** when the window issued it (the event's own time) */
  issuedAt: z.string(),
};

/** Issue 17 part 4: the steps of the case a genuine notice belongs to, for its applicant's phone. */
export const progressSteps = [
  'received',
  'accepted',
  'refused',
  'withdrawn',
  'decided',
  'readyForPickup',
  'delivered',
] as const;
export const caseProgressSchema = z.strictObject({
  /** masked (张*明 / 李*): nothing else personal is shown */
  applicant: z.string(),
  steps: z.array(
    z.strictObject({
      step: z.enum(progressSteps),
      label: z.string(),
      /** when it happened; null: still ahead */
      at: z.string().nullable(),
    }),
  ),
});
export type CaseProgress = z.infer<typeof caseProgressSchema>;

export const verificationSchema = z.union([
  z.strictObject({
    genuine: z.literal(true),
    code: z.string(),
    ...verifiedDocument,
    progress: caseProgressSchema.optional(),
  }),
  // issued by an enrolled window, but the center's record of the case did not admit it
  z.strictObject({
    genuine: z.literal(false),
    code: z.string(),
    conflicted: z.literal(true),
    message: z.string(),
    ...verifiedDocument,
  }),
  z.strictObject({ genuine: z.literal(false), code: z.string(), message: z.string() }),
]);
export type Verification = z.infer<typeof verificationSchema>;
export type VerifiedDocument = Omit<
  Extract<Verification, { genuine: true }>,
  'genuine' | 'code' | 'progress'
>;
