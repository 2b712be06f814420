import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fingerprintEntries } from '../../shared/casenet/fingerprint';
import type { DocketEntry } from '../../shared/casenet/types';
import { signedInUser } from '../support/accounts';
import { codeIn, type ApiClient } from '../support/api-client';
import { startTestBackend, type TestBackend } from '../support/backend';
import { signInFromDashboard } from './dashboard-sign-in';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness';
import { DOE } from '../fakes/casenet-sim/seed';

// The dashboard's notification settings and history in the real extension (Debian's Chromium)
// against the real backend, with a fake Twilio taking the SMS code and the alert's text message.
const EMAIL = 'notify-e2e@example.com';
const PHONE = '+13145550123';
const KEY = DOE.key;
const CAPTION = 'JANE DOE V ACME HOLDINGS LLC';
const SOURCE = DOE.source;
const FIRST: DocketEntry = { date: '2026-11-02', title: 'Petition Filed', text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null };
const SECOND: DocketEntry = { ...FIRST, date: '2026-11-20', title: 'Motion to Compel Filed' };
/** No Case.net page is visited here: the simulator port in the resolver rules is never used. */
const NO_SIM_PORT = 9;

let backend: TestBackend;
let b: ExtensionBrowser;
let api: ApiClient;
let page: Page;

beforeAll(async () => {
  backend = await startTestBackend({ twilio: true, env: { NOTIFY_INTERVAL_MS: '0' } });
  api = await signedInUser(backend, EMAIL); // account created and verified (the account flow has its own test)
  b = await launchExtensionBrowser(NO_SIM_PORT);
  page = await signInFromDashboard(b, backend, EMAIL);
});
afterAll(async () => {
  await b?.close();
  await backend?.close();
});

describe('notification settings and history (real Chromium + real backend + fake Twilio)', () => {
  it('switches email to a digest at 18:00, turns SMS on with a phone confirmed by its code, and saves it on the server', async () => {
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('form', { name: 'Settings' }).waitFor();
    await page.getByRole('radio', { name: 'Daily digest' }).check();
    await page.getByLabel('Digest hour').selectOption('18');
    await page.getByRole('checkbox', { name: 'SMS (text message)' }).check();

    await page.getByLabel('Phone number').fill(PHONE);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Code from the text message').waitFor();
    const sms = backend.twilio!.messages.filter((m) => m.to === PHONE).at(-1);
    await page.getByLabel('Code from the text message').fill(codeIn(sms!.body));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('Phone number confirmed.').waitFor();
    await page.getByText('+1••••••0123').waitFor();

    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByText('Saved.').waitFor();
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const saved = await api.get('/api/v1/prefs');
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      channels: { email: { enabled: true, mode: 'digest' }, sms: { enabled: true, mode: 'immediate' }, call: { enabled: false } },
      digestHour: 18,
      timeZone: zone,
      hearingReminders: { daysBefore: [10, 2] },
      phone: { number: PHONE, pending: null },
    });
  });

  it('lists an alert with its deliveries in the history', async () => {
    // The user tracks a case; the server holds its docket; the browser uploads one with a new entry.
    const push = await api.post('/api/v1/sync/push', {
      clientId: 'notify-e2e-api',
      mutations: [{ id: 1, op: 'putCase', args: { key: KEY, courtId: 'CT22', caseNumber: '22SL-CC00807', caption: CAPTION, saved: true, tracked: true, source: SOURCE } }],
    });
    expect(push.status, JSON.stringify(push.body)).toBe(200);
    const { watch, notifier } = backend.backend.services;
    const now = Date.now();
    watch.store.refresh(now);
    watch.store.recordGood(KEY, [{ fingerprint: fingerprintEntries([FIRST])[0]!, entry: FIRST }], now, now + 3_600_000);
    const upload = await api.post(`/api/v1/cases/${encodeURIComponent(KEY)}/snapshot`, { entries: [FIRST, SECOND] });
    expect(upload.body).toMatchObject({ accepted: true, alerts: 1 });
    await notifier.relayOnce(Date.now());
    const text = backend.twilio!.messages.filter((m) => m.to === PHONE).at(-1)!;
    expect(text.body).toContain('Motion to Compel Filed');

    await page.reload();
    const item = page.getByRole('listitem', { name: `22SL-CC00807 · ${CAPTION}` });
    await item.waitFor();
    expect(await item.textContent()).toContain('New entry');
    expect(await item.textContent()).toContain('Motion to Compel Filed');
    const deliveries = item.getByRole('table', { name: 'Deliveries of the alert about 22SL-CC00807: Motion to Compel Filed' });
    const smsRow = deliveries.getByRole('row').filter({ hasText: 'SMS' });
    expect(await smsRow.textContent()).toContain('sent');
    expect(await smsRow.textContent()).toContain(text.sid);
    expect(await deliveries.getByRole('row').filter({ hasText: 'Email' }).textContent()).toContain('digest (waits for the daily digest)');
  });
});
