import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../../extension/entrypoints/background/handlers';
import { saveCase } from '../../../../extension/entrypoints/background/folder';
import { checkCase } from '../../../../extension/entrypoints/background/refresher';
import type { Handlers } from '../../../../extension/lib/messages';
import { docketJson, E1, E2, E3, makeCtx, ok, SOURCE_NEW, type TestCtx } from '../support/ctx';

const KEY = 'CT22|22SL-CC00807';
const sender = {};
let ctx: TestCtx;
let handlers: Handlers;

/** Case n of the copies: its own key, caption and (with ties every third case) updatedAt. */
const copyKey = (n: number) => `CT22|24SL-CC${String(n).padStart(5, '0')}`;

beforeEach(async () => {
  ctx = makeCtx(Date.UTC(2025, 2, 4, 15, 0));
  handlers = createHandlers(ctx);
  await saveCase(ctx, { key: KEY, courtId: 'CT22', caseNumber: '22SL-CC00807', caption: 'JANE DOE V ACME CORP', fields: null, source: SOURCE_NEW, docket: null, track: true });
  ctx.answers.push(ok(docketJson([E2, E1])), ok(docketJson([E3, E2, E1])));
  await checkCase(ctx, KEY); // baseline
  await checkCase(ctx, KEY); // one new entry, one unread alert
  // 30 more cases, some with entries and alerts (read and unread), several sharing an updatedAt.
  const row = (await ctx.db.cases.get(KEY))!;
  const entries = await ctx.db.entries.where('caseKey').equals(KEY).toArray();
  const [alert] = await ctx.db.alerts.toArray();
  for (let n = 0; n < 30; n++) {
    const key = copyKey(n);
    await ctx.db.cases.put({ ...row, key, caseNumber: key.split('|')[1]!, caption: `PARTY ${n} V OTHER`, tags: n % 5 === 0 ? ['five'] : [], updatedAt: row.updatedAt - 1000 * Math.floor(n / 3) + 500 });
    if (n % 2 === 0) await ctx.db.entries.bulkPut(entries.slice(0, 1 + (n % 3)).map((e) => ({ ...e, caseKey: key })));
    if (n % 4 === 0) await ctx.db.alerts.put({ ...alert!, id: `${alert!.id}-${n}`, caseKey: key, readAt: n % 8 === 0 ? null : 1 });
  }
});

describe('getSummary with a limit', () => {
  it('gives the limit most recent cases, each exactly as the full summary has it, and the whole count', async () => {
    const full = await handlers.getSummary({}, sender);
    expect(full.cases).toHaveLength(31);
    for (const limit of [1, 5, 7, 12, 31, 100]) {
      const limited = await handlers.getSummary({ limit }, sender);
      expect(limited.cases).toEqual(full.cases.slice(0, limit));
      expect(limited.caseCount).toBe(31);
      expect(limited.unread).toEqual(full.unread);
      expect(limited.unreadCount).toBe(full.unreadCount);
    }
    expect((await handlers.getSummary({ limit: 31 }, sender)).cases.find((c) => c.key === KEY)).toMatchObject({ unread: 1, entryCount: 3, lastEntry: { date: '2025-03-04', title: 'Motion to Dismiss' } });
  });

  it('reads neither every case nor every entry', async () => {
    const casesToArray = vi.spyOn(ctx.db.cases, 'toArray');
    const entriesEach = vi.spyOn(ctx.db.entries, 'each');
    const summary = await handlers.getSummary({ limit: 5 }, sender);
    expect(summary.cases).toHaveLength(5);
    expect(casesToArray).not.toHaveBeenCalled();
    expect(entriesEach).not.toHaveBeenCalled();
  });

  it('searches every case in the background and gives at most limit matches, most recent first', async () => {
    const full = await handlers.getSummary({}, sender);
    const five = full.cases.filter((c) => c.tags.includes('five'));
    expect(five).toHaveLength(6);
    expect((await handlers.getSummary({ search: 'five', limit: 4 }, sender)).cases).toEqual(five.slice(0, 4));
    expect((await handlers.getSummary({ search: 'five', limit: 100 }, sender)).cases).toEqual(five);
    // Every word, any order, any case.
    expect((await handlers.getSummary({ search: 'other  party 17', limit: 100 }, sender)).cases.map((c) => c.key)).toEqual([copyKey(17)]);
    expect((await handlers.getSummary({ search: 'ACME', limit: 3 }, sender)).cases.map((c) => c.key)).toEqual([KEY]);
    const none = await handlers.getSummary({ search: 'nothing like it', limit: 100 }, sender);
    expect(none.cases).toEqual([]);
    expect(none.caseCount).toBe(31);
  });

  it('accepts limits from 1 to 1,000 only', async () => {
    const { Requests } = await import('../../../../extension/lib/protocol');
    expect(Requests.getSummary.safeParse({ limit: 100 }).success).toBe(true);
    expect(Requests.getSummary.safeParse({ search: 'x', limit: 1_000 }).success).toBe(true);
    for (const limit of [0, 1_001, 2.5]) expect(Requests.getSummary.safeParse({ limit }).success).toBe(false);
  });
});
