import { beforeEach, describe, expect, it } from 'vitest';
import { notificationClicked } from '../../../../extension/entrypoints/background/alerts';
import { createHandlers } from '../../../../extension/entrypoints/background/handlers';
import { saveCase } from '../../../../extension/entrypoints/background/folder';
import { checkCase } from '../../../../extension/entrypoints/background/refresher';
import { runDueChecks } from '../../../../extension/entrypoints/background/scheduler';
import type { Handlers } from '../../../../extension/lib/messages';
import { docketJson, E1, E2, E3, makeCtx, ok, SOURCE_NEW, type TestCtx } from '../support/ctx';

const KEY = 'CT22|22SL-CC00807';
const sender = {};
let ctx: TestCtx;
let handlers: Handlers;

beforeEach(async () => {
  ctx = makeCtx(Date.UTC(2025, 2, 4, 15, 0)); // 9 a.m. Central
  handlers = createHandlers(ctx);
  await saveCase(ctx, { key: KEY, courtId: 'CT22', caseNumber: '22SL-CC00807', caption: 'JANE DOE V ACME CORP', fields: null, source: SOURCE_NEW, docket: null, track: true });
  ctx.answers.push(ok(docketJson([E2, E1])), ok(docketJson([E3, E2, E1])));
  await checkCase(ctx, KEY); // baseline
  await checkCase(ctx, KEY); // one new entry
});

describe('popup and dashboard handlers', () => {
  it('getSummary lists the unread alert first and filters the folder by search', async () => {
    const summary = await handlers.getSummary({}, sender);
    expect(summary.unreadCount).toBe(1);
    expect(summary.unread[0]).toMatchObject({ caseNumber: '22SL-CC00807', title: 'Motion to Dismiss', kind: 'new' });
    expect(summary.cases[0]).toMatchObject({ key: KEY, tracked: true, unread: 1, entryCount: 3, lastEntry: { date: '2025-03-04', title: 'Motion to Dismiss' } });
    expect((await handlers.getSummary({ search: 'acme' }, sender)).cases).toHaveLength(1);
    expect((await handlers.getSummary({ search: 'nothing like it' }, sender)).cases).toHaveLength(0);
  });

  it('openAlert marks it read, clears the badge and gives the case page on its origin', async () => {
    const [alert] = (await handlers.getSummary({}, sender)).unread;
    const { url } = await handlers.openAlert({ id: alert!.id }, sender);
    expect(url).toMatch(/^https:\/\/www\.courts\.mo\.gov\/cnet\//);
    expect(ctx.badge.at(-1)).toBe(0);
    expect((await handlers.getSummary({}, sender)).unreadCount).toBe(0);
  });

  it('clicking the notification opens the case page and marks the alert read', async () => {
    await notificationClicked(ctx, ctx.notifications[0]!.id);
    expect(ctx.opened).toHaveLength(1);
    expect(await ctx.db.alerts.filter((a) => a.readAt === null).count()).toBe(0);
  });

  it('getCase gives the docket in page order with its alerts', async () => {
    const detail = await handlers.getCase({ key: KEY }, sender);
    expect(detail.entries.map((e) => e.title)).toEqual(['Motion to Dismiss', 'Summons Issued', 'Petition Filed']);
    expect(detail.alerts).toHaveLength(1);
    await expect(handlers.getCase({ key: 'CT22|NOPE' }, sender)).rejects.toThrow('That case is not in your folder.');
  });

  it('settings default to every 30 minutes, 6 a.m. to 10 p.m., and are stored', async () => {
    expect(await handlers.getSettings({}, sender)).toEqual({ refreshMinutes: 30, windowStartHour: 6, windowEndHour: 22, notifications: true, serverUrl: 'http://127.0.0.1:8787' });
    const changed = { refreshMinutes: 60, windowStartHour: 7, windowEndHour: 20, notifications: false, serverUrl: 'https://sync.example.org' };
    await handlers.saveSettings(changed, sender);
    expect(await handlers.getSettings({}, sender)).toEqual(changed);
  });
});

describe('scheduler', () => {
  it('checks tracked cases that are due inside the window, and none at night', async () => {
    await ctx.db.cases.update(KEY, { nextCheckAt: ctx.clock.now - 1 });
    ctx.answers.push(ok(docketJson([E3, E2, E1])));
    const before = ctx.requests.length;
    expect((await runDueChecks(ctx, checkCase)).map((r) => r.key)).toEqual([KEY]);
    expect(ctx.requests.length).toBe(before + 1);

    await ctx.db.cases.update(KEY, { nextCheckAt: 0 });
    ctx.clock.now = Date.UTC(2025, 2, 5, 8, 0); // 2 a.m. Central
    expect(await runDueChecks(ctx, checkCase)).toEqual([]);
  });
});
