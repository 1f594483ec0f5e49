import type { CallOutput, ParsedInput } from '../../shared/api';
import { screenLockMinutes, screenLockSettingsSchema } from '../../shared/screen-lock';
import type { Db } from '../store/db';
import { getSetting, setSetting } from '../store/reference';
import type { Terminal } from './context';

// The idle time before the screen locks is this PC's own (a counter in the hall locks sooner than
// the back office): a key of the terminal's settings table is all it needs, so no migration.
const screenLockKey = 'screenLock.settings';

/** The stored idle time; a value that does not parse (edited by hand) counts as the default. */
export function idleMinutes(db: Db): number {
  const parsed = screenLockSettingsSchema.safeParse(getSetting<unknown>(db, screenLockKey));
  return parsed.success ? parsed.data.idleMinutes : screenLockMinutes.default;
}

export function getScreenLock(t: Terminal): CallOutput<'screenLock.get'> {
  return { idleMinutes: idleMinutes(t.db), lockAfterMs: t.sessions.lockAfterMs() };
}

export function setScreenLock(
  t: Terminal,
  input: ParsedInput<'screenLock.set'>,
): CallOutput<'screenLock.set'> {
  setSetting(t.db, screenLockKey, input);
  return getScreenLock(t);
}
