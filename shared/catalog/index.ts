export type {
  Catalog,
  Department,
  ExtensionApprover,
  LimitUnit,
  MaterialSpec,
  ServiceItem,
  Validity,
} from './schema';
export {
  catalogSchema,
  departmentSchema,
  jointExtensionDays,
  materialSpecSchema,
  maxExtensionDays,
  promisedCeiling,
  validitySchema,
  limitUnits,
  extensionApprovers,
  serviceItemSchema,
} from './schema';
export { parseCatalog } from './parse';
export type { ItemSnapshot } from './snapshot';
export { toItemSnapshot } from './snapshot';
export { searchItems } from './search';
export type { Power, WindowPowers } from './powers';
export { powerLabels, powerSchema, powers, windowPowersSchema } from './powers';
export type { ItemLaw } from './law';
export { approverLabels, itemLaw, legacyGuideFields, legacyItemLaw, withItemLaw } from './law';
export { limitText, limitUnitWords } from './limit-words';
