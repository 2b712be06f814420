import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../extension/entrypoints/popup/App';
import type { CheckProgress } from '../../../../extension/lib/protocol';
import { callsOf, fakeApi } from './support/fake-api';
import { folderSummary, IDLE, makeAlert, makeCase, makeSummary, manyCases } from './support/data';

afterEach(cleanup);

/** Matches the note paragraph by its whole text (it holds a dashboard link). */
const note = (text: string) => (_: string, el: Element | null) => el?.classList.contains('note') === true && el.textContent === text;

describe('popup', () => {
  it('shows Loading… until the summary arrives, then unread alerts before the folder', async () => {
    const summary = makeSummary([makeCase({ unread: 1 })], [makeAlert()]);
    const { api, calls } = fakeApi({ getSummary: () => summary });
    render(<App api={api} />);
    expect(screen.getByText('Loading…')).toBeTruthy();

    const alertsHeading = await screen.findByRole('heading', { name: /Unread alerts/ });
    const folderHeading = screen.getByRole('heading', { name: /Your cases/ });
    expect(alertsHeading.compareDocumentPosition(folderHeading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const alert = screen.getByRole('button', { name: /Motion to Dismiss Filed/ });
    expect(alert.textContent).toContain('New');
    expect(alert.textContent).toContain('22SL-CC00807');
    expect(alert.textContent).toContain('JANE DOE V ACME CORP');
    expect(alert.textContent).toContain('May 19, 2025');
    expect(callsOf(calls, 'getSummary')).toEqual([{ limit: 100 }]);
    expect(screen.getByRole('link', { name: 'Open dashboard' }).getAttribute('href')).toBe('/dashboard.html');
  });

  it('shows the summary asked for at startup without asking again', async () => {
    const { api, calls } = fakeApi({ getSummary: () => makeSummary([]) });
    render(<App api={api} firstSummary={Promise.resolve(makeSummary([makeCase({ caseNumber: '14BA-CV01093' })]))} />);
    expect(await screen.findByText('14BA-CV01093')).toBeTruthy();
    expect(callsOf(calls, 'getSummary')).toHaveLength(0);
  });

  it('clicking an alert calls openAlert and removes it from the list', async () => {
    const alerts = [makeAlert({ id: 'a1' }), makeAlert({ id: 'a2', kind: 'changed', title: 'Order Entered' })];
    const { api, calls } = fakeApi({ getSummary: () => makeSummary([makeCase({ unread: 2 })], alerts), openAlert: () => ({ url: null }) });
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: /Motion to Dismiss Filed/ }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /Motion to Dismiss Filed/ })).toBeNull());
    expect(callsOf(calls, 'openAlert')).toEqual([{ id: 'a1' }]);
    expect(screen.getByRole('button', { name: /Changed.*Order Entered/ })).toBeTruthy();
    expect(screen.getByText('1 unread')).toBeTruthy();
  });

  it('"Mark all read" clears the alerts', async () => {
    const { api, calls } = fakeApi({ getSummary: () => makeSummary([makeCase({ unread: 1 })], [makeAlert()]), markAllRead: () => ({ marked: 1 }) });
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: /Unread alerts/ })).toBeNull());
    expect(callsOf(calls, 'markAllRead')).toEqual([{}]);
    expect(screen.queryByText('1 unread')).toBeNull();
  });

  it('search asks the background and filters by case number, caption, tag and note', async () => {
    const cases = [
      makeCase({ caseNumber: '22SL-CC00807', caption: 'JANE DOE V ACME CORP' }),
      makeCase({ caseNumber: '14BA-CV01093', caption: 'LEIGH BRITT V CURATORS', tags: ['client-smith'] }),
      makeCase({ caseNumber: '1622-FC01709-01', caption: 'IN RE MARRIAGE', note: 'custody hearing prep' }),
    ];
    const { api, calls } = fakeApi({ getSummary: folderSummary(cases) });
    render(<App api={api} searchDelayMs={0} />);
    const search = await screen.findByRole('searchbox', { name: 'Search cases' });
    const rows = () => within(screen.getByRole('heading', { name: /Your cases/ }).parentElement as HTMLElement).queryAllByRole('listitem');
    const shown = () => rows().map((r) => r.querySelector('.case-number')?.textContent);
    expect(rows()).toHaveLength(3);
    for (const [query, expected] of [['14ba', '14BA-CV01093'], ['acme', '22SL-CC00807'], ['client-smith', '14BA-CV01093'], ['custody', '1622-FC01709-01']] as const) {
      fireEvent.input(search, { target: { value: query } });
      await waitFor(() => expect(callsOf(calls, 'getSummary').at(-1)).toEqual({ search: query, limit: 100 }));
      await waitFor(() => expect(shown()).toEqual([expected]));
    }
    fireEvent.input(search, { target: { value: 'nothing-like-this' } });
    expect(await screen.findByText(/No case matches/)).toBeTruthy();
    fireEvent.input(search, { target: { value: '' } });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByText(/No case matches/)).toBeNull();
  });

  it('explains how to add cases when the folder is empty', async () => {
    const { api } = fakeApi({ getSummary: () => makeSummary([]) });
    render(<App api={api} />);
    expect(await screen.findByText('Your folder is empty.')).toBeTruthy();
    expect(screen.getByText(/Open a case on Case.net and press/).textContent).toMatch(/Track.*Save/);
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('shows one case with its badge and status line, including the last error', async () => {
    const { api } = fakeApi({
      getSummary: () => makeSummary([makeCase({ tracked: false, lastCheckedAt: Date.now() - 12.5 * 60_000, lastError: 'Case.net is down for maintenance' })]),
    });
    render(<App api={api} />);
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(screen.getByText('Checked 12 min ago by this browser — could not read the docket: Case.net is down for maintenance')).toBeTruthy();
  });

  it('says "Not checked yet" for a case never checked', async () => {
    const { api } = fakeApi({ getSummary: () => makeSummary([makeCase({ lastCheckedAt: null })]) });
    render(<App api={api} />);
    expect(await screen.findByText('Not checked yet')).toBeTruthy();
    expect(screen.getByText('Tracked')).toBeTruthy();
  });

  it('asks for 100 of 1,000 cases, says "showing 100 of 1,000", and searches all of them in the background', async () => {
    const { api, calls } = fakeApi({ getSummary: folderSummary(manyCases(1000)) });
    render(<App api={api} searchDelayMs={0} />);
    const line = await screen.findByText(note('showing 100 of 1,000 — open the dashboard for all'));
    expect(line.querySelector('a')?.getAttribute('href')).toBe('/dashboard.html');
    expect(screen.getByRole('heading', { name: 'Your cases (1,000)' })).toBeTruthy();
    expect(document.querySelectorAll('.case-row')).toHaveLength(100);
    // CC0099x are beyond the 100 the popup holds: only the background can find them.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search cases' }), { target: { value: 'CC0099' } });
    await waitFor(() => expect(document.querySelectorAll('.case-row')).toHaveLength(10));
    expect(callsOf(calls, 'getSummary')).toEqual([{ limit: 100 }, { search: 'CC0099', limit: 100 }]);
    expect(screen.queryByText(/showing/)).toBeNull();
    expect(screen.queryByText(/No case matches/)).toBeNull();
  });

  it('says when a search has more matches than it shows', async () => {
    const { api } = fakeApi({ getSummary: folderSummary(manyCases(1000)) });
    render(<App api={api} searchDelayMs={0} />);
    fireEvent.input(await screen.findByRole('searchbox', { name: 'Search cases' }), { target: { value: '24sl' } });
    expect(await screen.findByText(note('showing the first 100 matches — refine the search or open the dashboard for all'))).toBeTruthy();
    expect(document.querySelectorAll('.case-row')).toHaveLength(100);
  });

  it('shows no "showing" line when every case fits', async () => {
    const { api } = fakeApi({ getSummary: folderSummary(manyCases(100)) });
    render(<App api={api} />);
    expect(await screen.findByRole('heading', { name: 'Your cases (100)' })).toBeTruthy();
    expect(document.querySelectorAll('.case-row')).toHaveLength(100);
    expect(screen.queryByText(/showing/)).toBeNull();
  });

  it('drops a slow answer to a search the user has since cleared', async () => {
    const cases = manyCases(3);
    let release: () => void = () => undefined;
    const { api, calls } = fakeApi({
      getSummary: async (data) => {
        if (data.search) await new Promise<void>((r) => (release = r));
        return folderSummary(cases)(data);
      },
    });
    render(<App api={api} searchDelayMs={0} />);
    const search = await screen.findByRole('searchbox', { name: 'Search cases' });
    fireEvent.input(search, { target: { value: 'CC00001' } });
    await waitFor(() => expect(callsOf(calls, 'getSummary')).toHaveLength(2));
    fireEvent.input(search, { target: { value: '' } });
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(document.querySelectorAll('.case-row')).toHaveLength(3);
  });

  it('shows the error when the summary cannot be loaded', async () => {
    const { api } = fakeApi({
      getSummary: () => {
        throw new Error('The extension background did not answer. Reload the extension and try again.');
      },
    });
    render(<App api={api} />);
    expect((await screen.findByRole('alert')).textContent).toContain('The extension background did not answer');
  });

  it('"Check now" shows progress while running, then the result per case, then refreshes', async () => {
    const a = makeCase({ caseNumber: '22SL-CC00807' });
    const b = makeCase({ caseNumber: '14BA-CV01093', courtId: 'CT13' });
    const steps: CheckProgress[] = [
      { running: true, done: 1, total: 2, current: b.key, results: [{ key: a.key, ok: true, message: 'ok' }] },
      {
        running: false,
        done: 2,
        total: 2,
        current: null,
        results: [
          { key: a.key, ok: true, message: 'ok' },
          { key: b.key, ok: false, message: 'Case.net answered "no case found".' },
        ],
      },
    ];
    const { api, calls } = fakeApi({
      getSummary: () => makeSummary([a, b]),
      checkNow: () => ({ running: true, done: 0, total: 2, current: a.key, results: [] }),
      getProgress: () => steps.shift() ?? IDLE,
    });
    render(<App api={api} pollMs={5} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Check now' }));
    const status = await screen.findByText('checking 1 of 2');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('button', { name: 'Check now' }).hasAttribute('disabled')).toBe(true);
    await screen.findByText('checking 2 of 2');
    await screen.findByText('Checked 2 cases: 1 ok, 1 could not be read.');
    const results = screen.getByRole('list', { name: 'Check results' });
    expect(results.textContent).toContain('14BA-CV01093: Case.net answered "no case found".');
    expect(results.textContent).toContain('22SL-CC00807: ok');
    await waitFor(() => expect(callsOf(calls, 'getSummary')).toHaveLength(2));
    expect(callsOf(calls, 'checkNow')).toEqual([{}]);
  });
});
