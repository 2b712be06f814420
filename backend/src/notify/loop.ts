import type pino from 'pino';

/** How often digests are looked for: each minute (digest hours are whole hours). */
export const DIGEST_EVERY_MS = 60_000;

export type NotifyLoop = { stop(): Promise<void> };

/**
 * The notifier's background loop: `relayOnce` every `intervalMs`, `digestOnce` every minute, one run
 * at a time (a slow run delays the next instead of overlapping it). `stop()` ends the timers and
 * waits for a run in progress, so the database can be closed after it.
 */
export function startNotifyLoop(
  work: { relayOnce(now: number): Promise<unknown>; digestOnce(now: number): Promise<unknown> },
  intervalMs: number,
  logger: pino.Logger,
  now: () => number = Date.now,
): NotifyLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let lastDigest = 0;

  const tick = async () => {
    try {
      await work.relayOnce(now());
      if (now() - lastDigest >= DIGEST_EVERY_MS) {
        lastDigest = now();
        await work.digestOnce(now());
      }
    } catch (err) {
      logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'notifier run failed');
    }
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().then(() => schedule(intervalMs));
    }, delay);
    timer.unref?.();
  };
  schedule(Math.min(intervalMs, 1_000));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
