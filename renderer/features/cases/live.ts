import { useEffect } from 'react';
import { useScreenLock } from '../../stores/screen-lock';

// Levels and working days left come from the main process; a minute is fine-grained enough for
// them to change colour, while the hours tick locally every second.
const refreshMs = 60_000;

/**
 * Loads now, then every minute (or `everyMs`), whenever the window regains focus and when the
 * screen is unlocked. Not while locked: main refuses the call, and the page would keep showing
 * that refusal after unlock instead of the case.
 */
export function useLiveRefresh(load: () => Promise<void>, everyMs = refreshMs): void {
  useEffect(() => {
    const refresh = () => {
      if (!useScreenLock.getState().locked) void load();
    };
    refresh();
    const timer = setInterval(refresh, everyMs);
    window.addEventListener('focus', refresh);
    const unsubscribe = useScreenLock.subscribe((s, before) => {
      if (before.locked && !s.locked) refresh();
    });
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      unsubscribe();
    };
  }, [load, everyMs]);
}
