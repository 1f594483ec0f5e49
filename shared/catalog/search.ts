import type { Catalog, ServiceItem } from './schema';

// Lower rank = shown first. A clerk who types a full code wants that item; pinyin initials are
// the usual way to type at a window keyboard, so a prefix of them beats a loose name match.
const rank = {
  exactCode: 0,
  initialsPrefix: 1,
  nameContains: 2,
  codePrefix: 3,
  initialsContains: 4,
  // an alias is what the applicant calls the item: after the item's own name and initials, so
  // typing an item's name never puts an item that merely shares the word first
  aliasContains: 5,
  aliasInitialsPrefix: 6,
} as const;

/**
 * Items matching `query` by code, pinyin initials, name or an alias (its name or initials;
 * case-insensitive), best first; ties
 * keep catalog order. An empty query lists every item (of the department, when given).
 */
export function searchItems(
  catalog: Catalog,
  query: string,
  departmentCode?: string,
): ServiceItem[] {
  const items =
    departmentCode === undefined
      ? catalog.items
      : catalog.items.filter((item) => item.departmentCode === departmentCode);
  const name = query.trim().toLowerCase();
  if (name === '') return [...items];
  // Codes and initials never contain spaces; "gt gsh" is still the same initials.
  const compact = name.replace(/\s+/g, '');
  return items
    .map((item, index) => ({ item, index, rank: rankOf(item, name, compact) }))
    .filter(
      (hit): hit is { item: ServiceItem; index: number; rank: number } => hit.rank !== undefined,
    )
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((hit) => hit.item);
}

/**
 * The alias by which `query` found the item, when it found it by nothing of its own: the picker
 * shows it, so the clerk sees why 个体工商户设立登记 answers "营业执照".
 */
export function matchedAlias(item: ServiceItem, query: string): string | undefined {
  const name = query.trim().toLowerCase();
  const compact = name.replace(/\s+/g, '');
  if (name === '' || (rankOf(item, name, compact) ?? 0) < rank.aliasContains) return undefined;
  return item.aliases?.find(
    (a) => a.name.toLowerCase().includes(name) || a.initials.startsWith(compact),
  )?.name;
}

function rankOf(item: ServiceItem, name: string, compact: string): number | undefined {
  const code = item.code.toLowerCase();
  if (code === compact) return rank.exactCode;
  if (item.initials.startsWith(compact)) return rank.initialsPrefix;
  if (item.name.toLowerCase().includes(name)) return rank.nameContains;
  if (code.startsWith(compact)) return rank.codePrefix;
  if (item.initials.includes(compact)) return rank.initialsContains;
  const aliases = item.aliases ?? [];
  if (aliases.some((a) => a.name.toLowerCase().includes(name))) return rank.aliasContains;
  if (aliases.some((a) => a.initials.startsWith(compact))) return rank.aliasInitialsPrefix;
  return undefined;
}
