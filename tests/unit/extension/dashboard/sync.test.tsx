import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../../extension/entrypoints/dashboard/App';
import { DEFAULT_SETTINGS as SETTINGS, type AccountState, type SyncState } from '../../../../extension/lib/protocol';
import { callsOf, fakeApi, type FakeHandlers } from '../ui/support/fake-api';
import { makeCase } from '../ui/support/data';

const NOW = Date.now();
const IN: AccountState = { signedIn: true, server: 'http://127.0.0.1:8787', email: 'ann@example.com', notice: null };
const SYNCED: SyncState = { enabled: true, running: false, pending: 0, lastSyncedAt: NOW - 2 * 60_000, lastError: null, merged: 3, pulledAt: NOW - 2 * 60_000 };

function setup(handlers: FakeHandlers) {
  const fake = fakeApi({ getAccount: () => IN, listSessions: () => [], getSettings: () => SETTINGS, listCases: () => [makeCase({ caseNumber: '22SL-CC00807' })], ...handlers });
  render(<App api={fake.api} />);
  return fake;
}

afterEach(cleanup);

describe('sync on the dashboard', () => {
  it('Account view: last sync, changes waiting, the server’s refusal, and Sync now', async () => {
    location.hash = '#account';
    let state: SyncState = { ...SYNCED, pending: 2, lastError: 'Cannot reach the sync server at http://127.0.0.1:8787.' };
    const { calls } = setup({ getSyncState: () => state, syncNow: () => (state = { ...SYNCED, lastSyncedAt: Date.now() }) });
    expect(await screen.findByText('Last synced 2 min ago')).toBeTruthy();
    expect(screen.getByText('2 changes waiting')).toBeTruthy();
    expect(screen.getByText('Added from this browser when you signed in: 3 cases.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Cannot reach the sync server at http://127.0.0.1:8787.');

    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('Last synced just now')).toBeTruthy();
    expect(screen.queryByText('2 changes waiting')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(callsOf(calls, 'syncNow')).toEqual([{}]);
  });

  it('folder view: a compact line, and the list is read again when a sync pulled changes', async () => {
    location.hash = '';
    let state = SYNCED;
    const { calls } = setup({ getSyncState: () => state, syncNow: () => (state = { ...SYNCED, pulledAt: Date.now() }) });
    expect(await screen.findByText('Last synced 2 min ago')).toBeTruthy();
    await waitFor(() => expect(callsOf(calls, 'listCases')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(callsOf(calls, 'listCases')).toHaveLength(2));
  });

  it('shows why this browser was signed out, and nothing while sync was never on', async () => {
    location.hash = '';
    setup({ getSyncState: () => ({ ...SYNCED, enabled: false, lastSyncedAt: null, merged: null, lastError: 'Signed out on this browser; sign in again.' }) });
    expect((await screen.findByRole('alert')).textContent).toBe('Signed out on this browser; sign in again.');
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    cleanup();
    setup({ getSyncState: () => ({ ...SYNCED, enabled: false, lastSyncedAt: null, merged: null }) });
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });
});
