import { useEffect } from 'react';
import { activityReportMs } from '../../../shared/screen-lock';
import { call } from '../../api';
import { useScreenLock } from '../../stores/screen-lock';

// What counts as someone at the counter: keys and the pointer. Not API calls (the page polls sync
// and alerts by itself), not the business clock (a demonstration's fixed --now would never lock).
const inputEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

// How often the page looks whether the idle time has passed: the lock comes at most this late.
const checkMs = 500;

/**
 * Locks the screen after the PC's idle time without input, and tells main at once (main refuses
 * the session's calls from then on). Input is reported to main at most every
 * `activityReportMs`, so main, which locks a report interval later than the page, sees the same
 * idleness even when the page is gone or hung.
 */
export function useIdleLock(): void {
  useEffect(() => {
    const { lock } = useScreenLock.getState();
    let lockAfterMs: number | null = null;
    let lastInput = Date.now();
    let lastReport = 0;
    let alive = true;

    const report = async () => {
      lastReport = Date.now();
      const r = await call('session.activity', {});
      if (!alive || !r.ok) return;
      lockAfterMs = r.value.lockAfterMs;
      if (r.value.locked) lock();
    };
    const onInput = () => {
      if (useScreenLock.getState().locked) return;
      lastInput = Date.now();
      if (lockAfterMs !== null && lastInput - lastReport >= activityReportMs(lockAfterMs)) {
        void report();
      }
    };
    const check = () => {
      if (lockAfterMs === null || useScreenLock.getState().locked) return;
      if (Date.now() - lastInput >= lockAfterMs) {
        lock();
        void call('session.lock', {});
      }
    };
    // unlocked by the password just now: the idle time starts again, and main hears of it
    const unsubscribe = useScreenLock.subscribe((s, before) => {
      if (before.locked && !s.locked) {
        lastInput = Date.now();
        void report();
      }
    });

    // a new session starts unlocked (the previous person may have switched away from the lock)
    useScreenLock.getState().unlock();
    void report();
    for (const e of inputEvents)
      window.addEventListener(e, onInput, { capture: true, passive: true });
    const timer = setInterval(check, checkMs);
    return () => {
      alive = false;
      clearInterval(timer);
      unsubscribe();
      for (const e of inputEvents) window.removeEventListener(e, onInput, { capture: true });
    };
  }, []);
}
