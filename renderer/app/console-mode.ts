import type { Role } from '../../shared/case';
import type { Page } from './navigation';

// Part U of issue 16: the center serves this same renderer as its browser console and marks the
// page it serves (server/console/routes.ts). There the renderer is the center's, not a window's:
// no database of its own, no sync, no printers, no screen lock — only the center's pages.

export function inConsole(): boolean {
  return (
    typeof document !== 'undefined' &&
    document.querySelector('meta[name="onewindow-console"]') !== null
  );
}

/** What each of the center's roles finds in the console; a window's staff do not sign in there. */
export const consolePagesByRole: Readonly<Partial<Record<Role, readonly Page[]>>> = {
  // issue 17 part 2: 好差评 — the manager's follow-ups and forms, the supervisor's appeals
  manager: ['admin', 'ratings', 'dashboard'],
  supervisor: ['supervision', 'ratings', 'dashboard'],
};
