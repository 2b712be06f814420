import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../extension/entrypoints/dashboard/App';
import { applyFilter, NO_FILTER } from '../../../../extension/entrypoints/dashboard/filter';
import type { Settings } from '../../../../extension/lib/protocol';
import { fakeApi } from './support/fake-api';
import { makeCase } from './support/data';

const SETTINGS: Settings = { refreshMinutes: 30, windowStartHour: 6, windowEndHour: 22, notifications: true, serverUrl: 'http://127.0.0.1:8787' };

const CASES = [
  makeCase({ caseNumber: '22SL-CC00807', courtId: 'CT22', caption: 'JANE DOE V ACME CORP', tracked: true, unread: 2, tags: ['client-a'], lastEntry: { date: '2025-05-01', title: 'Answer Filed' } }),
  makeCase({ caseNumber: '14BA-CV01093', courtId: 'CT13', caption: 'LEIGH BRITT V CURATORS', tracked: false, tags: ['client-b'], note: 'deposition schedule', fields: { Location: 'Boone' }, lastEntry: { date: '2015-03-04', title: 'Notice to Take Deposition' } }),
  makeCase({ caseNumber: '20SL-CC00001', courtId: 'CT22', caption: 'SMITH V JONES', tracked: true, tags: ['client-a', 'urgent'], lastEntry: { date: '2025-05-10', title: 'Order Entered' }, lastError: 'Case.net is down for maintenance' }),
];

function setup() {
  const fake = fakeApi({ listCases: () => CASES, getSettings: () => SETTINGS });
  render(<App api={fake.api} />);
  return fake;
}

/** Case numbers of the table rows, in order. */
function rowNumbers(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[2]?.textContent ?? '');
}

beforeEach(() => {
  location.hash = '';
});
afterEach(cleanup);

describe('dashboard folder', () => {
  it('lists every case with caption, court, number, last entry, last checked, unread and tags', async () => {
    setup();
    await screen.findByRole('table');
    expect(rowNumbers()).toEqual(['20SL-CC00001', '22SL-CC00807', '14BA-CV01093']);
    const row = screen.getByRole('link', { name: 'LEIGH BRITT V CURATORS' }).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('CT13 (Boone)');
    expect(row.textContent).toContain('Mar 4, 2015');
    expect(row.textContent).toContain('Notice to Take Deposition');
    expect(row.textContent).toContain('Saved');
    expect(screen.getByText(/could not read the docket: Case.net is down for maintenance/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'JANE DOE V ACME CORP' }).getAttribute('href')).toBe('#case=CT22%7C22SL-CC00807');
  });

  it('filters by Tracked / Saved only / Has unread, court and tag', async () => {
    setup();
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Tracked' }));
    expect(rowNumbers()).toEqual(['20SL-CC00001', '22SL-CC00807']);
    fireEvent.click(screen.getByRole('button', { name: 'Saved only' }));
    expect(rowNumbers()).toEqual(['14BA-CV01093']);
    fireEvent.click(screen.getByRole('button', { name: 'Has unread' }));
    expect(rowNumbers()).toEqual(['22SL-CC00807']);
    fireEvent.click(screen.getByRole('button', { name: 'All' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Court' }), { target: { value: 'CT13' } });
    expect(rowNumbers()).toEqual(['14BA-CV01093']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Court' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'urgent' } });
    expect(rowNumbers()).toEqual(['20SL-CC00001']);
    expect(screen.getByText('1 case match.')).toBeTruthy();
  });

  it('searches number, caption, note and tags, and sorts by case number', async () => {
    setup();
    await screen.findByRole('table');
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.input(search, { target: { value: 'deposition' } });
    expect(rowNumbers()).toEqual(['14BA-CV01093']);
    fireEvent.input(search, { target: { value: 'client-a' } });
    expect(rowNumbers()).toEqual(['20SL-CC00001', '22SL-CC00807']);
    fireEvent.input(search, { target: { value: 'smith jones' } });
    expect(rowNumbers()).toEqual(['20SL-CC00001']);
    fireEvent.input(search, { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'caseNumber' } });
    expect(rowNumbers()).toEqual(['14BA-CV01093', '20SL-CC00001', '22SL-CC00807']);
  });

  it('explains an empty folder', async () => {
    const { api } = fakeApi({ listCases: () => [], getSettings: () => SETTINGS });
    render(<App api={api} />);
    expect(await screen.findByText('Your folder is empty.')).toBeTruthy();
  });

  it('shows the eFiling link and links to the account page', async () => {
    setup();
    expect(screen.getByRole('link', { name: 'Case.net eFiling' }).getAttribute('href')).toBe('https://www.courts.mo.gov/ebiz/');
    expect(screen.getByRole('link', { name: 'Account' }).getAttribute('href')).toBe('#account');
    expect(screen.getByRole('link', { name: 'Your cases' }).getAttribute('aria-current')).toBe('page');
  });

  it('sorts cases without entries last when sorting by last entry', () => {
    const none = makeCase({ caseNumber: '00XX-AA00000', lastEntry: null });
    expect(applyFilter([none, ...CASES], NO_FILTER).at(-1)?.caseNumber).toBe('00XX-AA00000');
  });
});
