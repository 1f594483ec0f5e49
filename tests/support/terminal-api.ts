import { afterEach } from 'vitest';
import type { ApiResult } from '../../shared/api';
import { dispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import type { Terminal } from '../../electron/services/context';
import { personApplicant } from './applicants';
import { tempTerminal } from './terminal';

// The terminal's use cases through the same dispatcher the renderer reaches, on a real SQLite
// file, with a clock the test moves. Importing this registers the cleanup after each test.

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A demo terminal whose clock starts at `start`; `as(role)` signs the demo account in. */
export function terminalAt(start: string) {
  let now = new Date(start);
  const opened = tempTerminal(() => now);
  cleanup = opened.cleanup;
  const t = opened.terminal;
  const as = async (role: string) => {
    const account = t.demoAccounts.find((a) => a.role === role)!;
    const login = await call(t, null, 'auth.login', {
      username: account.username,
      password: account.password,
    });
    return login.token as string;
  };
  return { t, as, setNow: (iso: string) => (now = new Date(iso)) };
}

export async function attempt(
  t: Terminal,
  token: string | null,
  name: string,
  input: unknown,
): Promise<ApiResult<Record<string, unknown>>> {
  return (await dispatch(handlers, name, input, {
    terminal: t,
    session: t.sessions.resolve(token),
    token,
  })) as ApiResult<Record<string, unknown>>;
}

export async function call(t: Terminal, token: string | null, name: string, input: unknown) {
  const r = await attempt(t, token, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

export function itemMaterials(
  t: Terminal,
  code: string,
): { id: string; name: string; required: boolean }[] {
  const row = t.db.prepare('SELECT data FROM items WHERE code = ?').get(code) as { data: string };
  return (JSON.parse(row.data) as { materials: { id: string; name: string; required: boolean }[] })
    .materials;
}

/** The clerk checks every material of the item as received and accepts the case. */
export async function acceptComplete(
  t: Terminal,
  clerk: string,
  caseId: unknown,
  itemCode: string,
) {
  const materials = itemMaterials(t, itemCode).map((m) => ({
    materialId: m.id,
    status: 'received',
  }));
  await call(t, clerk, 'cases.record', {
    caseId,
    type: 'materialsChecked',
    payload: { materials },
  });
  await call(t, clerk, 'cases.record', { caseId, type: 'accepted', payload: {} });
}

/** A case of `itemCode` received from applicant `n`, every material checked, accepted. */
export async function acceptedCase(
  t: Terminal,
  clerk: string,
  itemCode: string,
  n: number,
): Promise<string> {
  const { caseId } = await call(t, clerk, 'cases.receive', {
    itemCode,
    applicant: personApplicant(n),
    channel: 'window',
  });
  await acceptComplete(t, clerk, caseId, itemCode);
  return caseId as string;
}
