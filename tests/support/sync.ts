import type { SyncOptions } from '../../electron/sync/engine';
import type { ApiResult } from '../../shared/api';
import type { PulledEvent, PullResponse, Reference } from '../../shared/sync';
import { dispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import type { Terminal } from '../../electron/services/context';
import { toStoredEvent, type EventRow } from '../../electron/store/events';
import { toWire } from '../../electron/sync/push';
import { personApplicant } from './applicants';
import { tempTerminal } from './terminal';

/** A demo terminal that does not sync by itself, and a signed-in call for each role. */
export function quietTerminal(
  now = () => new Date('2026-03-02T09:00:00+08:00'),
  sync: SyncOptions = false,
) {
  const opened = tempTerminal(now, { sync });
  const t = opened.terminal;
  const tokens = new Map<string, string>();
  const as = async (role: string): Promise<string> => {
    const known = tokens.get(role);
    if (known) return known;
    const account = t.demoAccounts.find((a) => a.role === role)!;
    const login = await callAs(t, null, 'auth.login', {
      username: account.username,
      password: account.password,
    });
    tokens.set(role, login.token as string);
    return login.token as string;
  };
  return { t, as, cleanup: opened.cleanup };
}

export async function callAs(
  t: Terminal,
  token: string | null,
  name: string,
  input: unknown,
): Promise<Record<string, unknown>> {
  const r = (await dispatch(handlers, name, input, {
    terminal: t,
    session: t.sessions.resolve(token),
    token,
  })) as ApiResult<Record<string, unknown>>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Receives a case at `t` as its clerk; returns its id. */
export async function receive(t: Terminal, clerk: string, n: number): Promise<string> {
  const itemCode = (
    t.db.prepare("SELECT code FROM items WHERE department_code = 'SJ' LIMIT 1").get() as {
      code: string;
    }
  ).code;
  const r = await callAs(t, clerk, 'cases.receive', {
    itemCode,
    applicant: personApplicant(n),
    channel: 'window',
  });
  return r.caseId as string;
}

/** The events of `t` as the center would hand them out, numbered from `firstSeq`. */
export function asPulled(
  t: Terminal,
  eventIds: readonly string[],
  firstSeq: number,
  status: (id: string) => Pick<PulledEvent, 'status' | 'conflict'> = () => ({
    status: 'accepted',
  }),
): PulledEvent[] {
  return eventIds.map((id, i) => {
    const row = t.db.prepare('SELECT * FROM events WHERE id = ?').get(id) as EventRow;
    return { serverSeq: firstSeq + i, ...status(id), event: toWire(toStoredEvent(row)) };
  });
}

export function page(events: PulledEvent[], reference: Reference = {}, more = false): PullResponse {
  return { events, cursor: events.at(-1)?.serverSeq ?? 0, more, reference };
}

/** Ids of the events `t` holds, in the order it wrote them. */
export function eventIds(t: Terminal): string[] {
  return (t.db.prepare('SELECT id FROM events ORDER BY seq').all() as { id: string }[]).map(
    (r) => r.id,
  );
}
