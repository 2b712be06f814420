/**
 * A polite request queue for one host: requests run one at a time, each start at least
 * `spacingMs` plus a random jitter (0..`jitterMs`) after the previous start, and never before a
 * pause set by `pauseUntil` (after a 429/503, from Retry-After or backoff). Clock, sleep and
 * randomness are injectable so tests run it on fake timers. Use one queue per host.
 */

export type PoliteQueueOptions = {
  /** Minimum time between request starts; default 2 000 ms. */
  spacingMs?: number;
  /** Largest random extra wait per request; default 1 000 ms. */
  jitterMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Returns [0, 1); default Math.random. */
  random?: () => number;
};

const timerSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class PoliteQueue {
  readonly #spacingMs: number;
  readonly #jitterMs: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  #tail: Promise<void> = Promise.resolve();
  #lastStart: number | null = null;
  #pausedUntil = 0;
  #pending = 0;

  constructor(opts: PoliteQueueOptions = {}) {
    this.#spacingMs = opts.spacingMs ?? 2_000;
    this.#jitterMs = opts.jitterMs ?? 1_000;
    this.#now = opts.now ?? (() => Date.now());
    this.#sleep = opts.sleep ?? timerSleep;
    this.#random = opts.random ?? Math.random;
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /** No task starts before `ts` (a later call can only extend the pause). */
  pauseUntil(ts: number): void {
    this.#pausedUntil = Math.max(this.#pausedUntil, ts);
  }

  /** Runs `fn` in its turn; settles as `fn` does. A failing task does not stop the queue. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(async () => {
      await this.#waitForTurn();
      return fn();
    });
    const settled = (): void => {
      this.#pending--;
    };
    this.#tail = result.then(settled, settled);
    return result;
  }

  async #waitForTurn(): Promise<void> {
    const jitter = Math.floor(this.#random() * (this.#jitterMs + 1));
    for (;;) {
      const spaced = this.#lastStart === null ? 0 : this.#lastStart + this.#spacingMs + jitter;
      const wait = Math.max(spaced, this.#pausedUntil) - this.#now();
      if (wait <= 0) break;
      await this.#sleep(wait); // re-check: a pause may have been extended meanwhile
    }
    this.#lastStart = this.#now();
  }
}
