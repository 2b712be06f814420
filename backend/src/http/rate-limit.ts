/**
 * Fixed-window request counting per key (client address + route). In memory: one backend process
 * holds the counts; several processes would each allow the limit (documented in the README).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Count one request; when over the limit, how many seconds until the window ends. */
  hit(key: string, now: number): { allowed: true } | { allowed: false; retryAfter: number } {
    if (this.windows.size > 50_000) this.prune(now);
    const w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
      return { allowed: true };
    }
    w.count += 1;
    return w.count <= this.max ? { allowed: true } : { allowed: false, retryAfter: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }
}
