import type { Role } from '../../shared/case';
import type { MessageKey } from '../i18n/zh-CN';

export type Page =
  | 'myCases'
  | 'intake'
  | 'review'
  | 'reports'
  | 'dashboard'
  | 'supervision'
  | 'alerts'
  | 'windowRatings'
  | 'admin'
  | 'ratings'
  | 'settings';

// What each role sees first and may open; the main process enforces the same per call.
export const pagesByRole: Record<Role, Page[]> = {
  // 监察预警: what the center's supervision holds against the window (the chief: the department)
  clerk: ['myCases', 'intake', 'alerts', 'windowRatings'],
  // the chief answers for the department's numbers: its daily report too
  chief: ['myCases', 'intake', 'review', 'reports', 'alerts', 'windowRatings'],
  reviewer: ['review', 'myCases'],
  // the department's report first (it works offline), the center's day beside it
  manager: ['reports', 'dashboard', 'admin', 'settings'],
  supervisor: ['supervision', 'dashboard'],
};

export const pageLabel: Record<Page, MessageKey> = {
  myCases: 'nav.myCases',
  intake: 'nav.intake',
  review: 'nav.review',
  reports: 'nav.reports',
  dashboard: 'nav.dashboard',
  supervision: 'nav.supervision',
  alerts: 'nav.alerts',
  windowRatings: 'nav.windowRatings',
  admin: 'nav.admin',
  ratings: 'nav.ratings',
  settings: 'nav.settings',
};

const menuPages = new Set<string>(Object.keys(pageLabel));

/**
 * Pages opened from a menu page, for the same roles: the printed report from the report, a
 * printer's test page from the settings.
 */
const openedFrom: Readonly<Record<string, Page>> = {
  reportPrint: 'reports',
  printTest: 'settings',
};

/**
 * Whether a role may be on a page reached by its URL (a typed hash, a bookmark, the page the
 * previous user left open): a menu page only if the role's menu has it, and a page opened from
 * one (the printed report) likewise. Pages reached from within (a case, the conflicts list) are
 * open to every role; main checks each call anyway.
 */
export function mayOpen(role: Role, page: string): boolean {
  const menuPage = openedFrom[page] ?? page;
  return !menuPages.has(menuPage) || pagesByRole[role].includes(menuPage as Page);
}
