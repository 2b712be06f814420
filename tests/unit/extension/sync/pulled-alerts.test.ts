import { beforeEach, describe, expect, it } from 'vitest';
import { announce, notificationClicked, openAlert } from '../../../../extension/entrypoints/background/alerts';
import { readSettings, saveSettings } from '../../../../extension/entrypoints/background/settings';
import { storeDocket } from '../../../../extension/entrypoints/background/store-docket';
import { DexieReplica } from '../../../../extension/entrypoints/background/sync/replica';
import { syncCursor } from '../../../../extension/entrypoints/background/sync/state';
import { fingerprintEntries } from '../../../../shared/casenet/fingerprint';
import type { Change } from '../../../../shared/sync/protocol';
import { makeCtx, type TestCtx } from '../support/ctx';
import { DOCKET, entry, KEY, queued, saveTestCase, syncingCtx } from './support';

// Alerts the server raised (its reads, another browser's snapshot, hearing reminders) arrive in a
// pull: stored once under the id this browser gives the same entry, read if a read mark waits for
// them, announced only when fresh and the user has the browser channel on, counted on the badge.

type AlertChange = Extract<Change, { type: 'alert' }>;
const HOUR = 3_600_000;

let ctx: TestCtx;
let replica: DexieReplica;
let version = 0;
const pulled = (fingerprint: string, extra: Partial<AlertChange> = {}): AlertChange => {
  const caseKey = extra.caseKey ?? KEY;
  const kind = extra.kind ?? 'new';
  return {
    type: 'alert',
    alertId: `${caseKey}|${fingerprint}|${kind}`,
    version: ++version,
    caseKey,
    fingerprint,
    kind,
    date: '2025-03-03',
    title: `Entry ${fingerprint}`,
    scheduledFor: null,
    createdAt: ctx.clock.now - HOUR,
    origin: 'server',
    notify: true,
    ...extra,
  };
};
/** One pulled page, then the end of the pull (when its fresh alerts are announced). */
const apply = async (changes: Change[]) => {
  await replica.applyPulled(changes, version);
  await replica.announceFresh();
};

beforeEach(async () => {
  ctx = makeCtx();
  replica = new DexieReplica(ctx, 'client-test-1');
  await syncingCtx(ctx);
  await saveTestCase(ctx, true);
  await ctx.db.outbox.clear();
  ctx.notifications.length = 0;
});

describe('pulled alerts', () => {
  it('stores each once, as the alert this browser raised for the same entry; only the new one is announced', async () => {
    const shown = [entry('2025-03-04', 'Motion to Dismiss'), ...DOCKET];
    const prints = fingerprintEntries(shown);
    const {
      created: [local],
    } = await storeDocket(ctx, { key: KEY, entries: shown, fingerprints: prints, mode: 'merge', changes: [{ kind: 'new', fingerprint: prints[0]!, entry: shown[0]! }], alertsRead: false, patch: {} });
    const page = [pulled(prints[0]!, { title: 'Motion to Dismiss', date: '2025-03-04', createdAt: 1 }), pulled('fp-server', { title: 'Order Entered' })];

    await apply(page);
    await apply(page); // pulled again (another page, a retried round): nothing more
    expect(await ctx.db.alerts.get(local!.id)).toEqual(local);
    expect(await ctx.db.alerts.get(`${KEY}|fp-server|new`)).toEqual({
      id: `${KEY}|fp-server|new`,
      caseKey: KEY,
      fingerprint: 'fp-server',
      kind: 'new',
      date: '2025-03-03',
      title: 'Order Entered',
      createdAt: ctx.clock.now - HOUR,
      readAt: null,
      announcedAt: ctx.clock.now,
    });
    expect(await ctx.db.alerts.count()).toBe(2);
    expect(ctx.notifications).toEqual([{ id: `${KEY}|fp-server|new`, caseNumber: '22SL-CC00807', title: 'Order Entered', caption: 'JANE DOE V ACME CORP', date: '2025-03-03' }]);
    expect(ctx.badge.at(-1)).toBe(2);
    expect(await syncCursor(ctx.db)).toBe(version);
    expect(await queued(ctx)).toEqual([]); // a pulled alert is not a local change
  });

  it('starts read when another browser read it first (a waiting read mark, or a read change in the same page), and is not announced', async () => {
    await ctx.db.readMarks.put({ alertId: `${KEY}|fp-marked|new`, readAt: 500 });
    const later = pulled('fp-read-later');
    await apply([pulled('fp-marked'), later, { type: 'read', alertId: later.alertId, readAt: 600, version: ++version }]);
    expect((await ctx.db.alerts.bulkGet([`${KEY}|fp-marked|new`, later.alertId])).map((a) => a?.readAt)).toEqual([500, 600]);
    expect(await ctx.db.readMarks.count()).toBe(0);
    expect(ctx.notifications).toEqual([]);
  });

  it('announces only fresh alerts the user has browser notifications on for, and none with notifications off here; all count on the badge', async () => {
    await apply([pulled('fp-quiet', { notify: false }), pulled('fp-old', { createdAt: ctx.clock.now - 25 * HOUR }), pulled('fp-fresh', { kind: 'changed' })]);
    expect(ctx.notifications.map((n) => [n.id, n.title])).toEqual([[`${KEY}|fp-fresh|changed`, 'Changed: Entry fp-fresh']]);
    expect(ctx.badge.at(-1)).toBe(3);

    await saveSettings(ctx, { ...(await readSettings(ctx)), notifications: false });
    await apply([pulled('fp-fresh-2')]);
    expect(ctx.notifications).toHaveLength(1);
    expect(await ctx.db.alerts.filter((a) => a.readAt === null).count()).toBe(4);
  });

  it('keeps an alert of a case this browser does not have yet, named by its key; opening it has no page to open', async () => {
    const other = 'CT13|14BA-CV01093';
    const change = pulled('fp-elsewhere', { caseKey: other });
    await apply([change]);
    expect(await ctx.db.alerts.get(change.alertId)).toMatchObject({ caseKey: other, title: 'Entry fp-elsewhere', readAt: null });
    expect(ctx.notifications).toEqual([{ id: change.alertId, caseNumber: '14BA-CV01093', title: 'Entry fp-elsewhere', caption: null, date: '2025-03-03' }]);

    await notificationClicked(ctx, change.alertId);
    expect(ctx.opened).toEqual([]);
    expect((await ctx.db.alerts.get(change.alertId))?.readAt).toBe(ctx.clock.now);
    expect(await openAlert(ctx, change.alertId)).toEqual({ url: null });
  });

  it('dates a hearing reminder by its hearing and says how far off it is', async () => {
    // The clock is 9 a.m. Central on March 4, 2025.
    await apply([pulled('fp-h#2d', { kind: 'hearing', title: 'Hearing Scheduled', date: '2025-02-20', scheduledFor: '03/06/2025; 9:00 AM; Division 12' })]);
    expect(await ctx.db.alerts.get(`${KEY}|fp-h#2d|hearing`)).toMatchObject({ kind: 'hearing', date: '2025-03-06', title: 'Hearing Scheduled' });
    expect(ctx.notifications.map((n) => [n.title, n.date])).toEqual([['Hearing in 2 days: Hearing Scheduled', '2025-03-06']]);
  });

  it('one pulled silently (browser channel off) is announced once when this browser finds its entry itself', async () => {
    const shown = [entry('2025-03-04', 'Motion to Dismiss'), ...DOCKET];
    const prints = fingerprintEntries(shown);
    await apply([pulled(prints[0]!, { title: 'Motion to Dismiss', date: '2025-03-04', notify: false })]);
    expect(ctx.notifications).toEqual([]);

    const check = () => storeDocket(ctx, { key: KEY, entries: shown, fingerprints: prints, mode: 'merge', changes: [{ kind: 'new', fingerprint: prints[0]!, entry: shown[0]! }], alertsRead: false, patch: {} });
    const first = await check();
    expect(first.created).toEqual([]);
    expect(first.unannounced.map((a) => a.title)).toEqual(['Motion to Dismiss']);
    await announce(ctx, { key: KEY, caseNumber: '22SL-CC00807', caption: null }, first.unannounced);
    expect(ctx.notifications.map((n) => n.title)).toEqual(['Motion to Dismiss']);
    expect((await check()).unannounced).toEqual([]); // told once
  });

  it('an alert read elsewhere whose read mark comes on a later page of the same pull is not announced', async () => {
    const change = pulled('fp-read-on-next-page');
    await replica.applyPulled([change], version);
    expect(ctx.notifications).toEqual([]);
    await replica.applyPulled([{ type: 'read', alertId: change.alertId, readAt: 700, version: ++version }], version);
    await replica.announceFresh();
    expect(ctx.notifications).toEqual([]);
    expect((await ctx.db.alerts.get(change.alertId))?.readAt).toBe(700);
  });

  it('many fresh alerts in one pull make one notification for all of them, and one badge update', async () => {
    const other = 'CT13|14BA-CV01093';
    await apply([...['a', 'b', 'c', 'd'].map((f) => pulled(`fp-${f}`)), ...['e', 'f'].map((f) => pulled(`fp-${f}`, { caseKey: other }))]);
    expect(ctx.notifications).toEqual([{ id: `summary:${ctx.clock.now}`, caseNumber: '2 cases', title: '6 docket changes', caption: 'Open Docket Watch to read them.', date: null }]);
    expect(ctx.badge).toEqual([6]);
    expect(await ctx.db.alerts.filter((a) => a.announcedAt === undefined).count()).toBe(0);
    await notificationClicked(ctx, `summary:${ctx.clock.now}`);
    expect(ctx.opened).toEqual(['/dashboard.html']);
  });

  it('ignores an alert whose id does not match its parts, whose fields are out of bounds, or a hearing reminder without a hearing date', async () => {
    await apply([
      { ...pulled('fp-a'), alertId: `${KEY}|fp-other|new` },
      pulled('fp-b', { date: 'March 3' }),
      pulled('fp-c', { caseKey: 'not a key' }),
      pulled('fp-d', { kind: 'hearing', scheduledFor: null }),
      pulled('fp-e', { title: 'x'.repeat(2_001) }),
    ]);
    expect(await ctx.db.alerts.count()).toBe(0);
    expect(ctx.notifications).toEqual([]);
    expect(await syncCursor(ctx.db)).toBe(version);
  });
});
