import { HttpError } from '../http/errors';
import type { AuthDevice, AuthStaff } from '../http/spec';

export function notFound(what: string): HttpError {
  return new HttpError(404, 'not_found', `${what}不存在`);
}

export function conflict(field: string, message: string): HttpError {
  return new HttpError(409, 'conflict', message, { field });
}

export function invalid(field: string, message: string): HttpError {
  return new HttpError(400, 'invalid_input', message, { field });
}

/** The member a staff route was authenticated as (the app sets it before the handler runs). */
export function signedIn(staff: AuthStaff | null): AuthStaff {
  if (!staff) throw new HttpError(401, 'unauthenticated', '请先登录');
  return staff;
}

/** The terminal a device call was authenticated as (the app resolves it before the handler). */
export function authenticatedDevice(device: AuthDevice | null): AuthDevice {
  if (!device) throw new Error('device route reached without an authenticated device');
  return device;
}
