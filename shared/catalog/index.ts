export type {
  Catalog,
  Department,
  DepartmentRow,
  ExtensionApprover,
  IntakeSealMode,
  LimitUnit,
  MaterialSpec,
  ServiceItem,
  Validity,
} from './schema';
export {
  catalogSchema,
  departmentSchema,
  storedDepartmentSchema,
  departmentFromRow,
  departmentToRow,
  jointExtensionDays,
  materialSpecSchema,
  maxExtensionDays,
  promisedCeiling,
  validitySchema,
  limitUnits,
  extensionApprovers,
  intakeSealModes,
  serviceItemSchema,
  storedServiceItemSchema,
} from './schema';
export { parseCatalog } from './parse';
export type { ItemSnapshot } from './snapshot';
export { toItemSnapshot } from './snapshot';
export { matchedAlias, searchItems } from './search';
export type { Power, WindowPowers } from './powers';
export { powerLabels, powerSchema, powers, windowPowersSchema } from './powers';
export type { ItemLaw } from './law';
export {
  adoptShippedLaw,
  approverLabels,
  itemLaw,
  legacyGuideFields,
  legacyItemLaw,
  onLegacyLaw,
  withItemLaw,
} from './law';
export { limitText, limitUnitWords } from './limit-words';
// part W of issue 16: 常用语
export type { DepartmentPhrases, PhraseKind, ShippedPhrases } from './phrases';
export {
  departmentPhrasesSchema,
  noPhrases,
  phraseKindLabels,
  phraseKinds,
  phraseLimits,
  phraseListSchema,
  phraseTextSchema,
  shippedFor,
  shippedPhrasesSchema,
} from './phrases';
