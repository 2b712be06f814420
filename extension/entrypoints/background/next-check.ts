import { nextRefreshAt } from '../../../shared/schedule';
import type { CaseRow } from '../../lib/db/tables/case-row';
import type { Ctx } from './context';
import { readSettings } from './settings';

/** When a tracked case is next due, from its last check, its failures and the refresh settings. */
export async function nextCheckTime(ctx: Ctx, row: Pick<CaseRow, 'lastCheckedAt' | 'failures'>): Promise<number> {
  const settings = await readSettings(ctx);
  return nextRefreshAt(ctx.now(), {
    lastCheckedAt: row.lastCheckedAt,
    refreshMinutes: settings.refreshMinutes,
    windowStartHour: settings.windowStartHour,
    windowEndHour: settings.windowEndHour,
    failures: row.failures,
  });
}
