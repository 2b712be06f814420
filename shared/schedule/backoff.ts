/** Waiting rules after failures: capped exponential growth, full jitter, and `Retry-After`. */

export const SIX_HOURS_MS = 6 * 60 * 60 * 1000;

/** `baseMs · 2^attempt`, never more than `capMs` (attempt 0 or less → `baseMs`). */
export function cappedExponential(attempt: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(Math.max(0, Math.floor(attempt)), 60));
}

export type BackoffOptions = {
  /** Delay bound of attempt 0; default 30 s. */
  baseMs?: number;
  /** Largest delay bound; default 6 h. */
  capMs?: number;
  /** Returns [0, 1); default Math.random. */
  random?: () => number;
};

/** "Full jitter" backoff: a random delay in [0, min(cap, base · 2^attempt)), in whole ms. */
export function backoffDelay(attempt: number, opts: BackoffOptions = {}): number {
  const { baseMs = 30_000, capMs = SIX_HOURS_MS, random = Math.random } = opts;
  return Math.floor(random() * cappedExponential(attempt, baseMs, capMs));
}

/**
 * How long a `Retry-After` header asks us to wait, in ms from `now`: delay-seconds (`120`) or an
 * HTTP-date (`Wed, 21 Oct 2026 07:28:00 GMT`). A date in the past gives 0; anything else
 * (absent, negative, fractional, garbage) gives null. Capped at 6 h so a hostile or broken
 * header cannot park the refresher for days.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  const value = header?.trim() ?? '';
  let ms: number;
  if (/^\d+$/.test(value)) {
    ms = Number(value) * 1000;
  } else if (/^[A-Za-z]{3},? /.test(value)) {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return null;
    ms = Math.max(0, at - now);
  } else {
    return null;
  }
  return Math.min(ms, SIX_HOURS_MS);
}
