import { authenticatedDevice } from '../admin/access';
import type { CenterHandlers } from '../http/spec';
import { registerSealKey } from './keys';

// The chiefs' seal keys: shared/center-api/seal-schemas.ts holds the call's schema.
export const sealHandlers = {
  'seal.register': async ({ body, device, address }, ctx) => ({
    body: await registerSealKey(ctx, authenticatedDevice(device), body, address),
  }),
} satisfies Partial<CenterHandlers>;
