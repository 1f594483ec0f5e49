/**
 * Runs `round` now and every `intervalMs` until stopped: one at a time (a slow round is not
 * overtaken by the next), a failed round logged and tried again at the next tick.
 */
export function startRounds(
  round: () => Promise<unknown>,
  intervalMs: number,
  log: (error: unknown) => void,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await round();
    } catch (error) {
      log(error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  return () => clearInterval(timer);
}
