import { useCallback, useEffect, useState } from 'react';
import type { Outcome } from './center';

/**
 * A screen's data, asked again every `everyMs` while the page is open. The last good answer stays
 * on the screen when one poll fails (the hall must not go blank for one lost request); `error`
 * says the screen is out of date. `reload` asks at once.
 */
export function usePoll<T>(load: () => Promise<Outcome<T>>, everyMs: number) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  // a new round now: the kiosk's counts right after a ticket, not at the next tick
  const [round, setRound] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const answer = await load();
      if (stopped) return;
      if (answer.ok) {
        setValue(answer.value);
        setError(null);
      } else {
        setError(answer.message);
      }
      timer = setTimeout(() => void tick(), everyMs);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load, everyMs, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { value, error, reload };
}
