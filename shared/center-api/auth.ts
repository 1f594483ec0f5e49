import { roles } from '../case';
import type { CenterAuth } from './call';

/** Only the center's manager changes reference data. */
export const managerOnly: CenterAuth = { kind: 'staff', roles: ['manager'] };
/** The supervisor (督查) reads everything the manager keeps, to audit it. */
export const managerOrSupervisor: CenterAuth = { kind: 'staff', roles: ['manager', 'supervisor'] };
export const supervisorOnly: CenterAuth = { kind: 'staff', roles: ['supervisor'] };
export const anyStaff: CenterAuth = { kind: 'staff', roles };
export const anyone: CenterAuth = { kind: 'none' };
export const terminal: CenterAuth = { kind: 'device' };
/** A window's rating device (评价器), paired once with its window (issue 17 part 2). */
export const ratingDevice: CenterAuth = { kind: 'rater' };
