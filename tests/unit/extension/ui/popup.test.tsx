import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../extension/entrypoints/popup/App';
import type { CheckProgress } from '../../../../extension/lib/protocol';
import { callsOf, fakeApi } from './support/fake-api';
import { IDLE, makeAlert, makeCase, makeSummary, manyCases } from './support/data';

afterEach(cleanup);

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
    expect(callsOf(calls, 'getSummary')).toHaveLength(1);
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

  it('search filters by case number, caption, tag and note', async () => {
    const cases = [
      makeCase({ caseNumber: '22SL-CC00807', caption: 'JANE DOE V ACME CORP' }),
      makeCase({ caseNumber: '14BA-CV01093', caption: 'LEIGH BRITT V CURATORS', tags: ['client-smith'] }),
      makeCase({ caseNumber: '1622-FC01709-01', caption: 'IN RE MARRIAGE', note: 'custody hearing prep' }),
    ];
    const { api } = fakeApi({ getSummary: () => makeSummary(cases) });
    render(<App api={api} />);
    const search = await screen.findByRole('searchbox', { name: 'Search cases' });
    const rows = () => within(screen.getByRole('heading', { name: /Your cases/ }).parentElement as HTMLElement).queryAllByRole('listitem');
    expect(rows()).toHaveLength(3);
    for (const [query, expected] of [['14ba', '14BA-CV01093'], ['acme', '22SL-CC00807'], ['client-smith', '14BA-CV01093'], ['custody', '1622-FC01709-01']] as const) {
      fireEvent.input(search, { target: { value: query } });
      expect(rows().map((r) => r.querySelector('.case-number')?.textContent)).toEqual([expected]);
    }
    fireEvent.input(search, { target: { value: 'nothing-like-this' } });
    expect(screen.getByText(/No case matches/)).toBeTruthy();
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
    expect(screen.getByText('last checked 12 min ago — could not read the docket: Case.net is down for maintenance')).toBeTruthy();
  });

  it('says "not checked yet" for a case never checked', async () => {
    const { api } = fakeApi({ getSummary: () => makeSummary([makeCase({ lastCheckedAt: null })]) });
    render(<App api={api} />);
    expect(await screen.findByText('not checked yet')).toBeTruthy();
    expect(screen.getByText('Tracked')).toBeTruthy();
  });

  it('renders 1,000 cases as 100 rows with a note to refine the search', async () => {
    const { api } = fakeApi({ getSummary: () => makeSummary(manyCases(1000)) });
    render(<App api={api} />);
    expect(await screen.findByText('showing 100 of 1,000 — refine the search')).toBeTruthy();
    expect(document.querySelectorAll('.case-row')).toHaveLength(100);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search cases' }), { target: { value: 'CC0099' } });
    expect(document.querySelectorAll('.case-row')).toHaveLength(10);
    expect(screen.queryByText(/refine the search/)).toBeNull();
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
