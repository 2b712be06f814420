import { isInWindow } from '../../../shared/schedule';
import type { Ctx } from './context';
import type { CheckResult } from './refresher';
import { readSettings } from './settings';

export const REFRESH_ALARM = 'docket-watch-refresh';

let running: Promise<CheckResult[]> | null = null;

/**
 * One alarm tick: inside the refresh window, check every tracked case that is due
 * (`nextCheckAt` ≤ now; backoff is already in `nextCheckAt`), one after another through the polite queue. A tick
 * while the previous one still runs does nothing.
 */
export function runDueChecks(ctx: Ctx, checkOne: (ctx: Ctx, key: string) => Promise<CheckResult>): Promise<CheckResult[]> {
  running ??= (async () => {
    const now = ctx.now();
    const settings = await readSettings(ctx);
    if (!isInWindow(now, { startHour: settings.windowStartHour, endHour: settings.windowEndHour })) return [];
    const due = (await ctx.db.cases.toArray())
      .filter((c) => c.tracked && (c.nextCheckAt ?? 0) <= now)
      .sort((a, b) => (a.nextCheckAt ?? 0) - (b.nextCheckAt ?? 0));
    const results: CheckResult[] = [];
    for (const row of due) results.push(await checkOne(ctx, row.key));
    return results;
  })().finally(() => {
    running = null;
  });
  return running;
}

