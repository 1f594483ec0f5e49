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
// issue 17 part 3: the guide's words, one source for the window and the public /guide/
export {
  materialFormWords,
  materialRequirementWords,
  materialTerms,
  materialWords,
  timeLimitWords,
  validityWords,
} from './guide-words';
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
