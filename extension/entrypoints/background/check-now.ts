import type { CheckProgress } from '../../lib/protocol';
import type { Ctx } from './context';
import type { CheckResult } from './refresher';

type CheckOne = (ctx: Ctx, key: string) => Promise<CheckResult>;

/**
 * The popup's "Check now": refresh every tracked case (or the given keys) one by one through the
 * shared polite queue. Only one run at a time: asking again while it runs returns its progress.
 */
export class CheckRunner {
  private progress: CheckProgress = { running: false, done: 0, total: 0, current: null, results: [] };
  private run: Promise<void> | null = null;

  constructor(
    private readonly ctx: Ctx,
    private readonly checkOne: CheckOne,
  ) {}

  getProgress(): CheckProgress {
    return { ...this.progress, results: [...this.progress.results] };
  }

  /** Start a run (unless one is running) and answer at once with its progress. */
  async start(keys?: readonly string[]): Promise<CheckProgress> {
    if (this.run) return this.getProgress();
    const tracked = (await this.ctx.db.cases.toArray()).filter((c) => c.tracked).map((c) => c.key);
    const wanted = keys ? tracked.filter((k) => keys.includes(k)) : tracked;
    this.progress = { running: wanted.length > 0, done: 0, total: wanted.length, current: null, results: [] };
    if (wanted.length > 0) {
      this.run = this.work(wanted).finally(() => {
        this.run = null;
      });
    }
    return this.getProgress();
  }

  /** Resolves when the current run (if any) has finished; for tests and the scheduler. */
  async idle(): Promise<void> {
    await this.run;
  }

  get busy(): boolean {
    return this.run !== null;
  }

  private async work(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      this.progress.current = key;
      const result = await this.checkOne(this.ctx, key).catch((err: unknown) => ({ key, ok: false, message: err instanceof Error ? err.message : String(err), alerts: 0 }));
      this.progress.results.push({ key, ok: result.ok, message: result.message });
      this.progress.done += 1;
    }
    this.progress.current = null;
    this.progress.running = false;
  }
}
