import type pino from 'pino';

export type Periodic = {
  /** Run as soon as possible instead of at the next interval (once more right after a run in progress). */
  wake(): void;
  stop(): Promise<void>;
};

/**
 * Run `work` every `intervalMs`, one run at a time (a slow run delays the next rather than
 * overlapping it); a failing run is logged, not fatal. `stop()` ends the timer and waits for a run
 * in progress, so the database can be closed after it.
 */
export function every(intervalMs: number, work: () => Promise<unknown>, logger: pino.Logger, name: string): Periodic {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let inRun = false;
  let wakeAsked = false;
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
      timer = null;
      inRun = true;
      running = tick().then(() => {
        inRun = false;
        const again = wakeAsked;
        wakeAsked = false;
        schedule(again ? 0 : intervalMs);
      });
    }, delay);
    timer.unref?.();
  };
  schedule(0);
  return {
    wake() {
      if (stopped) return;
      if (inRun) {
        wakeAsked = true;
        return;
      }
      if (timer) clearTimeout(timer);
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
