import type { RouteSpec } from '../http/spec';

// Enrollment, push, pull and device status (shared/sync/wire.ts). Filled by the sync work.
export const syncRoutes: RouteSpec[] = [];
