import type pino from 'pino';
import { every, type Periodic } from '../util/periodic';

/** How often digests are looked for: each minute (digest hours are whole hours). */
export const DIGEST_EVERY_MS = 60_000;

/**
 * The notifier's background loop: `relayOnce` every `intervalMs`, `digestOnce` at most once a
 * minute, one run at a time (util/periodic).
 */
export function startNotifyLoop(
  work: { relayOnce(now: number): Promise<unknown>; digestOnce(now: number): Promise<unknown> },
  intervalMs: number,
  logger: pino.Logger,
  now: () => number = Date.now,
): Periodic {
  let lastDigest = 0;
  return every(
    intervalMs,
    async () => {
      await work.relayOnce(now());
      if (now() - lastDigest >= DIGEST_EVERY_MS) {
        lastDigest = now();
        await work.digestOnce(now());
      }
    },
    logger,
    'notifier run',
  );
}
