import { cappedExponential } from '../../../shared/schedule/backoff';

/** A delivery is tried at most 8 times, then dead-lettered (kept, with its attempts, in the history). */
export const MAX_TRIES = 8;
/** Retry waits: 30 s, 1 min, 2 min … capped at 1 h, each with jitter. */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 3_600_000;
/** How long a relay owns a row it took; longer than any send may take, so only a crashed relay's lease expires. */
export const LEASE_MS = 120_000;

/**
 * The wait before try number `tries + 1`: capped exponential with "equal jitter" (half fixed, half
 * random), so retries of many rows spread out but never come back at once.
 */
export function retryDelay(tries: number, random: () => number = Math.random): number {
  const bound = cappedExponential(tries - 1, RETRY_BASE_MS, RETRY_CAP_MS);
  return Math.round(bound / 2 + random() * (bound / 2));
}
