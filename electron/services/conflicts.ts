import type { CallOutput } from '../../shared/api';
import type { Role } from '../../shared/case';
import type { SyncNote } from '../store/events';
import { boundWindow } from '../store/reference';
import { departmentConflicts } from '../store/sync-state';
import type { Terminal } from './context';

/** What the center did not take in this department's cases: both windows must see it. */
export function conflicts(t: Terminal): CallOutput<'cases.conflicts'> {
  const window = boundWindow(t.db);
  if (!window) return [];
  return departmentConflicts(t.db, window.department_code).map((r) => {
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
}
