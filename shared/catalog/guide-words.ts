import { approverLabels } from './law';
import { limitText } from './limit-words';
import type { MaterialSpec, ServiceItem, Validity } from './schema';

// The words of the public guide (七公开) for an item's limits and materials. The window's intake
// guide, its printed 办事指南 and the center's public /guide/ page all take them from here, so an
// applicant reading the phone page and the clerk reading the window can never be told two things.

export const materialFormWords: Readonly<Record<MaterialSpec['form'], string>> = {
  original: '原件',
  copy: '复印件',
  either: '原件或复印件',
};

/** 'Needed only in some cases' rather than 'optional': an applicant must not leave it at home. */
export const materialRequirementWords = { required: '必需', conditional: '视情形' } as const;

/** A material's terms as the guide states them: requirement, form and count. */
export function materialWords(material: Pick<MaterialSpec, 'required' | 'form' | 'count'>): {
  requirement: string;
  form: string;
  count: string;
} {
  return {
    requirement: material.required
      ? materialRequirementWords.required
      : materialRequirementWords.conditional,
    form: materialFormWords[material.form],
    count: `${material.count}份`,
  };
}

/** '必需 · 原件 · 1份': one line where there is no room for the guide's table (window, phone). */
export function materialTerms(material: Pick<MaterialSpec, 'required' | 'form' | 'count'>): string {
  const w = materialWords(material);
  return `${w.requirement} · ${w.form} · ${w.count}`;
}

type LimitFields = Pick<
  ServiceItem,
  | 'promisedDays'
  | 'statutoryDays'
  | 'statutoryUnit'
  | 'statutoryBasis'
  | 'extensionDays'
  | 'extensionBasis'
  | 'extensionApprover'
  | 'publicationPausesStatutory'
  | 'publicationBasis'
>;

/**
 * Art. 30's 期限, as the item's own law sets it: the unit its law counts in (a regulation's "60日"
 * is not 60 working days), the article, and who may extend it — a joint item's 15 working days
 * only by 本级人民政府负责人 (Art. 42(2)).
 */
export function timeLimitWords(item: LimitFields): string {
  const promised =
    item.promisedDays === 0 ? '即办（当场办结）' : `承诺${item.promisedDays}个工作日内办结`;
  const statutory = `法定时限${limitText(item.statutoryDays, item.statutoryUnit)}（${item.statutoryBasis}）`;
  const extension =
    item.extensionDays > 0 && item.extensionApprover && item.extensionBasis
      ? `；经${approverLabels[item.extensionApprover]}批准可延长${limitText(item.extensionDays, item.statutoryUnit)}（${item.extensionBasis}），并将延长期限的理由告知申请人`
      : '；法律未规定延长办理期限';
  // Art. 45 is a closed list: publication pauses the statutory limit only by the item's own law
  const publication = item.publicationPausesStatutory
    ? `公示期间依照${item.publicationBasis ?? '有关规定'}不计算在法定时限内。`
    : '';
  return `${promised}；${statutory}${extension}。依法需要听证、检验、检测、鉴定、专家评审的，所需时间不计算在内。${publication}`;
}

/** How long the licence is valid, as the guide tells the applicant before applying. */
export function validityWords(validity: Validity): string {
  switch (validity.kind) {
    case 'years':
      return `${validity.years}年（${validity.basis}）`;
    case 'permanent':
      return `长期（${validity.basis}）`;
    case 'decided':
      return '以许可决定载明的期限为准';
  }
}
