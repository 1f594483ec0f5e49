import { sql } from '../store/db';
import { getSetting, type TerminalBinding } from '../store/reference';
import { isEnrolled, syncKeys } from '../store/sync-state';
import type { Terminal } from './context';

// Issue 17 part 2: where this PC's rating device page is — its window's /hall/?rate= at its
// center — for the second display main opens (electron/rating-display.ts).

/** The rating page of this PC's window at its center; null before enrollment. */
export function ratingDeviceUrl(t: Terminal): string | null {
  const server = getSetting<string>(t.db, syncKeys.server);
  const binding = getSetting<TerminalBinding>(t.db, 'terminal.binding');
  if (!isEnrolled(t.db) || !server || !binding) return null;
  const window = sql(t.db, 'SELECT code FROM windows WHERE id = ?').get(binding.windowId) as
    { code: string } | undefined;
  if (!window) return null;
  return `${server.replace(/\/+$/, '')}/hall/?rate=${encodeURIComponent(window.code)}`;
}
