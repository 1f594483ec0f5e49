import { itemLaw, type ItemLaw } from './law';
import type { MaterialSpec, ServiceItem } from './schema';

/** What a case keeps of its item: the clocks, the review mode and the checklist, as at intake. */
export type ItemSnapshot = Pick<
  ServiceItem,
  | 'code'
  | 'name'
  | 'departmentCode'
  | 'reviewMode'
  | 'promisedDays'
  | 'statutoryDays'
  | 'extensionDays'
  | 'joint'
  | 'certificate'
> &
  ItemLaw & { materials: Pick<MaterialSpec, 'id' | 'name' | 'required' | 'form' | 'count'>[] };

/**
 * Copies only what decides the case. Fresh objects: a later catalog edit (or a caller mutating
 * the catalog in memory) must not reach into a case already received.
 */
export function toItemSnapshot(item: ServiceItem): ItemSnapshot {
  return {
    code: item.code,
    name: item.name,
    departmentCode: item.departmentCode,
    reviewMode: item.reviewMode,
    promisedDays: item.promisedDays,
    statutoryDays: item.statutoryDays,
    extensionDays: item.extensionDays,
    joint: item.joint,
    ...itemLaw(item),
    ...(item.certificate ? { certificate: item.certificate } : {}),
    materials: item.materials.map(({ id, name, required, form, count }) => ({
      id,
      name,
      required,
      form,
      count,
    })),
  };
}
