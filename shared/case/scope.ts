import type { CaseEventType } from './payloads';
import type { Role } from './roles';

// Who may touch a case, by where they sit. One table for the terminal (every case call) and the
// center (every pushed event), so a PC that skips its own check is caught by the same rule.
//
// The department is the unit of service (part T of issue 16). A hall's queue calls the applicant
// to whichever of the department's windows is free: the one who comes back with the missing
// papers, or for the licence, stands at SJ02 as often as at SJ01, and sending them back to the
// first window's line is the wall the issue describes. So every act of a case is the
// department's, whichever of its windows records it; the case still belongs to the window that
// received it (its number, its receipt, the powers that window held for the item, pinned on the
// case: whether the window decides or only records the department's decision (报批件), and who
// delivers, follow the case's powers — shared/case/rules.ts — not the window that happens to act).
// Another department never acts, nor reads.

/** 'window': only the case's own window; 'department': any window of the case's department. */
export type CaseScopeLevel = 'window' | 'department';

export const eventScope: Readonly<Record<CaseEventType, CaseScopeLevel>> = {
  // the receipt makes the case the window's: no other window can record it for that case
  received: 'window',
  // the counter acts, at any window of the department the applicant is called to
  materialsChecked: 'department',
  noticeIssued: 'department',
  supplementReceived: 'department',
  materialsAttached: 'department',
  accepted: 'department',
  refused: 'department',
  withdrawn: 'department',
  delivered: 'department',
  // the applicant rates the window that served them last: the event names it
  rated: 'department',
  // a referral (报批) sends the case to the department and records its reply
  referred: 'department',
  // behind the counter: the department's reviewers and chief, wherever they sit
  reviewed: 'department',
  checked: 'department',
  decided: 'department',
  stamped: 'department',
  corrected: 'department',
  certificateIssued: 'department',
  // a special procedure (hearing, expert review) and an extension are the department's call
  paused: 'department',
  resumed: 'department',
  extended: 'department',
  // a bad rating is answered by the department's chief (整改), not by the rated clerk alone
  rectified: 'department',
  // the window that received the case (and pinned its calendar) tells the applicant dates moved
  calendarRevised: 'window',
};

/** Where the one acting sits: window staff at a window; managers and supervisors at none. */
export type ScopedActor = { role: Role; windowId: string | null; departmentCode: string | null };

/** Where the case sits: the window that received it and the item's department. */
export type CaseScope = { windowId: string; departmentCode: string };

export type ScopeRuleId = 'scope.otherWindow' | 'scope.otherDepartment';

/**
 * Null when `actor` may do `act` on the case — record an event of that type, or 'read' it —
 * else the rule it breaks. Center staff (managers, supervisors) sit at no window: they oversee
 * every department, and which events they may record is the role table's (`emitters`: a
 * supervisor records only the override notice, a manager nothing).
 */
export function scopeRefusal(
  actor: ScopedActor,
  act: CaseEventType | 'read',
  target: CaseScope,
): ScopeRuleId | null {
  if (actor.windowId === null || actor.departmentCode === null) return null;
  if (actor.departmentCode !== target.departmentCode) return 'scope.otherDepartment';
  if (act === 'read' || eventScope[act] === 'department') return null;
  return actor.windowId === target.windowId ? null : 'scope.otherWindow';
}
