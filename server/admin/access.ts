import { roles } from '../../shared/case';
import { HttpError } from '../http/errors';
import type { Auth, AuthStaff } from '../http/spec';

/** Only the center's manager changes reference data. */
export const managerOnly: Auth = { kind: 'staff', roles: ['manager'] };
/** The supervisor (督查) reads everything the manager keeps, to audit it. */
export const managerOrSupervisor: Auth = { kind: 'staff', roles: ['manager', 'supervisor'] };
export const anyStaff: Auth = { kind: 'staff', roles };

export function notFound(zh: string, en: string): HttpError {
  return new HttpError(404, 'not_found', `${zh}不存在 / ${en} not found`);
}

export function conflict(field: string, message: string): HttpError {
  return new HttpError(409, 'conflict', message, { field });
}

export function invalid(field: string, message: string): HttpError {
  return new HttpError(400, 'invalid_input', message, { field });
}

/** The member a staff route was authenticated as (the app sets it before the handler runs). */
export function signedIn(staff: AuthStaff | null): AuthStaff {
  if (!staff) throw new HttpError(401, 'unauthenticated', '请先登录 / sign-in required');
  return staff;
}
