import { closureRoutes } from './admin/closures';
import { departmentRoutes } from './admin/departments';
import { deviceRoutes } from './admin/devices';
import { enrollmentCodeRoutes } from './admin/enrollment-codes';
import { itemRoutes } from './admin/items';
import { powerRoutes } from './admin/powers';
import { settingsRoutes } from './admin/settings';
import { staffRoutes } from './admin/staff';
import { windowRoutes } from './admin/windows';
import { authRoutes } from './auth/routes';
import { caseRoutes } from './cases/routes';
import type { RouteSpec } from './http/spec';
import { referenceRoutes } from './reference/routes';
import { reportRoutes } from './reports/routes';
import { complaintRoutes } from './supervision/complaint-routes';
import { supervisionRoutes } from './supervision/routes';
import { syncRoutes } from './sync/routes';

/** Every call of the center's API but /health and /openapi.json: one table, one place to look. */
export const apiRoutes: readonly RouteSpec[] = [
  ...authRoutes,
  ...departmentRoutes,
  ...windowRoutes,
  ...staffRoutes,
  ...itemRoutes,
  ...powerRoutes,
  ...closureRoutes,
  ...settingsRoutes,
  ...referenceRoutes,
  ...enrollmentCodeRoutes,
  ...deviceRoutes,
  ...syncRoutes,
  ...caseRoutes,
  ...reportRoutes,
  ...supervisionRoutes,
  ...complaintRoutes,
];
