export type { IdCheck } from './id-check';
export { checkResidentId, residentIdCheckChar } from './resident-id';
export { checkUscc, usccCheckChar } from './uscc';
export { checkMobile } from './mobile';
export { residentIdSchema, usccSchema, mobileSchema } from './schemas';
export { maskName } from './mask';
