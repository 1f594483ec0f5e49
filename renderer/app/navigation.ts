import type { Role } from '../../shared/case';
import type { MessageKey } from '../i18n/zh-CN';

export type Page = 'myCases' | 'intake' | 'review' | 'reports' | 'supervision' | 'settings';

// What each role sees first and may open; the main process enforces the same per call.
export const pagesByRole: Record<Role, Page[]> = {
  clerk: ['myCases', 'intake'],
  chief: ['myCases', 'intake', 'review'],
  reviewer: ['review', 'myCases'],
  manager: ['reports', 'settings'],
  supervisor: ['supervision'],
};

export const pageLabel: Record<Page, MessageKey> = {
  myCases: 'nav.myCases',
  intake: 'nav.intake',
  review: 'nav.review',
  reports: 'nav.reports',
  supervision: 'nav.supervision',
  settings: 'nav.settings',
};
