export type { Catalog, Department, MaterialSpec, ServiceItem } from './schema';
export {
  catalogSchema,
  departmentSchema,
  jointExtensionDays,
  materialSpecSchema,
  maxExtensionDays,
  serviceItemSchema,
} from './schema';
export { parseCatalog } from './parse';
export type { ItemSnapshot } from './snapshot';
export { toItemSnapshot } from './snapshot';
export { searchItems } from './search';
export type { Power, WindowPowers } from './powers';
export { powerLabels, powerSchema, powers, windowPowersSchema } from './powers';
