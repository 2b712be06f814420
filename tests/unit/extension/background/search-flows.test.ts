import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { pageCaseAction } from '../../../../extension/entrypoints/background/page-case-action';
import { saveRow, searchSeen } from '../../../../extension/entrypoints/background/search-flows';
import { makeCtx, ok, type TestCtx } from '../support/ctx';

const URL_SEARCH = 'https://www.courts.mo.gov/casenet/cases/filingDateSearch.do';
const HTML = readFileSync(join(process.cwd(), 'tests/fixtures/casenet/search/old-search-filing-date-CT12-2021-02-02.html'), 'utf8');
// A real docket page, relabelled as the first row's case.
const DOCKET = readFileSync(join(process.cwd(), 'tests/fixtures/casenet/docket/old-docket-14BA-CV01093.html'), 'utf8').replaceAll('14BA-CV01093', '200019121');

let ctx: TestCtx;
beforeEach(() => {
  ctx = makeCtx();
});

describe('search result rows', () => {
  it('answers every row of the page with its folder state', async () => {
    const { rows } = await searchSeen(ctx, { url: URL_SEARCH, html: HTML });
    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatchObject({ key: 'CT12|200019121', saved: false, tracked: false, row: { caseNumber: '200019121' } });
  });

  it('Track on a row saves the case at once and fetches its docket as the baseline afterwards', async () => {
    const { rows } = await searchSeen(ctx, { url: URL_SEARCH, html: HTML });
    ctx.answers.push(ok(DOCKET));
    expect(await saveRow(ctx, { url: URL_SEARCH, row: rows[0]!.row, track: true })).toEqual({ key: 'CT12|200019121', saved: true, tracked: true });
    await Promise.all(ctx.deferred);
    expect(ctx.requests[0]?.url).toMatch(/^https:\/\/www\.courts\.mo\.gov\/casenet\//);
    expect(await ctx.db.entries.count()).toBe(32);
    expect(await ctx.db.alerts.count()).toBe(0);
    expect((await ctx.db.cases.get('CT12|200019121'))?.lastError).toBeNull();
    expect((await searchSeen(ctx, { url: URL_SEARCH, html: HTML })).rows[0]).toMatchObject({ saved: true, tracked: true });

    expect(await pageCaseAction(ctx, { url: URL_SEARCH, row: rows[0]!.row, action: 'untrack' })).toEqual({ key: 'CT12|200019121', saved: true, tracked: false });
    expect(await pageCaseAction(ctx, { url: URL_SEARCH, row: rows[0]!.row, action: 'remove' })).toEqual({ key: 'CT12|200019121', saved: false, tracked: false });
    expect(await ctx.db.cases.count()).toBe(0);
  });

  it('refuses a row that names no court', async () => {
    const row = { caseNumber: '200019121', courtId: null, caption: null, filingDate: null, location: null, caseType: null };
    await expect(saveRow(ctx, { url: URL_SEARCH, row, track: false })).rejects.toThrow(/does not say which court/);
  });
});
