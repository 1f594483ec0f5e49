import { z } from 'zod';
import { typedText } from '../text';

// The catalog (事项目录) is hand-edited JSON kept by the center: strict objects, so a misspelt
// optional key ("certficate") is reported instead of silently dropped.

// Whitespace-only text would print as an empty line in the public guide (七公开).
// Two readings of the same fields: what a manager enters (the center's routes, the item editor,
// the catalog file) is typed text and refuses hidden characters, which would print on the guide
// and the notices (issue 15); what is stored or pulled is read leniently, since an item or a
// department stored before that rule must still be served, judged and folded.
type Text = z.ZodString;
const storedText: Text = z.string().trim().min(1, '不能为空');
const enteredText: Text = typedText({ required: '不能为空' });
const days = z.number().int().nonnegative();

/** Art. 42 ¶2: joint, unified or centralized handling may be extended by 15 days, and only that. */
export const jointExtensionDays = 15;
/** Art. 42 ¶1: ordinary items at most 10; a special law may allow less or none (市场主体登记: 3). */
export const maxExtensionDays = 10;

/**
 * How the department's 受理专用章 goes on an acceptance, refusal or one-time notice (Art. 32):
 * 'printed', the terminal draws it on the notice like the decision seal; 'byHand', the hall
 * stamps the paper and the clerk confirms it. A department that has not said is 'printed'.
 */
export const intakeSealModes = ['printed', 'byHand'] as const;
export type IntakeSealMode = (typeof intakeSealModes)[number];

const departmentObject = (text: Text) =>
  z.strictObject({
    code: z.string().regex(/^[A-Z]{2,4}$/, '部门编码须为2–4个大写字母'),
    name: text,
    // Issue 14 point 5 (行政复议法 2023 Art. 20, 行政诉讼法 Art. 46): where the applicant appeals
    // the department's denials and refusals. Optional: a department without them issues no denial.
    reconsiderationBody: text.max(60, '不超过60个字').optional(),
    court: text.max(60, '不超过60个字').optional(),
    intakeSeal: z.enum(intakeSealModes).optional(),
  });

/** A department as the manager enters it (center API, catalog file). */
export const departmentSchema = departmentObject(enteredText);
/** A department as stored and pulled: read whatever an older release let through. */
export const storedDepartmentSchema = departmentObject(storedText);

const materialSpecObject = (text: Text) =>
  z.strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '材料编号须为小写字母、数字或连字符'),
    name: text,
    required: z.boolean(),
    form: z.enum(['original', 'copy', 'either']),
    count: z.number().int().min(1, '份数至少为1'),
    note: text.optional(),
  });

export const materialSpecSchema = materialSpecObject(enteredText);

const hanOnly = /^\p{Script=Han}+$/u;

/**
 * How a limit counts (DOMAIN.md): the 行政许可法's own limits are working days (Art. 82); a limit
 * another law sets in "日" is calendar days, its end moved to the next working day when it falls
 * on a holiday.
 */
export const limitUnits = ['workingDays', 'calendarDays'] as const;
export type LimitUnit = (typeof limitUnits)[number];

/**
 * Who may approve an extension: Art. 42 ¶1 本机关负责人, Art. 42 ¶2 (joint, unified or
 * centralized handling) 本级人民政府负责人.
 */
export const extensionApprovers = ['agencyHead', 'governmentHead'] as const;
export type ExtensionApprover = (typeof extensionApprovers)[number];

/**
 * How long the licence is valid: a fixed term the item's law sets, without term where the law
 * says so, or set by the decision (then the chief must enter it: a blank is never "长期").
 */
const validityObject = (text: Text) =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('years'),
      years: z.number().int().min(1, '有效期至少1年').max(50, '有效期不超过50年'),
      basis: text,
    }),
    z.strictObject({ kind: z.literal('permanent'), basis: text }),
    z.strictObject({ kind: z.literal('decided') }),
  ]);
export const validitySchema = validityObject(enteredText);
export type Validity = z.infer<typeof validitySchema>;

const initialsSchema = z.string().regex(/^[a-z0-9]+$/, '拼音首字母须为小写字母或数字');

/** An alias carries its own initials: the picker matches them like the item's (no pinyin table). */
const aliasObject = (text: Text) =>
  z.strictObject({ name: text.max(30, '别名不超过30个字'), initials: initialsSchema });

const serviceItemObject = (text: Text) =>
  z.strictObject({
    code: z.string().regex(/^[A-Z]{2,4}-\d{3}$/, '事项编码须形如 SJ-001'),
    name: text,
    // Digits stay as typed: "4S店" → "4sd".
    initials: initialsSchema,
    /**
     * Part R of issue 16: the names applicants use for the item (营业执照 for 个体工商户设立登记),
     * found by the intake picker like the name. Optional: items stored before have none.
     */
    aliases: z.array(aliasObject(text)).max(20, '别名不超过20个').optional(),
    /**
     * Issue 17 part 3: the life events (开办企业, 开餐馆 …) under which the public guide lists the
     * item beside its department. Short names, since a phone shows them as a list of headings.
     */
    lifeEvents: z.array(text.max(12, '主题不超过12个字')).max(8, '主题不超过8个').optional(),
    departmentCode: text,
    legalBasis: z.array(text).min(1, '至少一项'),
    conditions: z.array(text).min(1, '至少一项'),
    materials: z.array(materialSpecObject(text)).min(1, '至少一份申报材料'),
    procedure: z.array(text).min(1, '至少一项'),
    promisedDays: days,
    statutoryDays: days.min(1, '法定时限至少1个工作日'),
    /** the unit of the statutory limit and the extension; the promised limit is working days */
    statutoryUnit: z.enum(limitUnits, '须为 workingDays（工作日）或 calendarDays（日）'),
    /** the article that sets the statutory limit, printed on the guide and the notices */
    statutoryBasis: text,
    extensionDays: days,
    /** the article that allows the extension; required when extensionDays > 0 */
    extensionBasis: text.optional(),
    extensionApprover: z.enum(extensionApprovers, '须为 agencyHead 或 governmentHead').optional(),
    /** Art. 45 is a closed list: publication (公示) pauses the statutory clock only by the item's own law */
    publicationPausesStatutory: z.boolean(),
    publicationBasis: text.optional(),
    validity: validityObject(text),
    /** Art. 30: the sample application form (示范文本) and where the applicant gets it */
    sampleForm: text,
    /** Art. 30: the quantity limit (数量限制), "无数量限制" when there is none */
    quantityLimit: text,
    joint: z.boolean(),
    reviewMode: z.enum(['single', 'twoPerson']),
    fee: z.strictObject({ standard: text, basis: text }),
    contact: z.strictObject({
      phone: z.string().regex(/^0\d{2,3}-\d{7,8}$/, '电话须形如 029-86010101'),
      address: text,
    }),
    certificate: text.optional(),
  });

type Issue = (path: (string | number)[], message: string) => void;

function initialsRule(
  named: { name: string; initials: string },
  path: (string | number)[],
  issue: Issue,
): void {
  const length = [...named.name].length;
  if (hanOnly.test(named.name) && named.initials.length !== length) {
    issue(path, `拼音首字母个数(${named.initials.length})与名称字数(${length})不符`);
  }
}
type ItemFields = z.infer<ReturnType<typeof serviceItemObject>>;

/** The rules an item has held since it was stored: its shape, units, extension and publication. */
function itemRules(item: ItemFields, issue: Issue): void {
  if (!item.code.startsWith(`${item.departmentCode}-`)) {
    issue(['code'], `事项编码须以部门编码 ${item.departmentCode}- 开头`);
  }
  // Search by initials relies on one letter per character; a miscount means a typo.
  initialsRule(item, ['initials'], issue);
  item.aliases?.forEach((alias, i) => {
    initialsRule(alias, ['aliases', i, 'initials'], issue);
    if (alias.name === item.name) issue(['aliases', i, 'name'], '别名不能与事项名称相同');
  });
  for (const i of duplicateIndexes((item.aliases ?? []).map((a) => a.name))) {
    issue(['aliases', i, 'name'], `别名重复: ${item.aliases?.[i]?.name}`);
  }
  for (const i of duplicateIndexes(item.lifeEvents ?? [])) {
    issue(['lifeEvents', i], `主题重复: ${item.lifeEvents?.[i]}`);
  }
  if (item.promisedDays > promisedCeiling(item)) {
    issue(
      ['promisedDays'],
      item.statutoryUnit === 'calendarDays'
        ? `承诺时限(${item.promisedDays}个工作日)不能长于法定时限(${item.statutoryDays}日，约合${promisedCeiling(item)}个工作日)`
        : `承诺时限(${item.promisedDays})不能长于法定时限(${item.statutoryDays})`,
    );
  }
  if (item.joint && item.extensionDays !== jointExtensionDays) {
    issue(['extensionDays'], `联办事项延期为${jointExtensionDays}日(行政许可法第四十二条)`);
  }
  if (!item.joint && item.extensionDays > maxExtensionDays) {
    issue(['extensionDays'], `非联办事项延期不超过${maxExtensionDays}日(行政许可法第四十二条)`);
  }
  if (item.extensionDays > 0) {
    if (item.extensionBasis === undefined)
      issue(['extensionBasis'], '可延期的事项须写明延期的法律依据');
    if (item.extensionApprover === undefined)
      issue(['extensionApprover'], '可延期的事项须写明批准延期的负责人');
  } else {
    if (item.extensionBasis !== undefined)
      issue(['extensionBasis'], '不可延期的事项不应填写延期依据');
    if (item.extensionApprover !== undefined)
      issue(['extensionApprover'], '不可延期的事项不应填写批准人');
  }
  if (item.joint && item.extensionApprover === 'agencyHead') {
    issue(
      ['extensionApprover'],
      '联办事项延期须经本级人民政府负责人批准(行政许可法第四十二条第二款)',
    );
  }
  if (item.joint && item.statutoryUnit !== 'workingDays') {
    issue(['statutoryUnit'], '联办事项的45日是行政许可法的期限，按工作日计算(第八十二条)');
  }
  if (item.publicationPausesStatutory && item.publicationBasis === undefined) {
    issue(
      ['publicationBasis'],
      '公示不在行政许可法第四十五条之列：须写明本事项法律规定公示不计时的依据',
    );
  }
  if (!item.publicationPausesStatutory && item.publicationBasis !== undefined) {
    issue(['publicationBasis'], '公示不暂停法定时限时不应填写依据');
  }
  for (const index of duplicateIndexes(item.materials.map((m) => m.id))) {
    issue(['materials', index, 'id'], `材料编号重复: ${item.materials[index]?.id}`);
  }
}

const issuesTo =
  (ctx: z.RefinementCtx): Issue =>
  (path, message) =>
    ctx.addIssue({ code: 'custom', path, message });

/**
 * A catalog item as the manager enters it (center API, item editor, catalog file): every rule,
 * including that its articles say what its limits are.
 */
export const serviceItemSchema = serviceItemObject(enteredText).superRefine((item, ctx) => {
  itemRules(item, issuesTo(ctx));
  lawRules(item, issuesTo(ctx));
});

/**
 * An item as stored: the center's items and item versions, and what it sends the terminals.
 * Migration 0012 gave the items stored before issue 14 the legacy reading (Art. 42 ¶1 for every
 * limit, 3 to 60 days), which the article rules refuse; an item version is history and can never
 * be corrected, and the manager corrects a current item by replacing it (serviceItemSchema). So
 * reading one must not fail on the article rules, or the center could judge and serve nothing.
 * Nor on hidden characters (issue 15), which only what is entered now is checked for.
 */
export const storedServiceItemSchema = serviceItemObject(storedText).superRefine((item, ctx) =>
  itemRules(item, issuesTo(ctx)),
);

export const catalogSchema = z
  .strictObject({
    version: enteredText,
    departments: z.array(departmentSchema).min(1, '至少一个部门'),
    items: z.array(serviceItemSchema),
  })
  // Cross-item rules run even when some item is malformed (zod would skip them by default), so
  // one pass over a hand-edited file lists every problem. Hence they read fields defensively.
  .superRefine(
    (catalog, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: 'custom', path, message });
      const departmentCodes = catalog.departments.map((d) => stringField(d, 'code'));
      const itemCodes = catalog.items.map((it) => stringField(it, 'code'));
      const itemNames = catalog.items.map((it) => stringField(it, 'name'));

      for (const i of duplicateIndexes(departmentCodes)) {
        issue(['departments', i, 'code'], `部门编码重复: ${departmentCodes[i]}`);
      }
      for (const i of duplicateIndexes(itemCodes)) {
        issue(['items', i, 'code'], `事项编码重复: ${itemCodes[i]}`);
      }
      for (const i of duplicateIndexes(itemNames)) {
        issue(['items', i, 'name'], `事项名称重复: ${itemNames[i]}`);
      }
      const known = new Set(departmentCodes);
      catalog.items.forEach((it, i) => {
        const code = stringField(it, 'departmentCode');
        if (code !== undefined && !known.has(code)) {
          issue(['items', i, 'departmentCode'], `未知部门: ${code}`);
        }
      });
    },
    {
      when: (payload) => hasArray(payload.value, 'departments') && hasArray(payload.value, 'items'),
    },
  );

type ArticleParagraph = 1 | 2 | 'none';

/**
 * Which paragraph of 行政许可法 Art. 42 a basis cites ('none': the article without its paragraph),
 * or undefined when it cites no Art. 42 of that law. Read from the text a manager types: the full
 * title or the short one, spaces anywhere, Chinese or Arabic numerals.
 */
export function article42Paragraph(basis: string): ArticleParagraph | undefined {
  const match = /《(?:中华人民共和国)?行政许可法》第(?:四十二|42)条(?:第([一二12])款)?/.exec(
    basis.replace(/\s+/g, ''),
  );
  if (!match) return undefined;
  const paragraph = match[1];
  if (paragraph === undefined) return 'none';
  return paragraph === '一' || paragraph === '1' ? 1 : 2;
}

/** A legal basis names its law or regulation by its title in 《》; "长期" or "x" names nothing. */
const namesLaw = (basis: string) => /《[^《》]*[^《》\s][^《》]*》/.test(basis);

/** Art. 42 ¶1 sets 20 days, ¶2 (joint, unified or centralized handling) 45. */
const article42Days = { 1: 20, 2: 45 } as const;

/**
 * The item's articles must say what its limits are: each basis names a law, an Art. 42 basis
 * states its paragraph and that paragraph's own limit (in working days, Art. 82), a joint item
 * rests on ¶2 and only a joint item does, and Art. 42's extension extends only Art. 42's limit.
 */
function lawRules(item: ItemFields, issue: Issue): void {
  const bases: [(string | number)[], string | undefined][] = [
    [['statutoryBasis'], item.statutoryBasis],
    [['extensionBasis'], item.extensionBasis],
    [['publicationBasis'], item.publicationBasis],
    [['validity', 'basis'], item.validity.kind === 'decided' ? undefined : item.validity.basis],
  ];
  for (const [path, basis] of bases) {
    if (basis !== undefined && !namesLaw(basis)) {
      issue(path, '依据须写明法律、法规的名称（如《中华人民共和国行政许可法》第四十二条第一款）');
    }
  }
  const statutory = article42Paragraph(item.statutoryBasis);
  const extension =
    item.extensionBasis === undefined ? undefined : article42Paragraph(item.extensionBasis);
  if (statutory === 'none') {
    issue(['statutoryBasis'], '引用行政许可法第四十二条须写明第一款或第二款');
  }
  // (without Art. 42 behind the limit, the rule below says what is wrong)
  if (extension === 'none' && statutory !== undefined) {
    issue(['extensionBasis'], '引用行政许可法第四十二条须写明第一款或第二款');
  }
  if (statutory === 1 || statutory === 2) {
    const limit = article42Days[statutory];
    if (item.statutoryDays !== limit) {
      issue(
        ['statutoryDays'],
        `行政许可法第四十二条第${statutory === 1 ? '一' : '二'}款规定的期限为${limit}日，不是${item.statutoryDays}日；其他期限须引用规定该期限的法律、法规`,
      );
    }
    if (item.statutoryUnit !== 'workingDays') {
      issue(['statutoryUnit'], '行政许可法第四十二条的期限按工作日计算(第八十二条)');
    }
  }
  if (item.joint && statutory !== 2) {
    issue(
      ['statutoryBasis'],
      '联办事项的法定时限依据为行政许可法第四十二条第二款(统一办理、联合办理、集中办理)',
    );
  }
  if (!item.joint && statutory === 2) {
    issue(
      ['statutoryBasis'],
      '行政许可法第四十二条第二款只适用于统一办理、联合办理、集中办理的事项',
    );
  }
  if (item.joint && item.extensionBasis !== undefined && extension !== 2) {
    issue(['extensionBasis'], '联办事项延期的依据为行政许可法第四十二条第二款');
  }
  if (!item.joint && item.extensionApprover === 'governmentHead') {
    issue(
      ['extensionApprover'],
      '经本级人民政府负责人批准延期只适用于联办事项(行政许可法第四十二条第二款)；本事项延期由本机关负责人批准',
    );
  }
  // An extension under Art. 42 extends Art. 42's own limit only: GA-002's 7日 under its own
  // regulation cannot be lengthened by Art. 42 ¶1.
  if (
    extension !== undefined &&
    (statutory === undefined || (extension !== 'none' && statutory !== extension))
  ) {
    const cited = extension === 1 ? '第一款' : extension === 2 ? '第二款' : '';
    issue(
      ['extensionBasis'],
      `行政许可法第四十二条${cited}的延期只适用于${cited ? '该款' : '该条'}自身的期限：法定时限依据须同为第四十二条${cited}，否则写明本事项法律、法规规定的延期依据`,
    );
  }
}

/**
 * The most working days a calendar-day limit surely holds: 5 in every 7 days. A promise longer
 * than that could end after the law's own limit.
 */
export function promisedCeiling(item: { statutoryDays: number; statutoryUnit: LimitUnit }): number {
  return item.statutoryUnit === 'calendarDays'
    ? Math.floor((item.statutoryDays * 5) / 7)
    : item.statutoryDays;
}

export type Department = z.infer<typeof departmentSchema>;

/** A department as the center's and the terminal's tables store it (settings null until set). */
export type DepartmentRow = {
  code: string;
  name: string;
  reconsideration_body: string | null;
  court: string | null;
  intake_seal: string | null;
};

/** A stored department as the catalog says it: a setting not made yet is absent, not empty. */
export function departmentFromRow(row: DepartmentRow): Department {
  return {
    code: row.code,
    name: row.name,
    ...(row.reconsideration_body ? { reconsiderationBody: row.reconsideration_body } : {}),
    ...(row.court ? { court: row.court } : {}),
    ...(row.intake_seal === 'printed' || row.intake_seal === 'byHand'
      ? { intakeSeal: row.intake_seal }
      : {}),
  };
}

/** The row of a department; its settings are replaced whole (a field left out is cleared). */
export function departmentToRow(department: Department): DepartmentRow {
  return {
    code: department.code,
    name: department.name,
    reconsideration_body: department.reconsiderationBody ?? null,
    court: department.court ?? null,
    intake_seal: department.intakeSeal ?? null,
  };
}
export type MaterialSpec = z.infer<typeof materialSpecSchema>;
export type ServiceItem = z.infer<typeof serviceItemSchema>;
export type Catalog = z.infer<typeof catalogSchema>;

/** Indexes of every value that already appeared earlier in the list (the first stays unflagged). */
function duplicateIndexes(values: readonly (string | undefined)[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v === undefined) return;
    if (seen.has(v)) out.push(i);
    else seen.add(v);
  });
  return out;
}

function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field.trim() : undefined;
}

function hasArray(value: unknown, key: string): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Record<string, unknown>)[key])
  );
}
