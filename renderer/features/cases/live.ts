import { useEffect } from 'react';

// Levels and working days left come from the main process; a minute is fine-grained enough for
// them to change colour, while the hours tick locally every second.
const refreshMs = 60_000;

/** Loads now, then every minute (or `everyMs`) and whenever the window regains focus. */
export function useLiveRefresh(load: () => Promise<void>, everyMs = refreshMs): void {
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), everyMs);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load, everyMs]);
}
