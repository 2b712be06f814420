import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../../extension/entrypoints/dashboard/App';
import { DEFAULT_PREFS, type NotificationPage, type NotificationView, type PrefsView } from '../../../../shared/api/prefs';
import type { AccountState } from '../../../../extension/lib/protocol';
import { callsOf, fakeApi, type FakeHandlers } from '../ui/support/fake-api';
import { makeCase } from '../ui/support/data';

const S = 'http://127.0.0.1:8787';
const IN: AccountState = { signedIn: true, server: S, email: 'ann@example.com', notice: null };
const OUT: AccountState = { signedIn: false, server: S, notice: null };
const KEY = 'CT22|22SL-CC00807';

const view = (over: Partial<PrefsView> = {}): PrefsView => ({
  ...structuredClone(DEFAULT_PREFS),
  timeZone: 'America/New_York',
  cases: { 'CT12|171155061': 'mute' },
  phone: { number: null, pending: null },
  available: { email: true, sms: true, call: true, browser: true },
  ...over,
});

const ENTRY = { date: '2026-11-20', title: 'Motion to Compel Filed', text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null };
function alert(id: string, over: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    caseKey: KEY,
    caseNumber: '22SL-CC00807',
    caption: 'JANE DOE V ACME HOLDINGS LLC',
    kind: 'new',
    origin: 'server',
    entry: ENTRY,
    previous: null,
    createdAt: '2026-11-20T15:00:00.000Z',
    deliveries: [],
    ...over,
  };
}

function setup(handlers: FakeHandlers) {
  const fake = fakeApi({ getAccount: () => IN, getNotifications: () => ({ notifications: [], nextBefore: null }), ...handlers });
  render(<App api={fake.api} />);
  return fake;
}

const settingsForm = () => screen.findByRole('form', { name: 'Settings' });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save notification settings' }));
const pick = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

beforeEach(() => {
  location.hash = '#notifications';
});
afterEach(cleanup);

describe('notifications view', () => {
  it('signed out: says why and links to the Account view', async () => {
    setup({ getAccount: () => OUT });
    const link = await screen.findByRole('link', { name: 'sign in on the Account page' });
    expect(link.getAttribute('href')).toBe('#account');
    expect(screen.queryByRole('form', { name: 'Settings' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Notifications' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows the settings, with a channel the server cannot send on disabled and the reason', async () => {
    setup({ getPrefs: () => view({ available: { email: true, sms: false, call: false, browser: true } }) });
    await settingsForm();
    expect((screen.getByRole('checkbox', { name: 'Email' }) as HTMLInputElement).checked).toBe(true);
    const sms = screen.getByRole('checkbox', { name: 'SMS (text message)' }) as HTMLInputElement;
    expect(sms.disabled).toBe(true);
    expect(screen.getByText('Not available: this server has no SMS provider (Twilio) configured.').id).toBe(sms.getAttribute('aria-describedby'));
    expect((screen.getByRole('radio', { name: 'Immediately, one email per alert' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Digest hour') as HTMLSelectElement).disabled).toBe(true);
    for (const name of ['Immediately, one SMS per alert', 'Immediately, one call per alert']) expect((screen.getByRole('radio', { name }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText('Digest hour').getAttribute('aria-describedby')).toBe('prefs-digest-hour-note');
    expect(document.getElementById('prefs-digest-hour-note')?.textContent).toMatch(/^The hour of every daily digest: email, SMS and call/);
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('America/New_York');
    expect((screen.getByLabelText('Hearing reminders (days before each hearing)') as HTMLInputElement).value).toBe('10, 2');
    expect(screen.getByText(/no phone number can be confirmed/)).toBeTruthy();
  });

  it('saving the form keeps the per-case choices the server has now, made elsewhere since the page opened', async () => {
    let stored = view();
    const { calls } = setup({ getPrefs: () => stored, savePrefs: (p) => (stored = { ...stored, ...p }) });
    await settingsForm();
    stored = { ...stored, cases: { ...stored.cases, [KEY]: 'mute' } }; // muted from an email's unsubscribe link
    pick('Digest hour', '18');
    save();
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(callsOf(calls, 'savePrefs').at(-1)?.cases).toEqual({ 'CT12|171155061': 'mute', [KEY]: 'mute' });
  });

  it('checks the form with the shared schema before saving, then saves and says so', async () => {
    const { calls } = setup({ getPrefs: () => view(), savePrefs: (p) => ({ ...view(), ...p }) });
    await settingsForm();
    type('Hearing reminders (days before each hearing)', '10, 200');
    fireEvent.click(screen.getByRole('checkbox', { name: /Hold SMS and calls/ }));
    pick('Quiet from', '8');
    pick('Quiet until', '8');
    save();
    expect((await screen.findByRole('alert')).textContent).toBe('Some settings need fixing; see the marked fields.');
    const days = screen.getByLabelText('Hearing reminders (days before each hearing)');
    expect(days.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Enter up to 5 different whole numbers of days from 1 to 90/)).toBeTruthy();
    expect(screen.getByText('Quiet hours must start and end at different hours.')).toBeTruthy();
    type('Hearing reminders (days before each hearing)', '10, 10');
    save();
    await waitFor(() => expect(screen.getByLabelText('Hearing reminders (days before each hearing)').getAttribute('aria-invalid')).toBe('true'));
    expect(callsOf(calls, 'savePrefs')).toEqual([]);

    type('Hearing reminders (days before each hearing)', '14 3 1');
    pick('Quiet from', '21');
    fireEvent.click(screen.getByRole('radio', { name: 'Daily digest' }));
    pick('Digest hour', '18');
    fireEvent.click(screen.getByRole('checkbox', { name: 'SMS (text message)' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Daily SMS digest (one SMS listing the cases)' }));
    pick('Time zone', 'America/Chicago');
    save();
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(callsOf(calls, 'savePrefs')).toEqual([
      {
        channels: { email: { enabled: true, mode: 'digest' }, sms: { enabled: true, mode: 'digest' }, call: { enabled: false, mode: 'immediate' }, browser: { enabled: false, mode: 'immediate' } },
        timeZone: 'America/Chicago',
        digestHour: 18,
        quietHours: { startHour: 21, endHour: 8 },
        cases: { 'CT12|171155061': 'mute' },
        hearingReminders: { daysBefore: [14, 3, 1] },
      },
    ]);
  });

  it('offers a daily digest for SMS and calls as for email, with one digest hour for every channel in digest mode', async () => {
    const channels = { ...DEFAULT_PREFS.channels, call: { enabled: true, mode: 'digest' as const } };
    const { calls } = setup({
      getPrefs: () => view({ channels, phone: { number: '+13145550123', pending: null } }),
      savePrefs: () => {
        throw new Error('channels.call.mode: not now');
      },
    });
    await settingsForm();
    expect((screen.getByRole('radio', { name: 'Daily call digest (one call reading the cases)' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Daily digest' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Digest hour') as HTMLSelectElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole('radio', { name: 'Immediately, one call per alert' }));
    expect((screen.getByLabelText('Digest hour') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Daily call digest (one call reading the cases)' }));
    save();
    expect((await screen.findByRole('alert')).textContent).toBe('The server did not accept some settings; see the marked fields.');
    expect(screen.getByText('Choose immediately or a daily digest for calls.').id).toBe('call-mode-error');
    expect(callsOf(calls, 'savePrefs')).toMatchObject([{ channels: { call: { enabled: true, mode: 'digest' }, sms: { mode: 'immediate' }, browser: { mode: 'immediate' } } }]);
  });

  it("starts an account on the server's default zone with this browser's zone", async () => {
    setup({ getPrefs: () => view({ timeZone: DEFAULT_PREFS.timeZone }) });
    await settingsForm();
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe(local);
    if (local !== DEFAULT_PREFS.timeZone) expect(screen.getByText("This browser's time zone; it is kept when you save.")).toBeTruthy();
  });

  it("shows the server's refusal under the field it names, in plain words", async () => {
    setup({
      getPrefs: () => view(),
      savePrefs: () => {
        throw new Error('channels.sms: SMS and calls are not available on this server (no Twilio account configured); turn sms off.');
      },
    });
    await settingsForm();
    fireEvent.click(screen.getByRole('checkbox', { name: 'SMS (text message)' }));
    save();
    expect((await screen.findByRole('alert')).textContent).toBe('The server did not accept some settings; see the marked fields.');
    const sms = screen.getByRole('checkbox', { name: 'SMS (text message)' });
    expect(sms.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(sms.getAttribute('aria-describedby') ?? '')?.textContent).toBe('SMS is not available on this server; turn it off.');
  });

  it('confirms a phone number with the texted code, shows it masked, and removes it', async () => {
    const confirmed = view({ phone: { number: '+13145550123', pending: null } });
    const { calls } = setup({
      getPrefs: () => view(),
      startPhoneVerification: (d) => ({ pending: d.phone, expiresAt: '2026-11-25T15:00:00.000Z' }),
      confirmPhone: (d) => {
        if (d.code !== '123456') throw new Error('That code is not right: 4 tries left.');
        return confirmed;
      },
      removePhone: () => view(),
    });
    await settingsForm();
    expect(screen.getByText('Sent only to a confirmed phone number (see Phone for SMS and calls below).', { selector: '#channel-sms-note' })).toBeTruthy();
    type('Phone number', '314-555-0123');
    fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the number with its country code, like +13145550123.');
    expect(screen.getByLabelText('Phone number').getAttribute('aria-invalid')).toBe('true'); // marked on the field too
    expect(document.activeElement?.id).toBe('phone-number');
    expect(callsOf(calls, 'startPhoneVerification')).toEqual([]);

    type('Phone number', '+1 (314) 555-0123');
    fireEvent.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('Sent a code to +13145550123; it works for 10 minutes.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('phone-code')); // the next thing to fill in
    expect(callsOf(calls, 'startPhoneVerification')).toEqual([{ phone: '+13145550123' }]);

    type('Code from the text message', '654321');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That code is not right: 4 tries left.');
    type('Code from the text message', '123 456');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Phone number confirmed.')).toBeTruthy();
    expect(screen.getByText('+1••••••0123')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.id).toBe('phone-remove'));
    expect(screen.queryByText('+13145550123')).toBeNull();
    expect(screen.queryByText('Sent only to a confirmed phone number (see Phone for SMS and calls below).')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Phone number removed; SMS and calls stop.')).toBeTruthy();
    expect(callsOf(calls, 'removePhone')).toEqual([{}]);
    expect(screen.getByLabelText('Phone number')).toBeTruthy();
  });

  it('lists alerts with every delivery and attempt, and loads older ones', async () => {
    const first: NotificationPage = {
      notifications: [
        alert('a2', {
          deliveries: [
            {
              id: 'd1',
              channel: 'email',
              status: 'sent',
              tries: 2,
              nextAttemptAt: null,
              providerId: 're_123',
              lastError: null,
              updatedAt: '2026-11-20T15:02:00.000Z',
              attempts: [
                { at: '2026-11-20T15:00:05.000Z', outcome: 'retry', providerId: null, error: 'HTTP 503' },
                { at: '2026-11-20T15:01:05.000Z', outcome: 'sent', providerId: 're_123', error: null },
              ],
            },
            { id: 'd2', channel: 'sms', status: 'maybe-sent', tries: 1, nextAttemptAt: null, providerId: null, lastError: 'timed out', updatedAt: '2026-11-20T15:00:10.000Z', attempts: [] },
          ],
        }),
      ],
      nextBefore: 'a2',
    };
    const older: NotificationPage = { notifications: [alert('a1', { kind: 'hearing', caption: null, entry: { ...ENTRY, title: 'Trial Setting', scheduledFor: '12/01/2026 09:00 AM' } })], nextBefore: null };
    const { calls } = setup({ getPrefs: () => view(), getNotifications: (d) => (d.before === 'a2' ? older : first) });
    const table = await screen.findByRole('table', { name: 'Deliveries of the alert about 22SL-CC00807: Motion to Compel Filed' });
    const item = screen.getByRole('listitem', { name: '22SL-CC00807 · JANE DOE V ACME HOLDINGS LLC' });
    expect(item.textContent).toContain('New entry');
    expect(item.textContent).toContain('Nov 20, 2026');
    expect(within(item).getByRole('link', { name: '22SL-CC00807' }).getAttribute('href')).toBe('#case=CT22%7C22SL-CC00807');
    const [, email, sms] = within(table).getAllByRole('row');
    expect(email?.textContent).toContain('Email');
    expect(email?.textContent).toContain('sent');
    expect(email?.textContent).toContain('re_123');
    expect(email?.textContent).toMatch(/failed, will retry — HTTP 503/);
    expect(within(email!).getAllByRole('listitem')).toHaveLength(2);
    expect(sms?.textContent).toContain('maybe sent (no answer in time; never resent)');
    expect(sms?.textContent).toContain('timed out');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const hearing = await screen.findByRole('listitem', { name: '22SL-CC00807 · (no caption yet)' });
    expect(hearing.textContent).toContain('Hearing reminder');
    expect(hearing.textContent).toContain('scheduled for 12/01/2026 09:00 AM');
    expect(hearing.textContent).toContain('Not sent on any channel');
    expect(callsOf(calls, 'getNotifications')).toEqual([{}, { before: 'a2' }]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getAllByRole('listitem', { name: /^22SL-CC00807 · / })).toHaveLength(2);
  });

  it('says when there is no history yet', async () => {
    setup({ getPrefs: () => view() });
    expect(await screen.findByText(/No alerts yet\./)).toBeTruthy();
  });

  it('goes to the signed-out line, saying why, when the server revoked this browser', async () => {
    let account: AccountState = IN;
    setup({
      getAccount: () => account,
      getPrefs: () => {
        account = OUT;
        throw new Error('Signed out on this browser; sign in again.');
      },
    });
    expect(await screen.findByText('Signed out on this browser; sign in again.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'sign in on the Account page' })).toBeTruthy();
  });
});

describe('per-case override on the case page', () => {
  const detail = { summary: makeCase(), entries: [], hearings: [], alerts: [] };

  it('sets "Alerts for this case" by reading, changing and saving the settings', async () => {
    location.hash = `#case=${encodeURIComponent(KEY)}`;
    let stored = view();
    const { calls } = setup({
      getCase: () => detail,
      getPrefs: () => stored,
      savePrefs: (p) => (stored = { ...stored, ...p }),
    });
    const select = (await screen.findByLabelText('Alerts for this case')) as HTMLSelectElement;
    expect(select.value).toBe('default');
    fireEvent.change(select, { target: { value: 'immediate' } });
    fireEvent.change(select, { target: { value: 'mute' } }); // arrowing through the list saves nothing
    expect(callsOf(calls, 'savePrefs')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save choice' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(callsOf(calls, 'savePrefs')).toHaveLength(1);
    expect(callsOf(calls, 'savePrefs').at(-1)?.cases).toEqual({ 'CT12|171155061': 'mute', [KEY]: 'mute' });
    fireEvent.change(select, { target: { value: 'default' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save choice' }));
    await waitFor(() => expect(callsOf(calls, 'savePrefs')).toHaveLength(2));
    expect(callsOf(calls, 'savePrefs').at(-1)?.cases).toEqual({ 'CT12|171155061': 'mute' });
    expect(callsOf(calls, 'savePrefs').at(-1)?.timeZone).toBe('America/New_York');
  });

  it('is not shown when signed out', async () => {
    location.hash = `#case=${encodeURIComponent(KEY)}`;
    const { calls } = setup({ getAccount: () => OUT, getCase: () => detail });
    await screen.findByRole('heading', { name: 'Upcoming hearings' });
    await waitFor(() => expect(callsOf(calls, 'getAccount').length).toBeGreaterThan(0));
    expect(screen.queryByLabelText('Alerts for this case')).toBeNull();
    expect(callsOf(calls, 'getPrefs')).toEqual([]);
  });
});
