import type { CenterHandlers } from '../http/spec';
import { readVersions } from './versions';

export const referenceHandlers = {
  'reference.versions': async (_input, ctx) => ({ body: await readVersions(ctx.db) }),
} satisfies Partial<CenterHandlers>;
