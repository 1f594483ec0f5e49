import type { CallOutput } from '../../shared/api';
import { ruleMessages, type Role } from '../../shared/case';
import { caseNumberConflicts } from '../store/cases';
import type { SyncNote } from '../store/events';
import { boundWindow } from '../store/reference';
import { departmentConflicts } from '../store/sync-state';
import type { Terminal } from './context';

/** What the center did not take in this department's cases: both windows must see it. */
export function conflicts(t: Terminal): CallOutput<'cases.conflicts'> {
  const window = boundWindow(t.db);
  if (!window) return [];
  const events = departmentConflicts(t.db, window.department_code).map((r) => {
    const note = r.sync_note ? (JSON.parse(r.sync_note) as SyncNote) : null;
    return {
      eventId: r.event_id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      type: r.type,
      actorName: r.actor_name,
      actorRole: r.actor_role as Role,
      windowId: r.window_id,
      occurredAt: r.occurred_at,
      rule: note?.rule ?? '',
      message: note?.message ?? '',
    };
  });
  // part A of issue 15: a case number two cases hold (a center restored from an old backup
  // numbered a PC like a lost one): both cases are kept; the manager and supervisor see it here
  const numbers = caseNumberConflicts(t.db, window.department_code).map((r) => ({
    eventId: r.received_event_id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    type: 'received',
    actorName: r.actor_name,
    actorRole: r.actor_role as Role,
    windowId: r.window_id,
    occurredAt: r.occurred_at,
    rule: 'recovery.caseNumberDuplicate',
    message: ruleMessages['recovery.caseNumberDuplicate'],
  }));
  return [...events, ...numbers];
}
