import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../extension/entrypoints/dashboard/App';
import type { CaseDetail, CaseSummary } from '../../../../extension/lib/protocol';
import { callsOf, fakeApi } from './support/fake-api';
import { makeAlert, makeCase, makeDetail } from './support/data';

const CASE = makeCase({
  note: 'call client',
  tags: ['client-a'],
  unread: 1,
  fields: { 'Judge/Commissioner Assigned': 'SCHEIBE, RICHARD L', 'Date Filed': '03/28/2024', 'Case Type': 'Breach of Contract' },
});

/** A fake background holding one case; updates change it like the real one would. */
function setup(detail: CaseDetail = makeDetail(CASE, { alerts: [makeAlert()] })) {
  let summary: CaseSummary = detail.summary;
  const fake = fakeApi({
    getCase: () => ({ ...detail, summary }),
    updateCase: (d) => (summary = { ...summary, ...(d.note !== undefined && { note: d.note }), ...(d.tags && { tags: d.tags }) }),
    setTracked: (d) => (summary = { ...summary, tracked: d.tracked }),
    removeCase: () => ({ removed: true }),
    markAllRead: () => ({ marked: 1 }),
    listCases: () => [],
    getSettings: () => ({ refreshMinutes: 30, windowStartHour: 6, windowEndHour: 22, notifications: true, serverUrl: 'http://127.0.0.1:8787' }),
  });
  location.hash = `#case=${encodeURIComponent(detail.summary.key)}`;
  render(<App api={fake.api} />);
  return fake;
}

beforeEach(() => {
  location.hash = '';
});
afterEach(cleanup);

describe('dashboard case detail', () => {
  it('opens from #case=<key> and shows header fields, hearings and the docket newest first', async () => {
    const { calls } = setup();
    await screen.findByRole('heading', { name: 'JANE DOE V ACME CORP', level: 2 });
    expect(callsOf(calls, 'getCase')).toEqual([{ key: 'CT22|22SL-CC00807' }]);
    expect(screen.getByText('SCHEIBE, RICHARD L')).toBeTruthy();
    expect(screen.getByText('Breach of Contract')).toBeTruthy();

    const hearings = screen.getByRole('heading', { name: 'Upcoming hearings' }).parentElement as HTMLElement;
    expect(hearings.textContent).toContain('06/15/2025, 9:00 AM, Division 3');

    const docket = screen.getByRole('heading', { name: /Docket \(3 entries/ }).parentElement as HTMLElement;
    const entries = within(docket).getAllByRole('listitem');
    expect(entries.map((e) => e.querySelector('.entry__title')?.textContent)).toEqual(['Motion to Dismiss Filed', 'Hearing Scheduled', 'Petition Filed']);
    expect(entries[0]?.textContent).toContain('May 19, 2025');
    expect(entries[0]?.textContent).toContain('Defendant moves to dismiss; memorandum attached.');
    expect(entries[0]?.textContent).toContain('Filed byJOHN SMITH');
    expect(entries[0]?.textContent).toContain('On behalf ofACME CORP');
    expect(entries[0]?.textContent).toContain('New since you last looked');
    expect(entries[1]?.textContent).toContain('Scheduled for06/15/2025, 9:00 AM, Division 3');
    expect(entries[1]?.textContent).not.toContain('since you last looked');
    expect(screen.getByRole('link', { name: 'Open on Case.net' }).getAttribute('href')).toBe(CASE.url);
  });

  it('lists unread removed entries and hides a non-Case.net link', async () => {
    setup(makeDetail({ ...CASE, url: 'javascript:alert(1)' }, { alerts: [makeAlert({ id: 'r', kind: 'removed', title: 'Old Hearing', date: '2025-01-02' })] }));
    expect(await screen.findByText('Removed from the docket since you last looked')).toBeTruthy();
    expect(screen.getByText('Jan 2, 2025 — Old Hearing')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Open on Case.net' })).toBeNull();
  });

  it('saves the note with updateCase', async () => {
    const { calls } = setup();
    const note = (await screen.findByRole('textbox', { name: 'Note' })) as HTMLTextAreaElement;
    expect(note.value).toBe('call client');
    fireEvent.input(note, { target: { value: 'call client on Monday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText('Note saved.');
    expect(callsOf(calls, 'updateCase')).toEqual([{ key: CASE.key, note: 'call client on Monday' }]);
  });

  it('adds and removes tags', async () => {
    const { calls } = setup();
    const input = await screen.findByRole('textbox', { name: 'Add tag' });
    fireEvent.input(input, { target: { value: '  urgent  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByRole('button', { name: 'Remove tag urgent' });
    expect(callsOf(calls, 'updateCase').at(-1)).toEqual({ key: CASE.key, tags: ['client-a', 'urgent'] });

    fireEvent.input(input, { target: { value: 'URGENT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('“URGENT” is already a tag of this case.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove tag client-a' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove tag client-a' })).toBeNull());
    expect(callsOf(calls, 'updateCase').at(-1)).toEqual({ key: CASE.key, tags: ['urgent'] });
  });

  it('stops and restarts tracking', async () => {
    const { calls } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Stop tracking' }));
    await screen.findByRole('button', { name: 'Track' });
    expect(screen.getByText('Tracking stopped; the case stays saved.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Track' }));
    await screen.findByRole('button', { name: 'Stop tracking' });
    expect(callsOf(calls, 'setTracked')).toEqual([
      { key: CASE.key, tracked: false },
      { key: CASE.key, tracked: true },
    ]);
  });

  it('marks the case read', async () => {
    const { calls } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Mark read' }));
    await screen.findByText('Marked 1 alert read.');
    expect(callsOf(calls, 'markAllRead')).toEqual([{ caseKey: CASE.key }]);
  });

  it('removes a case only after confirming, then returns to the folder', async () => {
    const { calls } = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove 22SL-CC00807?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(callsOf(calls, 'removeCase')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove case' }));
    await screen.findByText('Removed 22SL-CC00807 from your folder.');
    expect(callsOf(calls, 'removeCase')).toEqual([{ key: CASE.key }]);
    await screen.findByText('Your folder is empty.');
  });

  it('shows why a case cannot be opened', async () => {
    const { api } = fakeApi({
      getCase: () => {
        throw new Error('No such case in your folder.');
      },
    });
    location.hash = '#case=CT01%7CNOPE';
    render(<App api={api} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not open this case: No such case in your folder.');
  });
});
