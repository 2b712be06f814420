import { beforeEach, describe, expect, it } from 'vitest';
import { updateCase } from '../../../../extension/entrypoints/background/folder';
import { readSettings, saveSettings } from '../../../../extension/entrypoints/background/settings';
import { storeDocket } from '../../../../extension/entrypoints/background/store-docket';
import { applyPulled } from '../../../../extension/entrypoints/background/sync/apply-pulled';
import { syncCursor } from '../../../../extension/entrypoints/background/sync/state';
import { fingerprintEntries } from '../../../../shared/casenet/fingerprint';
import type { Change, SyncedCase } from '../../../../shared/sync/protocol';
import { makeCtx, SOURCE_NEW, type TestCtx } from '../support/ctx';
import { DOCKET, entry, KEY, queued, saveTestCase, syncingCtx } from './support';

const OTHER = 'CT22|22SL-CC00999';
const value = (extra: Partial<SyncedCase> = {}): SyncedCase => ({
  courtId: 'CT22',
  caseNumber: '22SL-CC00999',
  caption: 'STATE V DOE',
  saved: true,
  tracked: true,
  note: 'from the other browser',
  tags: ['client'],
  source: null,
  ...extra,
});
const caseChange = (key: string, v: SyncedCase, version = 1): Change => ({ type: 'case', key, version, value: v });

let ctx: TestCtx;
beforeEach(async () => {
  ctx = makeCtx();
  await syncingCtx(ctx);
});

describe('applying pulled changes', () => {
  it('creates a case it does not have, read from the old Case.net when no source came, due for its first check', async () => {
    await applyPulled(ctx, [caseChange(OTHER, value())], 7);
    expect(await ctx.db.cases.get(OTHER)).toMatchObject({
      courtId: 'CT22',
      caseNumber: '22SL-CC00999',
      caption: 'STATE V DOE',
      note: 'from the other browser',
      tags: ['client'],
      tracked: true,
      source: { origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old', courtId: 'CT22', caseNumber: '22SL-CC00999' },
      docketAt: null,
      nextCheckAt: ctx.clock.now,
    });
    expect(await syncCursor(ctx.db)).toBe(7);
    expect(await ctx.db.outbox.count()).toBe(0); // a pull is not a local change
  });

  it('changes only the synced fields of a case it has: docket and check state stay', async () => {
    const saved = await saveTestCase(ctx, true);
    await ctx.db.outbox.clear();
    await applyPulled(ctx, [caseChange(KEY, value({ caseNumber: '22SL-CC00807', caption: null, tracked: false, source: SOURCE_NEW }))], 8);
    const row = await ctx.db.cases.get(KEY);
    expect(row).toMatchObject({ caption: 'JANE DOE V ACME CORP', note: 'from the other browser', tags: ['client'], tracked: false, nextCheckAt: null, docketAt: saved.docketAt, lastCheckedAt: saved.lastCheckedAt });
    expect(await ctx.db.entries.where('caseKey').equals(KEY).count()).toBe(DOCKET.length);
  });

  it('never overwrites a pending local change: the case is skipped until the server has it', async () => {
    await saveTestCase(ctx, true);
    await updateCase(ctx, { key: KEY, note: 'typed here, not sent yet' });
    await applyPulled(ctx, [caseChange(KEY, value({ caseNumber: '22SL-CC00807', note: 'older note from the server' })), { type: 'caseRemoved', key: KEY, version: 9 }], 9);
    expect((await ctx.db.cases.get(KEY))?.note).toBe('typed here, not sent yet');
    expect(await syncCursor(ctx.db)).toBe(9);
  });

  it('a removal takes the case with its entries, alerts and read marks', async () => {
    await saveTestCase(ctx, true);
    await ctx.db.alerts.add({ id: `${KEY}|x:0|new`, caseKey: KEY, fingerprint: 'x:0', kind: 'new', date: '2025-03-04', title: 'Motion', createdAt: 1, readAt: null });
    await ctx.db.readMarks.add({ alertId: `${KEY}|y:0|new`, readAt: 5 });
    await ctx.db.outbox.clear();
    await applyPulled(ctx, [{ type: 'caseRemoved', key: KEY, version: 3 }], 3);
    expect(await ctx.db.cases.count()).toBe(0);
    expect(await ctx.db.entries.count()).toBe(0);
    expect(await ctx.db.alerts.count()).toBe(0);
    expect(await ctx.db.readMarks.count()).toBe(0);
  });

  it('a read mark overwrites the local one, or waits in readMarks until the alert is raised here', async () => {
    await saveTestCase(ctx, true);
    const here = `${KEY}|x:0|new`;
    await ctx.db.alerts.add({ id: here, caseKey: KEY, fingerprint: 'x:0', kind: 'new', date: '2025-03-04', title: 'Motion', createdAt: 1, readAt: 999 });
    const shown = [entry('2025-03-04', 'Motion to Dismiss'), ...DOCKET];
    const prints = fingerprintEntries(shown);
    const later = `${KEY}|${prints[0]}|new`;
    await applyPulled(ctx, [{ type: 'read', alertId: here, readAt: 500, version: 4 }, { type: 'read', alertId: later, readAt: 600, version: 5 }, { type: 'read', alertId: 'not an alert id', readAt: 1, version: 6 }], 6);
    expect((await ctx.db.alerts.get(here))?.readAt).toBe(500);
    expect(await ctx.db.readMarks.toArray()).toEqual([{ alertId: later, readAt: 600 }]);

    // This browser's own check finds the entry later: its alert starts read, at the other browser's time.
    await ctx.db.outbox.clear();
    const { created } = await storeDocket(ctx, { key: KEY, entries: shown, fingerprints: prints, mode: 'merge', changes: [{ kind: 'new', fingerprint: prints[0]!, entry: shown[0]! }], alertsRead: false, patch: {} });
    expect(created.map((a) => a.readAt)).toEqual([600]);
    expect(await ctx.db.readMarks.count()).toBe(0);
    expect(await queued(ctx)).toEqual([]); // the server has that mark already
  });

  it('merges valid settings but keeps this browser’s server address; invalid settings are ignored', async () => {
    await saveSettings(ctx, { ...(await readSettings(ctx)), serverUrl: 'https://mine.example.org' });
    await applyPulled(ctx, [{ type: 'settings', version: 2, value: { refreshMinutes: 120, notifications: false, serverUrl: 'https://theirs.example.org' } }], 2);
    expect(await readSettings(ctx)).toMatchObject({ refreshMinutes: 120, notifications: false, serverUrl: 'https://mine.example.org' });
    await applyPulled(ctx, [{ type: 'settings', version: 3, value: { refreshMinutes: 1 } }], 3);
    expect((await readSettings(ctx)).refreshMinutes).toBe(120);
  });

  it('ignores a case whose key does not match its court and number, or whose fields are out of bounds', async () => {
    await applyPulled(
      ctx,
      [
        caseChange('CT22|22SL-CC00001', value()),
        caseChange('not a key', value()),
        caseChange(OTHER, value({ tags: ['x'.repeat(51)] })),
      ],
      4,
    );
    expect(await ctx.db.cases.count()).toBe(0);
    expect(await syncCursor(ctx.db)).toBe(4);
  });
});
