import { z } from 'zod';

// The catalog (事项目录) is hand-edited JSON kept by the center: strict objects, so a misspelt
// optional key ("certficate") is reported instead of silently dropped.

// Whitespace-only text would print as an empty line in the public guide (七公开).
const text = z.string().trim().min(1, '不能为空');
const textList = z.array(text).min(1, '至少一项');
const days = z.number().int().nonnegative();

/** Art. 42 ¶2: joint, unified or centralized handling may be extended by 15 days, and only that. */
export const jointExtensionDays = 15;
/** Art. 42 ¶1: ordinary items at most 10; a special law may allow less or none (市场主体登记: 3). */
export const maxExtensionDays = 10;

export const departmentSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,4}$/, '部门编码须为2–4个大写字母'),
  name: text,
});

export const materialSpecSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '材料编号须为小写字母、数字或连字符'),
  name: text,
  required: z.boolean(),
  form: z.enum(['original', 'copy', 'either']),
  count: z.number().int().min(1, '份数至少为1'),
  note: text.optional(),
});

const hanOnly = /^\p{Script=Han}+$/u;

export const serviceItemSchema = z
  .strictObject({
    code: z.string().regex(/^[A-Z]{2,4}-\d{3}$/, '事项编码须形如 SJ-001'),
    name: text,
    // Digits stay as typed: "4S店" → "4sd".
    initials: z.string().regex(/^[a-z0-9]+$/, '拼音首字母须为小写字母或数字'),
    departmentCode: text,
    legalBasis: textList,
    conditions: textList,
    materials: z.array(materialSpecSchema).min(1, '至少一份申报材料'),
    procedure: textList,
    promisedDays: days,
    statutoryDays: days.min(1, '法定时限至少1个工作日'),
    extensionDays: days,
    joint: z.boolean(),
    reviewMode: z.enum(['single', 'twoPerson']),
    fee: z.strictObject({ standard: text, basis: text }),
    contact: z.strictObject({
      phone: z.string().regex(/^0\d{2,3}-\d{7,8}$/, '电话须形如 029-86010101'),
      address: text,
    }),
    certificate: text.optional(),
  })
  .superRefine((item, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });

    if (!item.code.startsWith(`${item.departmentCode}-`)) {
      issue(['code'], `事项编码须以部门编码 ${item.departmentCode}- 开头`);
    }
    // Search by initials relies on one letter per character; a miscount means a typo.
    if (hanOnly.test(item.name) && item.initials.length !== [...item.name].length) {
      issue(
        ['initials'],
        `拼音首字母个数(${item.initials.length})与名称字数(${[...item.name].length})不符`,
      );
    }
    if (item.promisedDays > item.statutoryDays) {
      issue(
        ['promisedDays'],
        `承诺时限(${item.promisedDays})不能长于法定时限(${item.statutoryDays})`,
      );
    }
    if (item.joint && item.extensionDays !== jointExtensionDays) {
      issue(['extensionDays'], `联办事项延期为${jointExtensionDays}日(行政许可法第四十二条)`);
    }
    if (!item.joint && item.extensionDays > maxExtensionDays) {
      issue(['extensionDays'], `非联办事项延期不超过${maxExtensionDays}日(行政许可法第四十二条)`);
    }
    for (const index of duplicateIndexes(item.materials.map((m) => m.id))) {
      issue(['materials', index, 'id'], `材料编号重复: ${item.materials[index]?.id}`);
    }
  });

export const catalogSchema = z
  .strictObject({
    version: text,
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

export type Department = z.infer<typeof departmentSchema>;
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
