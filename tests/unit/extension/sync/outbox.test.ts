import { beforeEach, describe, expect, it, vi } from 'vitest';
import { markAllRead } from '../../../../extension/entrypoints/background/alerts';
import { removeCase, setTracked, updateCase } from '../../../../extension/entrypoints/background/folder';
import { exportFolder, importFolder } from '../../../../extension/entrypoints/background/folder-transfer';
import { readSettings, saveSettings } from '../../../../extension/entrypoints/background/settings';
import { storeDocket } from '../../../../extension/entrypoints/background/store-docket';
import { enqueue, syncedTables } from '../../../../extension/entrypoints/background/sync/outbox';
import { fingerprintEntries } from '../../../../shared/casenet/fingerprint';
import { makeCtx, SOURCE_NEW, type TestCtx } from '../support/ctx';
import { DOCKET, entry, KEY, queued, saveTestCase, syncingCtx } from './support';

let ctx: TestCtx;
beforeEach(() => {
  ctx = makeCtx();
});

describe('outbox: every change of synced data is queued with it', () => {
  it('queues nothing while signed out', async () => {
    await saveTestCase(ctx, true);
    await updateCase(ctx, { key: KEY, note: 'n', tags: ['t'] });
    await saveSettings(ctx, { ...(await readSettings(ctx)), refreshMinutes: 60 });
    expect(await ctx.db.outbox.count()).toBe(0);
    expect(ctx.syncRequests.count).toBe(0);
  });

  it('save, track, note, tags, stop tracking and remove each queue their mutation, with consecutive ids', async () => {
    await syncingCtx(ctx);
    await saveTestCase(ctx, true);
    await updateCase(ctx, { key: KEY, note: 'Hearing prep', tags: ['client', ' urgent '] });
    await updateCase(ctx, { key: KEY, note: 'Hearing prep' }); // unchanged: nothing to send
    await setTracked(ctx, KEY, false);
    await removeCase(ctx, KEY);
    await removeCase(ctx, KEY); // nothing left to remove
    expect(await queued(ctx)).toEqual([
      { op: 'putCase', args: { key: KEY, courtId: 'CT22', caseNumber: '22SL-CC00807', caption: 'JANE DOE V ACME CORP', saved: true, tracked: true, source: SOURCE_NEW } },
      { op: 'setNote', args: { key: KEY, note: 'Hearing prep' } },
      { op: 'setTags', args: { key: KEY, tags: ['client', 'urgent'] } },
      { op: 'setFlags', args: { key: KEY, saved: true, tracked: false } },
      { op: 'removeCase', args: { key: KEY } },
    ]);
    const ids = (await ctx.db.outbox.toArray()).map((m) => m.id);
    expect(ids).toEqual(ids.map((_, i) => (ids[0] ?? 0) + i));
    expect(ctx.syncRequests.count).toBeGreaterThan(0);
  });

  it('marks read with the alert id, once per alert', async () => {
    await syncingCtx(ctx);
    await saveTestCase(ctx, true);
    const id = `${KEY}|abc:0|new`;
    await ctx.db.alerts.add({ id, caseKey: KEY, fingerprint: 'abc:0', kind: 'new', date: '2025-03-04', title: 'Motion', createdAt: 1, readAt: null });
    await ctx.db.outbox.clear();
    expect(await markAllRead(ctx, KEY)).toBe(1);
    expect(await markAllRead(ctx, KEY)).toBe(0);
    expect(await queued(ctx)).toEqual([{ op: 'markRead', args: { alertId: id, readAt: ctx.clock.now } }]);
  });

  it('an alert raised already read (the user is looking at it) is read everywhere', async () => {
    await syncingCtx(ctx);
    await saveTestCase(ctx, true);
    await ctx.db.outbox.clear();
    const shown = [entry('2025-03-04', 'Motion to Dismiss'), ...DOCKET];
    const prints = fingerprintEntries(shown);
    await storeDocket(ctx, { key: KEY, entries: shown, fingerprints: prints, mode: 'merge', changes: [{ kind: 'new', fingerprint: prints[0]!, entry: shown[0]! }], alertsRead: true, patch: {} });
    expect(await queued(ctx)).toEqual([{ op: 'markRead', args: { alertId: `${KEY}|${prints[0]}|new`, readAt: ctx.clock.now } }]);
  });

  it('settings go without the server address, and a new address alone sends nothing', async () => {
    await syncingCtx(ctx);
    const settings = await readSettings(ctx);
    await saveSettings(ctx, { ...settings, serverUrl: 'https://sync.example.org' });
    expect(await queued(ctx)).toEqual([]);
    await saveSettings(ctx, { ...settings, refreshMinutes: 60 });
    expect(await queued(ctx)).toEqual([{ op: 'setSettings', args: { settings: { refreshMinutes: 60, windowStartHour: 6, windowEndHour: 22, notifications: true } } }]);
  });

  it('an import counts as saving each case again, with its note and tags', async () => {
    await saveTestCase(ctx);
    await updateCase(ctx, { key: KEY, note: 'from the file', tags: ['client'] });
    const { json } = await exportFolder(ctx);
    ctx = makeCtx();
    await syncingCtx(ctx);
    expect(await importFolder(ctx, json)).toEqual({ imported: 1, updated: 0 });
    expect((await queued(ctx)).map((m) => m.op)).toEqual(['putCase', 'setNote', 'setTags']);
  });

  it('a write that fails leaves no mutation, and a mutation that cannot be queued leaves no write', async () => {
    await syncingCtx(ctx);
    await saveTestCase(ctx, true);
    await ctx.db.outbox.clear();
    // The docket write fails after its read mark was queued: neither is kept.
    vi.spyOn(ctx.db.cases, 'update').mockRejectedValueOnce(new Error('disk full'));
    const shown = [entry('2025-03-04', 'Motion to Dismiss'), ...DOCKET];
    const prints = fingerprintEntries(shown);
    await expect(
      storeDocket(ctx, { key: KEY, entries: shown, fingerprints: prints, mode: 'merge', changes: [{ kind: 'new', fingerprint: prints[0]!, entry: shown[0]! }], alertsRead: true, patch: {} }),
    ).rejects.toThrow('disk full');
    expect(await ctx.db.outbox.count()).toBe(0);
    expect(await ctx.db.alerts.count()).toBe(0);
    // A note the server would refuse (over 10,000 characters) is not stored either.
    await expect(updateCase(ctx, { key: KEY, note: 'x'.repeat(10_001) })).rejects.toThrow();
    expect((await ctx.db.cases.get(KEY))?.note).toBe('');
    expect(await ctx.db.outbox.count()).toBe(0);
  });

  it('refuses to queue outside the transaction of the change', async () => {
    await syncingCtx(ctx);
    await expect(enqueue(ctx, [{ op: 'removeCase', args: { key: KEY } }])).rejects.toThrow(/inside the read-write transaction/);
    await expect(ctx.db.transaction('r', syncedTables(ctx.db), () => enqueue(ctx, [{ op: 'removeCase', args: { key: KEY } }]))).rejects.toThrow(/inside the read-write transaction/);
  });
});
