import type pino from 'pino';

export type Periodic = { stop(): Promise<void> };

/**
 * Run `work` every `intervalMs`, one run at a time (a slow run delays the next rather than
 * overlapping it); a failing run is logged, not fatal. `stop()` ends the timer and waits for a run
 * in progress, so the database can be closed after it.
 */
export function every(intervalMs: number, work: () => Promise<unknown>, logger: pino.Logger, name: string): Periodic {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await work();
    } catch (err) {
      logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, `${name} failed`);
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(() => schedule(intervalMs));
    }, delay);
    timer.unref?.();
  };
  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
