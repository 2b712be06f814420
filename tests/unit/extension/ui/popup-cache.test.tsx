import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../extension/entrypoints/background/handlers';
import { saveCase } from '../../../../extension/entrypoints/background/folder';
import { App } from '../../../../extension/entrypoints/popup/App';
import { parseCachedSummary, POPUP_ROWS, POPUP_SUMMARY_KEY, POPUP_SUMMARY_VERSION, readCachedSummary, type CachedSummary, type SummaryArea } from '../../../../extension/lib/popup-summary';
import { PopupSummaryWriter } from '../../../../extension/lib/popup-summary-writer';
import type { Summary } from '../../../../extension/lib/protocol';
import { makeCtx, SOURCE_NEW } from '../support/ctx';
import { callsOf, fakeApi } from './support/fake-api';
import { makeAlert, makeCase, makeSummary, manyCases, NOW } from './support/data';

afterEach(cleanup);

const cachedOf = (summary: Summary, at = NOW): CachedSummary => ({ v: POPUP_SUMMARY_VERSION, at, summary });

/** An in-memory storage area, like browser.storage.session. */
function memoryArea() {
  const items = new Map<string, unknown>();
  const area: SummaryArea = {
    get: async (key) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (values) => {
      for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
    },
    remove: async (key) => void items.delete(key),
  };
  return { area, items };
}

/** A promise and its resolve, to hold an answer back. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (err: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('parseCachedSummary', () => {
  const good = cachedOf(makeSummary([makeCase({ unread: 1 })], [makeAlert()]));

  it('accepts what the background stores, including fields added to the protocol later', () => {
    expect(parseCachedSummary(structuredClone(good))).toEqual(good);
    const withExtra = structuredClone(good);
    (withExtra.summary.cases[0] as unknown as Record<string, unknown>).nextCheckAt = 5;
    expect(parseCachedSummary(withExtra)?.summary.cases[0]).toMatchObject({ nextCheckAt: 5 });
  });

  it('refuses anything else', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits reach anywhere into the value
    type Loose = Record<string, any>;
    const bad = (edit: (v: Loose) => void) => {
      const v = structuredClone(good) as unknown as Loose;
      edit(v);
      return parseCachedSummary(v);
    };
    expect(parseCachedSummary(undefined)).toBeNull();
    expect(parseCachedSummary('{}')).toBeNull();
    expect(bad((v) => (v.v = 0))).toBeNull();
    expect(bad((v) => delete v.at)).toBeNull();
    expect(bad((v) => (v.summary.cases[0].caseNumber = 7))).toBeNull();
    expect(bad((v) => (v.summary.cases[0].tags = ['a', { toString: 'x' }]))).toBeNull();
    expect(bad((v) => (v.summary.cases[0].unread = -1))).toBeNull();
    expect(bad((v) => (v.summary.cases[0].extra = { html: '<b>' }))).toBeNull();
    expect(bad((v) => (v.summary.unread[0].kind = 'toString'))).toBeNull();
    expect(bad((v) => (v.summary.unread = null))).toBeNull();
    expect(bad((v) => (v.summary.progress.results = [{ key: 'k' }]))).toBeNull();
    expect(bad((v) => (v.summary.cases = manyCases(POPUP_ROWS + 1)))).toBeNull();
  });

  it('reads nothing when storage fails or holds nothing', async () => {
    expect(await readCachedSummary(undefined)).toBeNull();
    expect(await readCachedSummary(memoryArea().area)).toBeNull();
    const failing: SummaryArea = { get: () => Promise.reject(new Error('no')), set: async () => undefined, remove: async () => undefined };
    expect(await readCachedSummary(failing)).toBeNull();
  });
});

describe('popup with a cached summary', () => {
  it('draws the cached copy at once, then the background answer replaces it', async () => {
    const live = deferred<Summary>();
    const { api, calls } = fakeApi({ getSummary: () => live.promise });
    const cached = cachedOf(makeSummary([makeCase({ caseNumber: '14BA-CV01093', unread: 1 })], [makeAlert({ title: 'Old Alert' })]));
    render(<App api={api} cachedSummary={Promise.resolve(cached)} />);
    expect(await screen.findByText('14BA-CV01093')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Old Alert/ })).toBeTruthy();
    expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('true');

    live.resolve(makeSummary([makeCase({ caseNumber: '22SL-CC00807' })], [makeAlert({ title: 'New Alert' })]));
    expect(await screen.findByText('22SL-CC00807')).toBeTruthy();
    expect(screen.queryByText('14BA-CV01093')).toBeNull();
    expect(screen.queryByRole('button', { name: /Old Alert/ })).toBeNull();
    expect(screen.getByRole('button', { name: /New Alert/ })).toBeTruthy();
    expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false');
    expect(callsOf(calls, 'getSummary')).toEqual([{ limit: POPUP_ROWS }]);
  });

  it('a search typed and erased while on the cached copy still ends on the live answer', async () => {
    const answers = [deferred<Summary>(), deferred<Summary>(), deferred<Summary>()];
    let n = 0;
    const { api } = fakeApi({ getSummary: () => answers[n++]!.promise });
    render(<App api={api} searchDelayMs={1} cachedSummary={Promise.resolve(cachedOf(makeSummary([makeCase({ caseNumber: '14BA-CV01093' })])))} />);
    expect(await screen.findByText('14BA-CV01093')).toBeTruthy();
    const box = screen.getByRole('searchbox');
    fireEvent.input(box, { target: { value: 'a' } });
    await waitFor(() => expect(n).toBe(2));
    fireEvent.input(box, { target: { value: '' } });
    await waitFor(() => expect(n).toBe(3));
    answers[0]!.resolve(makeSummary([makeCase({ caseNumber: 'OLD-FIRST' })]));
    answers[1]!.resolve(makeSummary([makeCase({ caseNumber: 'SEARCH-A' })]));
    answers[2]!.resolve(makeSummary([makeCase({ caseNumber: '22SL-CC00807' })]));
    expect(await screen.findByText('22SL-CC00807')).toBeTruthy();
    expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('false');
  });

  it('never draws a cached copy that arrives after the background answered', async () => {
    const late = deferred<CachedSummary | null>();
    const { api } = fakeApi({ getSummary: () => makeSummary([makeCase({ caseNumber: '22SL-CC00807' })]) });
    render(<App api={api} cachedSummary={late.promise} />);
    expect(await screen.findByText('22SL-CC00807')).toBeTruthy();
    late.resolve(cachedOf(makeSummary([makeCase({ caseNumber: '14BA-CV01093' })])));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByText('14BA-CV01093')).toBeNull();
  });

  it('without a cached copy, waits for the background as before', async () => {
    const { api } = fakeApi({ getSummary: () => makeSummary([makeCase({ caseNumber: '22SL-CC00807' })]) });
    render(<App api={api} cachedSummary={Promise.resolve(null)} />);
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(await screen.findByText('22SL-CC00807')).toBeTruthy();
  });

  it('says the cases shown may be old when the background does not answer', async () => {
    const { api } = fakeApi({
      getSummary: () => {
        throw new Error('The extension background did not answer.');
      },
    });
    render(<App api={api} cachedSummary={Promise.resolve(cachedOf(makeSummary([makeCase({ caseNumber: '14BA-CV01093' })]), Date.now() - 3 * 60_000))} />);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Could not refresh your cases: The extension background did not answer. Showing them as of 3 min ago.');
    expect(screen.getByText('14BA-CV01093')).toBeTruthy();
  });

  it('follows a check the background answer says is running', async () => {
    const running = { running: true, done: 0, total: 2, current: null, results: [] };
    const { api } = fakeApi({
      getSummary: () => ({ ...makeSummary([makeCase()]), progress: running }),
      getProgress: () => ({ running: true, done: 1, total: 2, current: null, results: [] }),
    });
    render(<App api={api} pollMs={5} cachedSummary={Promise.resolve(cachedOf(makeSummary([makeCase()])))} />);
    expect(await screen.findByText('checking 2 of 2')).toBeTruthy();
  });
});

describe('PopupSummaryWriter', () => {
  it('keeps the newest computation, whatever order they finish in', async () => {
    const { area, items } = memoryArea();
    const writer = new PopupSummaryWriter(area, async () => makeSummary([]), () => NOW);
    const older = writer.ticket();
    const newer = writer.ticket();
    await writer.store(makeSummary(manyCases(2)), newer);
    await writer.store(makeSummary(manyCases(1)), older);
    expect(parseCachedSummary(items.get(POPUP_SUMMARY_KEY))?.summary.cases).toHaveLength(2);
  });

  it('removes the copy when the summary cannot be computed', async () => {
    const { area, items } = memoryArea();
    let fail = false;
    const writer = new PopupSummaryWriter(area, async () => {
      if (fail) throw new Error('db closed');
      return makeSummary([]);
    });
    await writer.refresh();
    expect(items.has(POPUP_SUMMARY_KEY)).toBe(true);
    fail = true;
    await writer.refresh();
    expect(items.has(POPUP_SUMMARY_KEY)).toBe(false);
  });

  it('the background stores the popup summary after each database write and with its answer', async () => {
    const ctx = makeCtx();
    const { area, items } = memoryArea();
    const handlers = createHandlers(ctx, { popupCache: area });
    const stored = () => parseCachedSummary(items.get(POPUP_SUMMARY_KEY))?.summary;
    await waitFor(() => expect(stored()?.caseCount).toBe(0));

    await saveCase(ctx, { key: 'CT22|22SL-CC00807', courtId: 'CT22', caseNumber: '22SL-CC00807', caption: 'JANE DOE V ACME CORP', fields: null, source: SOURCE_NEW, docket: null, track: true });
    await waitFor(() => expect(stored()?.cases.map((c) => c.caseNumber)).toEqual(['22SL-CC00807']));
    const answer = await handlers.getSummary({ limit: POPUP_ROWS }, {});
    await waitFor(() => expect(stored()).toEqual(answer));

    // A search is not the popup's first summary: it is never stored.
    items.clear();
    await handlers.getSummary({ limit: POPUP_ROWS, search: 'jane' }, {});
    await new Promise((r) => setTimeout(r, 20));
    expect(items.has(POPUP_SUMMARY_KEY)).toBe(false);
  });
});
