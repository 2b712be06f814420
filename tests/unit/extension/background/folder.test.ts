import { beforeEach, describe, expect, it } from 'vitest';
import { removeCase, saveCase, setTracked, updateCase } from '../../../../extension/entrypoints/background/folder';
import { exportFolder, importFolder } from '../../../../extension/entrypoints/background/folder-transfer';
import { fingerprintEntries } from '../../../../shared/casenet/fingerprint';
import type { DocketEntry } from '../../../../shared/casenet/types';
import { makeCtx, SOURCE_NEW, type TestCtx } from '../support/ctx';

const KEY = 'CT22|22SL-CC00807';
const entry = (date: string, title: string): DocketEntry => ({ date, title, text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null });
const DOCKET = [entry('2025-02-03', 'Summons Issued'), entry('2025-01-10', 'Petition Filed')];

let ctx: TestCtx;

const save = (track: boolean, withDocket = true) =>
  saveCase(ctx, {
    key: KEY,
    courtId: 'CT22',
    caseNumber: '22SL-CC00807',
    caption: 'JANE DOE V ACME CORP',
    fields: { 'Case Type': 'Breach of Contract' },
    source: SOURCE_NEW,
    docket: withDocket ? { entries: DOCKET, fingerprints: fingerprintEntries(DOCKET) } : null,
    track,
  });

beforeEach(() => {
  ctx = makeCtx();
});

describe('case folder', () => {
  it('Save stores the case and its docket, untracked and without alerts', async () => {
    const row = await save(false);
    expect(row).toMatchObject({ saved: true, tracked: false, caption: 'JANE DOE V ACME CORP', nextCheckAt: null });
    expect(await ctx.db.entries.where('caseKey').equals(KEY).count()).toBe(2);
    expect(await ctx.db.alerts.count()).toBe(0);
  });

  it('Track after Save keeps notes and tags and schedules a check', async () => {
    await save(false);
    await updateCase(ctx, { key: KEY, note: 'Hearing prep', tags: ['client', 'Client', ' urgent '] });
    const row = await save(true);
    expect(row).toMatchObject({ tracked: true, note: 'Hearing prep', tags: ['client', 'urgent'] });
    expect(row.nextCheckAt).not.toBeNull();
  });

  it('stop tracking keeps the case saved; remove deletes it with entries and alerts', async () => {
    await save(true);
    const untracked = await setTracked(ctx, KEY, false);
    expect(untracked).toMatchObject({ saved: true, tracked: false, entryCount: 2 });
    await ctx.db.alerts.add({ id: `${KEY}|x|new`, caseKey: KEY, fingerprint: 'x', kind: 'new', date: '2025-03-04', title: 'Motion', createdAt: 1, readAt: null });
    expect(await removeCase(ctx, KEY)).toEqual({ removed: true });
    expect(await ctx.db.cases.count()).toBe(0);
    expect(await ctx.db.entries.count()).toBe(0);
    expect(await ctx.db.alerts.count()).toBe(0);
    expect(ctx.badge.at(-1)).toBe(0);
  });

  it('a saved case without a docket is due for a check at once when tracked', async () => {
    const row = await save(true, false);
    expect(row.nextCheckAt).toBe(ctx.clock.now);
  });
});

describe('export and import', () => {
  it('round-trips cases, notes, tags and dockets into an empty folder', async () => {
    await save(true);
    await updateCase(ctx, { key: KEY, note: 'Call client', tags: ['client'] });
    const { json, filename } = await exportFolder(ctx);
    expect(filename).toMatch(/^docket-watch-folder-\d{4}-\d{2}-\d{2}\.json$/);

    const other = makeCtx();
    expect(await importFolder(other, json)).toEqual({ imported: 1, updated: 0 });
    const row = await other.db.cases.get(KEY);
    expect(row).toMatchObject({ caption: 'JANE DOE V ACME CORP', note: 'Call client', tags: ['client'], tracked: true, saved: true });
    const titles = (await other.db.entries.where('caseKey').equals(KEY).sortBy('position')).map((e) => e.title);
    expect(titles).toEqual(['Summons Issued', 'Petition Filed']);
    expect(await importFolder(other, json)).toEqual({ imported: 0, updated: 1 });
    expect(await other.db.entries.count()).toBe(2);
  });

  it.each([
    ['not JSON', '{ this is not json', /not JSON/],
    ['another file', JSON.stringify({ hello: 'world' }), /not a valid Docket Watch export/],
    ['a wrong key', null, /wrong key/],
  ])('a bad file (%s) is refused with a clear error and the folder is untouched', async (_name, input, message) => {
    await save(false);
    const good = JSON.parse((await exportFolder(ctx)).json) as { cases: { key: string; note: string }[] };
    const before = await ctx.db.cases.toArray();
    let json = input;
    if (json === null) {
      good.cases.push({ ...good.cases[0]!, key: 'CT99|NOPE', note: 'imported' });
      json = JSON.stringify(good);
    }
    await expect(importFolder(ctx, json)).rejects.toThrow(message);
    await expect(importFolder(ctx, json)).rejects.toThrow(/Your folder was not changed/);
    expect(await ctx.db.cases.toArray()).toEqual(before);
  });
});
