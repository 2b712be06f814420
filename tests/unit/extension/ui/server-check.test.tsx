import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../extension/entrypoints/dashboard/App';
import type { CaseSummary, SyncState } from '../../../../extension/lib/protocol';
import { RequestError } from '../../../../extension/lib/send';
import { StatusLine } from '../../../../extension/lib/ui/StatusLine';
import { callsOf, fakeApi, type FakeHandlers } from './support/fake-api';
import { makeCase, makeDetail, NOW } from './support/data';

const SYNC_ON: SyncState = { enabled: true, running: false, pending: 0, lastSyncedAt: null, lastError: null, merged: null, pulledAt: null };

/** The dashboard on one case; `signedIn`: sync is on. */
function openCase(c: CaseSummary, signedIn: boolean, more: FakeHandlers = {}) {
  const fake = fakeApi({
    getCase: () => makeDetail(c),
    getSyncState: () => ({ ...SYNC_ON, enabled: signedIn }),
    listCases: () => [],
    ...more,
  });
  location.hash = `#case=${encodeURIComponent(c.key)}`;
  render(<App api={fake.api} />);
  return fake;
}

beforeEach(() => {
  location.hash = '';
});
afterEach(cleanup);

describe('status line: who checked last', () => {
  it('says "by this browser" or "by the server", with the error in plain words', () => {
    render(<StatusLine c={{ lastCheckedAt: NOW - 3 * 60_000, lastCheckedBy: 'browser', lastError: null }} now={NOW} />);
    render(<StatusLine c={{ lastCheckedAt: NOW - 5 * 60_000, lastCheckedBy: 'server', lastError: 'could not read the docket: Case.net is down for maintenance' }} now={NOW} />);
    expect(screen.getByText('Checked 3 min ago by this browser').className).toBe('status-line');
    expect(screen.getByText('Checked 5 min ago by the server — could not read the docket: Case.net is down for maintenance').className).toContain('status-line--error');
  });
});

describe('dashboard "Check on server now"', () => {
  it('is offered for a tracked case while signed in, and shows what the server found', async () => {
    const c = makeCase({ tracked: true });
    const checked = { ...c, lastCheckedAt: Date.now(), lastCheckedBy: 'server' as const, lastError: null };
    const { calls } = openCase(c, true, { checkOnServer: () => ({ ok: true, message: 'No new docket entries.', summary: checked }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Check on server now' }));
    expect(await screen.findByText('The server checked this case: No new docket entries.')).toBeTruthy();
    expect(callsOf(calls, 'checkOnServer')).toEqual([{ key: c.key }]);
    expect(screen.getByText('Checked just now by the server')).toBeTruthy();
  });

  it('shows the refusal in plain words (rate limit, a server that does not watch Case.net)', async () => {
    let answer = 'Too many checks; try again in 42 s.';
    openCase(makeCase({ tracked: true }), true, {
      checkOnServer: () => {
        throw new RequestError(answer);
      },
    });
    const button = await screen.findByRole('button', { name: 'Check on server now' });
    fireEvent.click(button);
    expect(await screen.findByText('Too many checks; try again in 42 s.')).toBeTruthy();
    answer = 'This server does not watch Case.net (CASENET_BASE_URL is not set); your browser still checks your cases.';
    fireEvent.click(button);
    expect(await screen.findByText(/This server does not watch Case.net/)).toBeTruthy();
  });

  it('is not offered when signed out, or for a case that is only saved', async () => {
    openCase(makeCase({ tracked: true }), false);
    await screen.findByRole('heading', { name: 'JANE DOE V ACME CORP', level: 2 });
    expect(screen.queryByRole('button', { name: 'Check on server now' })).toBeNull();
    cleanup();
    openCase(makeCase({ tracked: false }), true);
    await screen.findByRole('button', { name: 'Track' });
    expect(screen.queryByRole('button', { name: 'Check on server now' })).toBeNull();
  });
});
