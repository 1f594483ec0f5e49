import type { ApiResult, CallInput, CallName, CallOutput } from '../shared/api';
import { errorMessage } from './i18n/errors';
import { useLocale } from './i18n';
import { useScreenLock } from './stores/screen-lock';
import { useSession } from './stores/session';

type Bridge = { [K in CallName]: (input: CallInput<K>) => Promise<ApiResult<CallOutput<K>>> };

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting the DOM's Window needs an interface
  interface Window {
    /** set by the Electron preload; absent in a browser (web mode) */
    hall?: Bridge;
  }
}

/**
 * The renderer's only road to the main process: `window.hall` inside Electron, the same
 * contract over HTTP in a browser. Failures come back as results, never as exceptions.
 */
export async function call<K extends CallName>(
  name: K,
  input: CallInput<K>,
): Promise<ApiResult<CallOutput<K>>> {
  let result: ApiResult<CallOutput<K>>;
  try {
    result = window.hall ? await window.hall[name](input) : await overHttp(name, input);
  } catch {
    result = { ok: false, error: { code: 'unavailable', message: '无法连接本机服务' } };
  }
  if (result.ok) return result;
  // An ended session (idle, signed out elsewhere, account changed) returns the clerk to login.
  // A wrong password at the lock screen is not an ended session: the lock screen says so.
  const wrongUnlock = name === 'session.unlock' && result.error.rule?.startsWith('signIn.');
  if (result.error.code === 'unauthenticated' && name !== 'auth.login' && !wrongUnlock) {
    useSession.getState().clear();
  }
  // main locked the session (idle while the page did not notice, e.g. a hidden window)
  if (result.error.rule === 'screenLock.locked') useScreenLock.getState().lock();
  // Every page shows `message`: said here once in the UI's language, no page has to remember to.
  const message = errorMessage(result.error, useLocale.getState().locale);
  return { ok: false, error: { ...result.error, message } };
}

async function overHttp<K extends CallName>(
  name: K,
  input: CallInput<K>,
): Promise<ApiResult<CallOutput<K>>> {
  const token = useSession.getState().session?.token;
  const res = await fetch(`./api/${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(input),
  });
  return (await res.json()) as ApiResult<CallOutput<K>>;
}
