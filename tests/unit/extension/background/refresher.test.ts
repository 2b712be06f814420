import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveCase } from '../../../../extension/entrypoints/background/folder';
import { checkCase } from '../../../../extension/entrypoints/background/refresher';
import { docketJson, E1, E2, E3, makeCtx, ok, SOURCE_NEW, type TestCtx } from '../support/ctx';

const KEY = 'CT22|22SL-CC00807';
const MAINTENANCE = '<html><head><title>Case.net Maintenance</title></head><body><p>Case.net is currently unavailable due to scheduled maintenance.</p></body></html>';

let ctx: TestCtx;

async function trackedWithBaseline(): Promise<void> {
  await saveCase(ctx, { key: KEY, courtId: 'CT22', caseNumber: '22SL-CC00807', caption: 'JANE DOE V ACME CORP', fields: null, source: SOURCE_NEW, docket: null, track: true });
  ctx.answers.push(ok(docketJson([E2, E1])));
  const first = await checkCase(ctx, KEY);
  expect(first.ok).toBe(true);
  ctx.answers.length = 0;
}

const storedTitles = async (): Promise<string[]> => (await ctx.db.entries.where('caseKey').equals(KEY).sortBy('position')).map((e) => e.title);

beforeEach(async () => {
  ctx = makeCtx();
  await trackedWithBaseline();
});

describe('refresher: accepted dockets', () => {
  it('stores the first docket of a tracked case as the baseline, without alerts', async () => {
    expect(await storedTitles()).toEqual(['Summons Issued', 'Petition Filed']);
    expect(await ctx.db.alerts.count()).toBe(0);
    expect(ctx.notifications).toEqual([]);
    const row = await ctx.db.cases.get(KEY);
    expect(row?.lastError).toBeNull();
    expect(row?.nextCheckAt).toBeGreaterThan(ctx.clock.now);
  });

  it('a new entry gives one alert, one notification "case — title" and a badge of 1', async () => {
    ctx.clock.now += 60 * 60_000;
    ctx.answers.push(ok(docketJson([E3, E2, E1])));
    const result = await checkCase(ctx, KEY);
    expect(result).toMatchObject({ ok: true, alerts: 1 });
    const alerts = await ctx.db.alerts.toArray();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ caseKey: KEY, kind: 'new', title: 'Motion to Dismiss', date: '2025-03-04', readAt: null });
    expect(ctx.notifications).toHaveLength(1);
    expect(ctx.notifications[0]).toMatchObject({ caseNumber: '22SL-CC00807', title: 'Motion to Dismiss', caption: 'JANE DOE V ACME CORP', date: '2025-03-04' });
    expect(ctx.badge.at(-1)).toBe(1);
    expect(await storedTitles()).toEqual(['Motion to Dismiss', 'Summons Issued', 'Petition Filed']);
  });

  it('running the same refresh again raises no duplicate alert or notification', async () => {
    ctx.answers.push(ok(docketJson([E3, E2, E1])));
    await checkCase(ctx, KEY);
    await checkCase(ctx, KEY);
    expect(await ctx.db.alerts.count()).toBe(1);
    expect(ctx.notifications).toHaveLength(1);
  });
});

describe('refresher: failures keep the last good docket and raise nothing', () => {
  const expectUntouched = async (errorPattern: RegExp): Promise<void> => {
    expect(await storedTitles()).toEqual(['Summons Issued', 'Petition Filed']);
    expect(await ctx.db.alerts.count()).toBe(0);
    expect(ctx.notifications).toEqual([]);
    const row = await ctx.db.cases.get(KEY);
    expect(row?.lastError).toMatch(errorPattern);
    expect(row?.failures).toBe(1);
  };

  it('maintenance page (status 200)', async () => {
    ctx.answers.push(ok(MAINTENANCE));
    expect((await checkCase(ctx, KEY)).ok).toBe(false);
    await expectUntouched(/^could not read the docket: Case\.net is down for maintenance$/);
  });

  it('503 with Retry-After pauses the queue for that long', async () => {
    ctx.answers.push(ok('Service Unavailable', 503, { 'retry-after': '120' }));
    await checkCase(ctx, KEY);
    expect(ctx.pausedUntil).toEqual([ctx.clock.now + 120_000]);
    await expectUntouched(/could not read the docket: Case\.net is unavailable \(503\)/);
  });

  it('429 without Retry-After still backs off', async () => {
    ctx.answers.push(ok('Too Many Requests', 429));
    await checkCase(ctx, KEY);
    expect(ctx.pausedUntil).toHaveLength(1);
    expect(ctx.pausedUntil[0]).toBeGreaterThan(ctx.clock.now);
    await expectUntouched(/slow down \(429\)/);
  });

  it('a changed layout', async () => {
    ctx.answers.push(ok(JSON.stringify({ docketTabModelList: 'not a list' })));
    await checkCase(ctx, KEY);
    await expectUntouched(/layout has changed/);
  });

  it('a network error', async () => {
    ctx.answers.push({ ok: false, status: null, message: 'Case.net did not answer within 30 seconds' });
    await checkCase(ctx, KEY);
    await expectUntouched(/did not answer within 30 seconds/);
  });

  it("another case's docket", async () => {
    ctx.answers.push(ok(readFileSync(join(process.cwd(), 'tests/fixtures/casenet/docket/old-docket-14BA-CV01093.html'), 'utf8')));
    const result = await checkCase(ctx, KEY);
    expect(result.ok).toBe(false);
    await expectUntouched(/answered with case 14BA-CV01093 instead/);
  });

  it('a docket that shrank is refused', async () => {
    ctx.answers.push(ok(docketJson([E1])));
    await checkCase(ctx, KEY);
    await expectUntouched(/shrank from 2 to 1 entries; keeping the last good copy/);
  });

  it('an empty docket is refused', async () => {
    ctx.answers.push(ok(docketJson([])));
    await checkCase(ctx, KEY);
    await expectUntouched(/no docket entries where there were 2; keeping the last good copy/);
  });

  it('a shrunk docket read the same way twice is accepted, with a "removed" alert', async () => {
    ctx.answers.push(ok(docketJson([E1])));
    await checkCase(ctx, KEY);
    expect(await ctx.db.alerts.count()).toBe(0);
    const second = await checkCase(ctx, KEY);
    expect(second.ok).toBe(true);
    expect(await storedTitles()).toEqual(['Petition Filed']);
    expect((await ctx.db.alerts.toArray()).map((a) => [a.kind, a.title])).toEqual([['removed', 'Summons Issued']]);
  });

  it('after a failure, a good check clears the error', async () => {
    ctx.answers.push(ok(MAINTENANCE), ok(docketJson([E2, E1])));
    await checkCase(ctx, KEY);
    await checkCase(ctx, KEY);
    const row = await ctx.db.cases.get(KEY);
    expect(row).toMatchObject({ lastError: null, failures: 0 });
  });
});
