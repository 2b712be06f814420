import { describe, expect, it } from 'vitest';
import { CheckRunner } from '../../../../extension/entrypoints/background/check-now';
import type { CheckResult } from '../../../../extension/entrypoints/background/refresher';
import { makeCtx, SOURCE_NEW } from '../support/ctx';

async function withCases(ctx: ReturnType<typeof makeCtx>, specs: { key: string; tracked: boolean }[]): Promise<void> {
  for (const { key, tracked } of specs) {
    const [courtId, caseNumber] = key.split('|') as [string, string];
    await ctx.db.cases.add({ key, courtId, caseNumber, caption: null, fields: {}, source: { ...SOURCE_NEW, caseNumber }, saved: true, tracked, tags: [], note: '', lastCheckedAt: null, lastCheckedBy: null, lastError: null, failures: 0, nextCheckAt: null, docketAt: null, quarantine: null, lastVisitAt: null, createdAt: 1, updatedAt: 1 });
  }
}

describe('Check now', () => {
  it('checks every tracked case once and reports progress; a second press returns the running progress', async () => {
    const ctx = makeCtx();
    await withCases(ctx, [{ key: 'CT22|A-1', tracked: true }, { key: 'CT22|B-2', tracked: false }, { key: 'CT22|C-3', tracked: true }]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const checked: string[] = [];
    const runner = new CheckRunner(ctx, async (_ctx, key): Promise<CheckResult> => {
      await gate;
      checked.push(key);
      return key === 'CT22|C-3' ? { key, ok: false, message: 'Could not read the docket: Case.net is down for maintenance', alerts: 0 } : { key, ok: true, message: 'No new docket entries.', alerts: 0 };
    });

    const started = await runner.start();
    expect(started).toMatchObject({ running: true, done: 0, total: 2 });
    expect(await runner.start()).toMatchObject({ running: true, total: 2 });
    release();
    await runner.idle();
    expect(checked.sort()).toEqual(['CT22|A-1', 'CT22|C-3']);
    const progress = runner.getProgress();
    expect(progress).toMatchObject({ running: false, done: 2, total: 2, current: null });
    expect(progress.results.find((r) => r.key === 'CT22|C-3')).toMatchObject({ ok: false });
  });

  it('checks only the given keys, and nothing when no case is tracked', async () => {
    const ctx = makeCtx();
    await withCases(ctx, [{ key: 'CT22|A-1', tracked: true }, { key: 'CT22|C-3', tracked: true }]);
    const runner = new CheckRunner(ctx, async (_ctx, key) => ({ key, ok: true, message: 'ok', alerts: 0 }));
    expect(await runner.start(['CT22|C-3'])).toMatchObject({ total: 1 });
    await runner.idle();
    expect(runner.getProgress().results.map((r) => r.key)).toEqual(['CT22|C-3']);
    const empty = new CheckRunner(makeCtx(), async (_ctx, key) => ({ key, ok: true, message: 'ok', alerts: 0 }));
    expect(await empty.start()).toMatchObject({ running: false, total: 0 });
  });
});
