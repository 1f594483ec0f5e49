import type { Role } from '../../shared/case';

/** The manager's side of the center's HTTP API, as the tests need it. */
export type CenterAdmin = {
  call: <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => Promise<T>;
  createWindow: (w: { code: string; name: string; departmentCode: string }) => Promise<string>;
  createStaff: (s: {
    username: string;
    name: string;
    role: Role;
    windowId: string | null;
    password: string;
  }) => Promise<string>;
  enrollmentCode: (windowId: string) => Promise<string>;
};

export async function centerAdmin(
  url: string,
  account: { username: string; password: string },
): Promise<CenterAdmin> {
  const send = async <T>(
    method: string,
    path: string,
    body: unknown,
    token: string | null,
  ): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const { token } = await send<{ token: string }>('POST', '/api/auth/login', account, null);
  const call = <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
    send<T>(method, path, body, token);
  return {
    call,
    createWindow: async (w) => (await call<{ id: string }>('POST', '/api/windows', w)).id,
    createStaff: async (s) => (await call<{ id: string }>('POST', '/api/staff', s)).id,
    enrollmentCode: async (windowId) =>
      (await call<{ code: string }>('POST', `/api/windows/${windowId}/enrollment-codes`)).code,
  };
}
