import type { CaseEventType } from './payloads';
import type { Role } from './roles';

// Who may touch a case, by where they sit. One table for the terminal (every case call) and the
// center (every pushed event), so a PC that skips its own check is caught by the same rule.
//
// A case belongs to the window that received it. What the applicant sees across the counter —
// what was handed in, what is missing, whether it is taken in or turned away, the papers handed
// back — is that window's: another window's clerk has never seen the applicant and must not speak
// for the window that did. What happens behind the counter is the department's: its reviewers and
// its chief work the cases of all its windows (one chief may sit at SJ01 and sign SJ02's cases).

/** 'window': only the case's own window; 'department': any window of the case's department. */
export type CaseScopeLevel = 'window' | 'department';

export const eventScope: Readonly<Record<CaseEventType, CaseScopeLevel>> = {
  // intake acts face the applicant at the counter that received them
  received: 'window',
  materialsChecked: 'window',
  noticeIssued: 'window',
  supplementReceived: 'window',
  accepted: 'window',
  refused: 'window',
  // the applicant withdraws at the window that holds the file
  withdrawn: 'window',
  // the decision and certificate are handed over where the applicant applied
  delivered: 'window',
  // the applicant rates the window that served them
  rated: 'window',
  // a referral (报批) sends the window's own file to the department and records its reply
  referred: 'window',
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
  // the window that printed the dates tells the applicant they moved
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
