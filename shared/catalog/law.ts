import type { ExtensionApprover, LimitUnit, ServiceItem, Validity } from './schema';

/** The law behind an item's limits, as a case keeps it and as the clocks and notices read it. */
export type ItemLaw = {
  statutoryUnit: LimitUnit;
  statutoryBasis: string;
  extensionBasis?: string;
  extensionApprover?: ExtensionApprover;
  publicationPausesStatutory: boolean;
  /** the item's own law that makes publication (公示) pause the statutory limit */
  publicationBasis?: string;
  validity: Validity;
};

const article42 = {
  ordinary: '《中华人民共和国行政许可法》第四十二条第一款',
  joint: '《中华人民共和国行政许可法》第四十二条第二款',
} as const;

/**
 * What an item recorded before the catalog carried its law meant, read as the product then
 * counted it: working days under Art. 42, no publication pause, validity set by the decision.
 * Cases received then and catalogs stored then both read this, so it must never change.
 */
export function legacyItemLaw(item: { joint: boolean; extensionDays: number }): ItemLaw {
  const basis = item.joint ? article42.joint : article42.ordinary;
  return {
    statutoryUnit: 'workingDays',
    statutoryBasis: basis,
    ...(item.extensionDays > 0
      ? {
          extensionBasis: basis,
          extensionApprover: item.joint ? ('governmentHead' as const) : ('agencyHead' as const),
        }
      : {}),
    publicationPausesStatutory: false,
    validity: { kind: 'decided' },
  };
}

/** The two Art. 30 fields a stored catalog item lacked, as the guide then printed nothing. */
export const legacyGuideFields: Pick<ServiceItem, 'sampleForm' | 'quantityLimit'> = {
  sampleForm: '申请书示范文本：窗口免费提供',
  quantityLimit: '无数量限制',
};

export const approverLabels: Readonly<Record<ExtensionApprover, string>> = {
  agencyHead: '本机关负责人',
  governmentHead: '本级人民政府负责人',
};

/** False for the snapshot of a case received before snapshots carried the item's law. */
export function carriesItemLaw<T extends Partial<ItemLaw>>(
  item: T,
): item is T & Pick<ItemLaw, 'statutoryUnit' | 'statutoryBasis'> {
  return item.statutoryUnit !== undefined && item.statutoryBasis !== undefined;
}

/** The law a case's item snapshot carries, or, for a case received before it did, the legacy reading. */
export function itemLaw(
  item: { joint: boolean; extensionDays: number } & Partial<ItemLaw>,
): ItemLaw {
  if (!carriesItemLaw(item)) return legacyItemLaw(item);
  return {
    statutoryUnit: item.statutoryUnit,
    statutoryBasis: item.statutoryBasis,
    ...(item.extensionBasis !== undefined ? { extensionBasis: item.extensionBasis } : {}),
    ...(item.extensionApprover !== undefined ? { extensionApprover: item.extensionApprover } : {}),
    publicationPausesStatutory: item.publicationPausesStatutory ?? false,
    ...(item.publicationBasis !== undefined ? { publicationBasis: item.publicationBasis } : {}),
    validity: item.validity ?? { kind: 'decided' },
  };
}

/**
 * A stored item (JSON text) given the legacy law and guide fields it lacks; the same text when it
 * has them. The center's and the terminal's migrations both run it over their stored catalogs.
 */
export function withItemLaw(json: string): string {
  const item = JSON.parse(json) as Record<string, unknown>;
  if ('statutoryUnit' in item) return json;
  const joint = item['joint'] === true;
  const extensionDays = typeof item['extensionDays'] === 'number' ? item['extensionDays'] : 0;
  return JSON.stringify({
    ...legacyGuideFields,
    ...legacyItemLaw({ joint, extensionDays }),
    ...item,
  });
}

/** The fields an item's law and Art. 30 guide add to it, as `adoptShippedLaw` copies them. */
export const lawFields = [
  'statutoryUnit',
  'statutoryBasis',
  'extensionBasis',
  'extensionApprover',
  'publicationPausesStatutory',
  'publicationBasis',
  'validity',
  'sampleForm',
  'quantityLimit',
] as const;

/**
 * An item stored before the catalog carried its law, given the law of the same item in the
 * catalog shipped with this program — when it is still on the legacy reading (its guide fields
 * are the migration's placeholder) and it is that item: same code, name and limits. Null when
 * nothing is to change: an item the manager edited or a center's own item stays as it is.
 */
export function adoptShippedLaw(
  stored: ServiceItem,
  shipped: readonly ServiceItem[],
): ServiceItem | null {
  if (stored.sampleForm !== legacyGuideFields.sampleForm) return null;
  const same = shipped.find(
    (s) =>
      s.code === stored.code &&
      s.name === stored.name &&
      s.statutoryDays === stored.statutoryDays &&
      s.extensionDays === stored.extensionDays &&
      s.joint === stored.joint,
  );
  if (!same) return null;
  const adopted: Record<string, unknown> = { ...stored };
  for (const field of lawFields) {
    if (same[field] === undefined) delete adopted[field];
    else adopted[field] = same[field];
  }
  return adopted as ServiceItem;
}

/** True while an item still reads as the migration gave it: the manager should check its law. */
export function onLegacyLaw(item: ServiceItem): boolean {
  return item.sampleForm === legacyGuideFields.sampleForm;
}
