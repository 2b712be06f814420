import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../extension/entrypoints/dashboard/App';
import type { AccountState, SessionView } from '../../../../extension/lib/protocol';
import { callsOf, fakeApi, type FakeHandlers } from '../ui/support/fake-api';

const S = 'http://127.0.0.1:8787';
const OUT: AccountState = { signedIn: false, server: S, notice: null };
const IN: AccountState = { signedIn: true, server: S, email: 'ann@example.com', notice: null };
const NOW = Date.now();
const SESSIONS: SessionView[] = [
  { id: 's-me', createdAt: NOW - 86_400_000, lastSeenAt: NOW, expiresAt: null, ipAddress: '127.0.0.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0', current: true },
  { id: 's-phone', createdAt: NOW - 5 * 86_400_000, lastSeenAt: NOW - 3 * 3_600_000, expiresAt: null, ipAddress: '10.0.0.2', userAgent: 'Mozilla/5.0 (Android 14) Firefox/131.0', current: false },
];

function setup(handlers: FakeHandlers) {
  const downloads: { text: string; filename: string }[] = [];
  const fake = fakeApi({ listSessions: () => SESSIONS, ...handlers });
  render(<App api={fake.api} download={(text, filename) => downloads.push({ text, filename })} />);
  return { ...fake, downloads };
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
/** The sign-in form, once the account has loaded. */
const signInForm = () => screen.findByRole('button', { name: 'Sign in' });

beforeEach(() => {
  location.hash = '#account';
});
afterEach(cleanup);

describe('account page: signed out', () => {
  it('creates an account: the password rule is checked as typed and on submit, then "check your email"', async () => {
    const { calls } = setup({ getAccount: () => OUT, signUp: (d) => ({ email: d.email }), resendVerification: (d) => ({ email: d.email }) });
    fireEvent.click(await screen.findByRole('tab', { name: 'Create account' }));
    type('Email', 'ann@example.com');
    type('Password', 'weakpass');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Password needs an upper-case letter, a digit.')).toBeTruthy();
    click('Create account');
    expect((await screen.findByRole('alert')).textContent).toBe('Password needs an upper-case letter, a digit.');

    type('Password', 'Weakpass1');
    expect(screen.getByText('The password meets the rules.')).toBeTruthy();
    type('Confirm password', 'Weakpass2');
    click('Create account');
    expect((await screen.findByRole('alert')).textContent).toBe('The two passwords do not match.');
    expect(callsOf(calls, 'signUp')).toEqual([]);

    type('Confirm password', 'Weakpass1');
    click('Create account');
    expect(await screen.findByRole('heading', { name: 'Check your email to verify your address' })).toBeTruthy();
    expect(callsOf(calls, 'signUp')).toEqual([{ email: 'ann@example.com', password: 'Weakpass1' }]);
    // Back on "Sign in" with the email kept.
    expect(screen.getByRole('tab', { name: 'Sign in' }).getAttribute('aria-selected')).toBe('true');
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ann@example.com');

    click('Send the link again');
    await screen.findByText('Sent a new link to ann@example.com.');
    expect(callsOf(calls, 'resendVerification')).toEqual([{ email: 'ann@example.com' }]);
  });

  it('shows the server refusing a sign-up', async () => {
    setup({
      getAccount: () => OUT,
      signUp: () => {
        throw new Error('An account with this email already exists.');
      },
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Create account' }));
    type('Email', 'ann@example.com');
    type('Password', 'Secret123');
    type('Confirm password', 'Secret123');
    click('Create account');
    expect((await screen.findByRole('alert')).textContent).toBe('An account with this email already exists.');
  });

  it('signs in through the emailed device code', async () => {
    const { calls } = setup({
      getAccount: () => OUT,
      signIn: (d) => ({ status: 'deviceCode', email: d.email, challengeId: 'ch-1', message: 'We emailed a 6-digit code to ann@example.com.' }),
      verifyDevice: () => IN,
    });
    await signInForm();
    type('Email', ' ann@example.com ');
    type('Password', 'Secret123');
    click('Sign in');
    const code = await screen.findByLabelText('Code from your email');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(screen.getByText('We emailed a 6-digit code to ann@example.com.')).toBeTruthy();
    expect(callsOf(calls, 'signIn')).toEqual([{ email: 'ann@example.com', password: 'Secret123' }]);

    type('Code from your email', '12');
    click('Verify');
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the 6-digit code from the email.');
    type('Code from your email', '123 456');
    click('Verify');
    expect(await screen.findByText('ann@example.com')).toBeTruthy();
    expect(callsOf(calls, 'verifyDevice')).toEqual([{ challengeId: 'ch-1', code: '123456' }]);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('shows a wrong code and lets the user start over', async () => {
    setup({
      getAccount: () => OUT,
      signIn: (d) => ({ status: 'deviceCode', email: d.email, challengeId: 'ch-1', message: 'Code sent.' }),
      verifyDevice: () => {
        throw new Error('That code is wrong; 2 attempts left.');
      },
    });
    await signInForm();
    type('Email', 'ann@example.com');
    type('Password', 'Secret123');
    click('Sign in');
    await screen.findByLabelText('Code from your email');
    type('Code from your email', '654321');
    click('Verify');
    expect((await screen.findByRole('alert')).textContent).toBe('That code is wrong; 2 attempts left.');
    click('Start over');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('asks for a verified address first, and shows a refused sign-in', async () => {
    let unverified = true;
    setup({
      getAccount: () => OUT,
      signIn: (d) => {
        if (unverified) return { status: 'verifyEmail', email: d.email, message: 'Verify your email first; we sent a new link.' };
        throw new Error('Wrong email or password.');
      },
    });
    await signInForm();
    type('Email', 'ann@example.com');
    type('Password', 'Secret123');
    click('Sign in');
    expect(await screen.findByRole('heading', { name: 'Check your email to verify your address' })).toBeTruthy();
    expect(screen.getByText('Verify your email first; we sent a new link.')).toBeTruthy();
    unverified = false;
    click('Sign in');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
  });

  it('checks the form before sending it', async () => {
    const { calls } = setup({ getAccount: () => OUT });
    fireEvent.click(await signInForm());
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your email address, like name@example.com.');
    type('Email', 'ann@example.com');
    click('Sign in');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Enter your password.'));
    expect(callsOf(calls, 'signIn')).toEqual([]);
  });

  it('asks for a password-reset link', async () => {
    const { calls } = setup({ getAccount: () => OUT, forgotPassword: (d) => ({ email: d.email }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Forgot password?' }));
    type('Email', 'ann@example.com');
    click('Send reset link');
    await screen.findByText(/If ann@example.com has an account, a link to set a new password is on its way/);
    expect(callsOf(calls, 'forgotPassword')).toEqual([{ email: 'ann@example.com' }]);
    click('Back to sign in');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('says when this browser was signed out by the server', async () => {
    setup({ getAccount: () => ({ ...OUT, notice: 'Signed out on this browser; sign in again.' }) });
    expect(await screen.findByText('Signed out on this browser; sign in again.')).toBeTruthy();
    expect(screen.getByText(/Sync server: http:\/\/127\.0\.0\.1:8787/)).toBeTruthy();
  });
});

describe('account page: signed in', () => {
  it('shows the email, the devices with this browser marked, and the notifications placeholder', async () => {
    setup({ getAccount: () => IN });
    expect(await screen.findByText('ann@example.com')).toBeTruthy();
    const rows = within(await screen.findByRole('table')).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('Chrome on Linux (this browser)');
    expect(within(rows[1]!).queryByRole('button', { name: 'Revoke' })).toBeNull();
    expect(rows[2]?.textContent).toContain('Firefox on Android');
    expect(rows[2]?.textContent).toContain('3 h ago');
    expect(screen.getByText('Email, SMS and call alerts arrive with a later update.')).toBeTruthy();
  });

  it('revokes another device and reloads the list', async () => {
    let sessions = SESSIONS;
    const { calls } = setup({
      getAccount: () => IN,
      listSessions: () => sessions,
      revokeSession: (d) => {
        sessions = sessions.filter((s) => s.id !== d.id);
        return { revoked: true };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    await screen.findByText('Signed out Firefox on Android.');
    expect(callsOf(calls, 'revokeSession')).toEqual([{ id: 's-phone' }]);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
  });

  it('changes the password after checking the new one', async () => {
    const { calls } = setup({ getAccount: () => IN, changePassword: () => ({ changed: true }) });
    await screen.findByText('ann@example.com');
    type('Current password', 'Secret123');
    type('New password', 'short');
    click('Change password');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Password needs at least 8 characters/);
    type('New password', 'Secret456');
    type('Confirm new password', 'Secret456');
    click('Change password');
    await screen.findByText('Password changed. Every other device was signed out.');
    expect(callsOf(calls, 'changePassword')).toEqual([{ currentPassword: 'Secret123', newPassword: 'Secret456' }]);
    await waitFor(() => expect(callsOf(calls, 'listSessions')).toHaveLength(2));
  });

  it('downloads the account data', async () => {
    const { downloads } = setup({ getAccount: () => IN, exportAccount: () => ({ json: '{"user":{}}', filename: 'docket-watch-account-2025-05-20.json' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Download my data' }));
    await screen.findByText('Saved your account data to docket-watch-account-2025-05-20.json.');
    expect(downloads).toEqual([{ text: '{"user":{}}', filename: 'docket-watch-account-2025-05-20.json' }]);
  });

  it('deletes the account only with the password, then shows sign-in', async () => {
    const { calls } = setup({
      getAccount: () => IN,
      deleteAccount: () => ({ ...OUT, notice: 'Your account was deleted. The case folder in this browser stays.' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete account' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your password to delete the account.');
    type('Password', 'Secret123');
    click('Delete account');
    expect(await screen.findByText('Your account was deleted. The case folder in this browser stays.')).toBeTruthy();
    expect(callsOf(calls, 'deleteAccount')).toEqual([{ password: 'Secret123' }]);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('signs out', async () => {
    setup({ getAccount: () => IN, signOut: () => OUT });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('goes back to sign-in, saying why, when the server revoked this browser', async () => {
    let account: AccountState = IN;
    setup({
      getAccount: () => account,
      exportAccount: () => {
        account = OUT;
        throw new Error('Signed out on this browser; sign in again.');
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Download my data' }));
    expect(await screen.findByText('Signed out on this browser; sign in again.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('stays signed in when the server is unreachable, saying so', async () => {
    setup({ getAccount: () => ({ ...IN, notice: `Cannot reach the sync server at ${S}.` }) });
    expect(await screen.findByText(`Cannot reach the sync server at ${S}.`)).toBeTruthy();
    expect(screen.getByText('ann@example.com')).toBeTruthy();
  });
});
