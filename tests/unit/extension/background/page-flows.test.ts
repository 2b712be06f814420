import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageSeen, savePage } from '../../../../extension/entrypoints/background/page-flows';
import { makeCtx, type TestCtx } from '../support/ctx';

const URL_DOCKET = 'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13';
const HTML = readFileSync(join(process.cwd(), 'tests/fixtures/casenet/docket/old-docket-14BA-CV01093.html'), 'utf8');
const KEY = 'CT13|14BA-CV01093';

let ctx: TestCtx;
beforeEach(() => {
  ctx = makeCtx();
});

describe('case page flows', () => {
  it('a case not in the folder shows Save and Track unpressed, and nothing is stored', async () => {
    expect(await pageSeen(ctx, { url: URL_DOCKET, html: HTML })).toEqual({ key: KEY, caseNumber: '14BA-CV01093', saved: false, tracked: false, newEntryIndexes: [] });
    expect(await ctx.db.cases.count()).toBe(0);
  });

  it('pages that are not case pages answer null', async () => {
    expect(await pageSeen(ctx, { url: 'https://www.courts.mo.gov/casenet/base/welcome.do', html: '<html></html>' })).toBeNull();
  });

  it('Track stores the page docket as the baseline: no alerts, refreshed from the same origin', async () => {
    const state = await savePage(ctx, { url: URL_DOCKET, html: HTML, track: true });
    expect(state).toMatchObject({ key: KEY, saved: true, tracked: true, newEntryIndexes: [] });
    expect(await ctx.db.entries.where('caseKey').equals(KEY).count()).toBe(32);
    expect(await ctx.db.alerts.count()).toBe(0);
    const row = await ctx.db.cases.get(KEY);
    expect(row?.source).toMatchObject({ origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old' });
    expect(row?.caption).toContain('LEIGH BRITT');
    expect(ctx.deferred).toHaveLength(0);
  });

  it('a later visit marks entries new since the last visit and stores them as read alerts', async () => {
    await savePage(ctx, { url: URL_DOCKET, html: HTML, track: true });
    const first = await ctx.db.entries.where('caseKey').equals(KEY).filter((e) => e.position === 0).first();
    await ctx.db.entries.delete([KEY, first!.fingerprint]); // as if Case.net added entry 0 since
    const second = await ctx.db.entries.where('caseKey').equals(KEY).filter((e) => e.position === 3).first();
    await ctx.db.entries.update([KEY, second!.fingerprint], { firstSeenAt: ctx.clock.now + 1 }); // found by a refresh since

    ctx.clock.now += 60_000;
    const state = await pageSeen(ctx, { url: URL_DOCKET, html: HTML });
    expect(state?.newEntryIndexes).toEqual([0, 3]);
    const alerts = await ctx.db.alerts.toArray();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'new', title: first!.title, readAt: ctx.clock.now });
    expect(ctx.notifications).toEqual([]);

    ctx.clock.now += 60_000;
    expect((await pageSeen(ctx, { url: URL_DOCKET, html: HTML }))?.newEntryIndexes).toEqual([]);
    expect(await ctx.db.alerts.count()).toBe(1);
  });

  it('a page Case.net could not serve refuses Save with a plain reason', async () => {
    const maintenance = '<html><head><title>Case.net Maintenance</title></head><body>Case.net is currently unavailable.</body></html>';
    await expect(savePage(ctx, { url: URL_DOCKET, html: maintenance, track: false })).rejects.toThrow('could not read the page: Case.net is down for maintenance');
    expect(await ctx.db.cases.count()).toBe(0);
  });
});
