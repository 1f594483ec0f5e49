import { z } from 'zod';
import { powerSchema } from '../catalog/powers';
import { extensionApprovers, intakeSealModes, limitUnits, validitySchema } from '../catalog/schema';
import { appealNoticeSchema } from './appeal';
import { materialFilesSchema, pageRefSchema } from './attachments';
import { localDateSchema, text, workingDaysSchema } from './schema-parts';

// Identifier checks (resident ID, USCC, mobile) belong to shared/ids and are applied by the API
// layer; here a stored event only has to be well-formed, so that old events always fold.

export const itemMaterialSchema = z.object({
  id: text,
  name: text,
  required: z.boolean(),
  form: z.enum(['original', 'copy', 'either']),
  count: z.number().int().positive(),
});
export type ItemMaterial = z.infer<typeof itemMaterialSchema>;

/** The catalog item as it was when the case was received: later catalog edits must not move this case. */
export const itemSnapshotSchema = z
  .object({
    code: text,
    name: text,
    departmentCode: text,
    reviewMode: z.enum(['single', 'twoPerson']),
    promisedDays: workingDaysSchema,
    statutoryDays: workingDaysSchema,
    extensionDays: workingDaysSchema,
    joint: z.boolean(),
    materials: z.array(itemMaterialSchema),
    /** the certificate an approval issues (营业执照 …), when the item issues one */
    certificate: text.optional(),
    // The item's law (shared/catalog/law.ts). Cases received before the catalog carried it have
    // none: `itemLaw` reads them as the product then counted (working days under Art. 42).
    statutoryUnit: z.enum(limitUnits).optional(),
    statutoryBasis: text.optional(),
    extensionBasis: text.optional(),
    extensionApprover: z.enum(extensionApprovers).optional(),
    publicationPausesStatutory: z.boolean().optional(),
    publicationBasis: text.optional(),
    validity: validitySchema.optional(),
  })
  .refine((item) => item.promisedDays <= item.statutoryDays, {
    message: '承诺时限不能长于法定时限',
    path: ['promisedDays'],
  })
  .refine((item) => new Set(item.materials.map((m) => m.id)).size === item.materials.length, {
    message: '材料编号重复',
    path: ['materials'],
  });
export type ItemSnapshot = z.infer<typeof itemSnapshotSchema>;

export const applicantSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), name: text, idNumber: text, mobile: text }),
  z.object({
    kind: z.literal('organisation'),
    name: text,
    uscc: text,
    legalRepresentative: text,
    contact: text,
    mobile: text,
  }),
]);
export type Applicant = z.infer<typeof applicantSchema>;

/**
 * Who the applicant is, whatever name was typed: the resident ID or the USCC, in capitals (an ID's
 * check character X typed as x is the same person). The terminal finds an applicant's open cases
 * by it, the center spots a second open case of one applicant made at another PC by it.
 */
export function applicantKey(applicant: Applicant): string {
  return (applicant.kind === 'person' ? applicant.idNumber : applicant.uscc).toUpperCase();
}

export const agentSchema = z.object({ name: text, idNumber: text, mobile: text });
export type Agent = z.infer<typeof agentSchema>;

export const specialProcedures = [
  'hearing',
  'bidding',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expertReview',
  'publication',
] as const;
export type SpecialProcedure = (typeof specialProcedures)[number];

/**
 * The 受理专用章 on an acceptance, refusal or one-time notice (Art. 32): 'printed', the notice
 * draws the department's seal; 'byHand', the clerk confirmed the hall stamped the paper. Optional
 * for events written before it was recorded; a new one without it is refused
 * (`intakeSeal.missing`, shared/case/notice-rules.ts).
 */
const intakeSeal = z.enum(intakeSealModes).optional();

const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const noticeItemSchema = z.object({
  materialId: text,
  problem: z.enum(['missing', 'defective']),
  detail: text,
  // issue 18: the page of the material's scans the defect is on, so the applicant sees which
  page: pageRefSchema.optional(),
});
export type NoticeItem = z.infer<typeof noticeItemSchema>;

// A case sent to the department (报批件) is decided there: the window records the decision with
// the department's document number.
const departmentRef = text.optional();

export const denialSchema = z.object({
  outcome: z.literal('deny'),
  facts: text,
  reasons: text,
  legalBasis: text,
  appealNotice: appealNoticeSchema,
  departmentRef,
});

export const approvalSchema = z.object({
  outcome: z.literal('approve'),
  granted: text,
  validUntil: localDateSchema.optional(),
  conditions: text.optional(),
  departmentRef,
});

export const decisionSchema = z.discriminatedUnion('outcome', [approvalSchema, denialSchema]);

/** 好差评: 1 非常满意 … 5 非常不满意; 4 and 5 are bad ratings and must be rectified. */
export const ratingScores = [1, 2, 3, 4, 5] as const;
export function isBadRating(score: number): boolean {
  return score >= 4;
}

/** One schema per event type: the API validates a command's payload with it before the store adds the envelope. */
export const payloadSchemas = {
  received: z.object({
    caseNumber: text,
    item: itemSnapshotSchema,
    applicant: applicantSchema,
    agent: agentSchema.optional(),
    channel: z.enum(['window', 'online']),
    notes: z.string().optional(),
    calendarVersion: text,
    secondApplicationOf: text.optional(),
    // who took the case in, as named on that day: a reprint of any later notice names the same
    // center and department even after the PC is bound elsewhere
    issuer: z.object({ centerName: text, departmentName: text }).optional(),
    // what the department had delegated to the receiving window for this item (授权书), pinned
    // like the calendar: the case is handled under the authorization it was received under.
    // Absent on cases received before delegation was recorded: those ran with every power.
    powers: z.array(powerSchema).optional(),
    // Part T of issue 16: the department already held an open case of this applicant and item,
    // and the clerk opened another anyway — why, in her words, kept with the case for supervision
    duplicateReason: text.max(500, '理由不超过500字').optional(),
    // the open cases (ids) the clerk was shown when she gave it: the reason answers for these,
    // not for a case this PC had not seen (the center's `intake.duplicateCase`)
    duplicateOf: z.array(text).max(100).optional(),
    // Issue 17 part 4: whether the applicant agreed to progress SMS (同意接收办件进度短信).
    // Absent on cases received before it was asked: not asked, so no SMS is ever sent.
    smsConsent: z.boolean().optional(),
    // issue 17: the hall's queue ticket the applicant was called with (取号), so the center lists
    // the case under the ticket and counts the wait per item; absent for a walk-in or offline
    ticket: z.object({ id: text.max(64), number: text.max(16) }).optional(),
  }),
  materialsChecked: z.object({
    materials: z
      .array(
        z
          .object({
            materialId: text,
            status: z.enum(['received', 'missing', 'defective']),
            defect: text.optional(),
          })
          .refine((m) => m.status !== 'defective' || m.defect !== undefined, {
            message: '有缺陷的材料须写明缺陷',
            path: ['defect'],
          }),
      )
      .min(1)
      .refine((ms) => uniqueIds(ms.map((m) => m.materialId)), '同一材料只能出现一次'),
  }),
  noticeIssued: z.object({
    items: z
      .array(noticeItemSchema)
      .min(1)
      .refine((items) => uniqueIds(items.map((i) => i.materialId)), '同一材料只能出现一次'),
    /** a suggested date, not a legal deadline: see `returnByRule` (shared/case/notice-rules.ts) */
    returnBy: localDateSchema.optional(),
    override: z.object({ supervisorId: text, reason: text }).optional(),
    intakeSeal,
  }),
  supplementReceived: z.object({ materialIds: z.array(text).min(1) }),
  materialsAttached: z.object({
    materials: z
      .array(materialFilesSchema)
      .min(1)
      .refine((ms) => uniqueIds(ms.map((m) => m.materialId)), '同一材料只能出现一次'),
  }),
  accepted: z.object({
    // 容缺受理: a missing non-essential material is waived under a published rule, named here.
    waivedMaterials: z.array(z.object({ materialId: text, rule: text })).optional(),
    // The law accepted the application on receipt (Art. 32(4)): this record only issues the
    // acceptance notice owed, whatever the materials check found. The timed rules hold it to the
    // truth (`intake.notDeemed`), on the terminal and at the center alike.
    deemed: z.literal(true).optional(),
    intakeSeal,
    // The acceptance notice is the first paper to print the decision limits: when the PC holds a
    // newer calendar than the case pinned at receipt (next year's table arrived in between), the
    // case counts on it from here (issue 14), as a 期限变更告知书 would move it.
    calendarVersion: text.optional(),
  }),
  refused: z
    .object({
      // `other` names no ground of Art. 32: it stays here only so that stored refusals still
      // parse and fold; a new one is refused by the timed rules (`refusal.ground`)
      ground: z.enum(['noLicenceNeeded', 'notThisAgency', 'other']),
      reasons: text,
      legalBasis: text,
      rightAgency: text.optional(),
      // a refusal is appealable too: optional for refusals stored before issue 14
      appealNotice: appealNoticeSchema.optional(),
      intakeSeal,
    })
    .refine((r) => r.ground !== 'notThisAgency' || r.rightAgency !== undefined, {
      message: '非本机关职权范围的，须告知向哪个机关申请',
      path: ['rightAgency'],
    }),
  reviewed: z.object({ opinion: text, recommendation: z.enum(['approve', 'deny']) }),
  checked: z.object({ opinion: text, agree: z.boolean() }),
  paused: z.object({
    procedure: z.enum(specialProcedures),
    expectedWorkingDays: z.number().int().positive(),
    applicantNoticeRef: text,
    centerFilingRef: text,
  }),
  resumed: z.object({}),
  extended: z.object({
    workingDays: z.number().int().positive(),
    approver: text,
    reason: text,
    // Art. 42 requires the reasons to be told to the applicant: the 延期告知书 is that telling.
    applicantNoticeRef: text,
  }),
  // Without 审批 at the window the decision is the department's: who holds the case now.
  referred: z.object({ department: text, holder: text, note: text.optional() }),
  decided: decisionSchema,
  // The seal: which decision it makes official and that decision event's hash, so that an edit
  // of the decision after sealing is detectable from the stamp alone; and the printed number.
  // `seal`: the chief's own seal key (its id as registered at the center) and its Ed25519
  // signature over `sealMessage` (seal.ts). Optional only so that logs written before the seal
  // was a key still parse; the center conflicts a new stamp without it.
  stamped: z.object({
    decisionEventId: text,
    decisionHash: text,
    decisionNumber: text,
    seal: z.object({ keyId: text, signature: text }).optional(),
  }),
  // A sealed decision is never edited: a correction is a new decision that names the one it
  // corrects and needs its own seal.
  corrected: z.object({ reason: text, decision: decisionSchema }),
  certificateIssued: z.object({ certificateNumber: text, validUntil: localDateSchema.optional() }),
  delivered: z
    .object({
      method: z.enum(['window', 'post', 'electronic']),
      recipient: text,
      /** the postal address, or the mailbox / platform of an electronic delivery */
      address: text.optional(),
      /** the registered-mail number or the electronic delivery's receipt id */
      receiptRef: text.optional(),
      /** delivered by the department (the window holds no 办结送达): its delivery reference */
      byDepartment: text.optional(),
    })
    .refine((d) => d.method === 'window' || (d.address && d.receiptRef), {
      message: '邮寄或电子送达须写明送达地址和回执编号',
      path: ['receiptRef'],
    }),
  withdrawn: z.object({ reason: text }),
  rated: z.object({ score: z.number().int().min(1).max(5), comment: text.optional() }),
  // 差评整改: what the window did about a bad rating, within 15 working days.
  rectified: z.object({ measures: text }),
  // 期限变更告知书 (issue 14 point 12): the calendar changed after the case's deadlines were
  // printed; the window tells the applicant each moved date, and `calendarVersion` governs the
  // case from this event on. Both dates travel, so the notice reprints as it was told.
  calendarRevised: z.object({
    calendarVersion: text,
    changes: z
      .array(
        z.object({
          clock: z.enum(['completeness', 'promised', 'statutory', 'delivery']),
          from: localDateSchema,
          to: localDateSchema,
        }),
      )
      .min(1),
  }),
} as const;

export type CaseEventType = keyof typeof payloadSchemas;
export type CaseEventPayload<T extends CaseEventType> = z.infer<(typeof payloadSchemas)[T]>;
export type Decision = CaseEventPayload<'decided'>;
export type Denial = z.infer<typeof denialSchema>;
