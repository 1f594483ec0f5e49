import { z } from 'zod';
import { typedText } from '../text';

// 常用语 (part W of issue 16): wording a department uses again and again in the free-text fields
// of its notices and decisions, kept by the center's manager per department and kind, pulled by
// the department's terminals with the catalog, and offered at the field. A phrase is only a
// starting point: the clerk edits it in the field, and the field's own rules judge what is sent.

export const phraseKinds = [
  'refusalReason',
  'denyReason',
  'legalBasis',
  'supplementNote',
  'reviewOpinion',
] as const;
export type PhraseKind = (typeof phraseKinds)[number];

export const phraseKindLabels: Readonly<Record<PhraseKind, string>> = {
  refusalReason: '不予受理理由',
  denyReason: '不予许可理由',
  legalBasis: '法律依据',
  supplementNote: '补正内容说明',
  reviewOpinion: '审查意见',
};

export const phraseLimits = { maxLength: 500, perKind: 50 } as const;

/** One phrase as the manager types it: the typed-text rules, several lines allowed. */
export const phraseTextSchema = typedText({
  required: '常用语不能为空',
  max: phraseLimits.maxLength,
  lines: true,
});

/** A department's phrases of one kind, in the order offered; no phrase twice. */
export const phraseListSchema = z
  .array(phraseTextSchema)
  .max(phraseLimits.perKind, `每类常用语不能超过${phraseLimits.perKind}条`)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const [index, text] of list.entries()) {
      if (seen.has(text)) ctx.addIssue({ code: 'custom', path: [index], message: '常用语重复' });
      seen.add(text);
    }
  });

/** As stored and sent: every kind present, possibly empty. */
export const departmentPhrasesSchema = z.strictObject(
  Object.fromEntries(phraseKinds.map((k) => [k, z.array(z.string())])) as Record<
    PhraseKind,
    z.ZodArray<z.ZodString>
  >,
);
export type DepartmentPhrases = z.infer<typeof departmentPhrasesSchema>;

export function noPhrases(): DepartmentPhrases {
  return Object.fromEntries(phraseKinds.map((k) => [k, []])) as unknown as DepartmentPhrases;
}

/**
 * The shipped defaults (resources/phrases/default-phrases.json): department code → phrases, and
 * under "*" those every department starts with (the general law of administrative licensing).
 */
export const shippedPhrasesSchema = z.record(z.string(), departmentPhrasesSchema.partial());
export type ShippedPhrases = z.infer<typeof shippedPhrasesSchema>;

/** The defaults of one department, every kind present: the general ones, then its own. */
export function shippedFor(shipped: ShippedPhrases, departmentCode: string): DepartmentPhrases {
  const general = shipped['*'] ?? {};
  const own = shipped[departmentCode] ?? {};
  return Object.fromEntries(
    phraseKinds.map((k) => [k, [...(general[k] ?? []), ...(own[k] ?? [])]]),
  ) as unknown as DepartmentPhrases;
}
