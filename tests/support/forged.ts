import { randomUUID } from 'node:crypto';
import type { Terminal } from '../../electron/services/context';
import { inTransaction } from '../../electron/store/db';
import { appendEvent } from '../../electron/store/events';
import type { CaseEvent } from '../../shared/case';
import { shanghaiIso } from '../../shared/calendar';
import type { Hall } from '../sync/world';
import { adminAccount } from './center';
import { centerAdmin } from './center-admin';
import { attempt } from './terminal-api';

// What a copy of a window PC's data folder can do, and what the center makes of it: the tests
// of the rules a NEW event must pass (notices, dates) forge events past the PC's services and
// read the center's verdict on them.

/** An event straight into the signed log, as a copy of the PC's files can write it. */
export function forge(
  t: Terminal,
  token: string,
  event: Pick<CaseEvent, 'caseId' | 'type' | 'payload'>,
): string {
  const session = t.sessions.resolve(token)!;
  const full = {
    ...event,
    id: randomUUID(),
    actor: session.actor,
    windowId: session.actor.role === 'manager' ? '' : boundWindowId(t),
    occurredAt: shanghaiIso(t.now()),
  } as CaseEvent;
  inTransaction(t.db, () => appendEvent(t.db, t.device, full));
  return full.id;
}

function boundWindowId(t: Terminal): string {
  const row = t.db.prepare("SELECT value FROM settings WHERE key = 'terminal.binding'").get() as {
    value: string;
  };
  return (JSON.parse(row.value) as { windowId: string }).windowId;
}

/** The center's [status, conflict rule] of one pushed event; null: it never arrived. */
export async function conflictOf(hall: Hall, caseId: string, eventId: string) {
  const admin = await centerAdmin(hall.center.url, adminAccount(hall.dataDir));
  const history = await admin.call<{
    events: { event: { id: string }; status: string; conflict: { rule: string } | null }[];
  }>('GET', `/api/cases/${caseId}`);
  const row = history.events.find((e) => e.event.id === eventId);
  return row ? [row.status, row.conflict?.rule ?? null] : null;
}

export type Recorded = Pick<CaseEvent, 'caseId' | 'type' | 'payload'>;

/**
 * The event through the PC's services (`cases.record`); refused there, the same event forged
 * past them, for the center to judge after the next sync. `forged` null: the services took it.
 */
export async function recordOrForge(t: Terminal, token: string, event: Recorded) {
  const answer = await attempt(t, token, 'cases.record', event);
  return { answer, forged: answer.ok ? null : forge(t, token, event) };
}
