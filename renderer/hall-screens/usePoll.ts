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
  // the failed answer's status: a rating device learns it was unpaired (401)
  const [status, setStatus] = useState<number | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const answer = await load();
      if (stopped) return;
      if (answer.ok) {
        setValue(answer.value);
        setError(null);
        setStatus(null);
      } else {
        setError(answer.message);
        setStatus(answer.status ?? null);
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
  return { value, error, status, reload };
}
