import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCasenetSim, type CasenetSim } from '../fakes/casenet-sim/server';
import { signedInUser } from '../support/accounts';
import { startTestBackend, type TestBackend } from '../support/backend';
import { signInFromDashboard } from './dashboard-sign-in';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness';

// The built extension, signed in to the real backend that watches the Case.net simulator: the case
// page says who checked last, and "Check on server now" has the server read the case at once.
const EMAIL = 'server-check-e2e@example.com';
const DOE = { caption: 'JANE DOE V ACME HOLDINGS LLC', url: 'http://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=22SL-CC00807&inputVO.courtId=SMPDB0010_CT22' };

let sim: CasenetSim;
let backend: TestBackend;
let browser: ExtensionBrowser;
let dash: Page;

beforeAll(async () => {
  sim = await startCasenetSim({ port: 0 });
  backend = await startTestBackend({ env: { CASENET_BASE_URL: sim.url, POLL_INTERVAL_SECONDS: '3600', POLL_SPACING_MS: '0' } });
  await signedInUser(backend, EMAIL);
  browser = await launchExtensionBrowser(sim.port);
});
afterAll(async () => {
  await browser?.close();
  await backend?.close();
  await sim?.close();
});

describe('server checks in the dashboard (Chromium + real backend + simulator)', () => {
  it('a tracked case is checked by this browser first, then on request by the server, and the status line says so', async () => {
    const page = await browser.context.newPage();
    await page.goto(DOE.url);
    await page.getByRole('button', { name: 'Track', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Tracking', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.close();

    dash = await signInFromDashboard(browser, backend, EMAIL);
    await dash.goto(dash.url().replace(/#.*$/, '#'));
    // The server learns of the tracked case with a sync round (sign-in started one; this one waits for it).
    const syncButton = dash.getByRole('button', { name: 'Sync now' });
    await syncButton.click();
    await expect.poll(() => syncButton.isEnabled()).toBe(true);
    await dash.getByRole('link', { name: DOE.caption }).click();
    await dash.getByText(/^Checked (just now|\d+ min ago) by this browser$/).waitFor();

    await dash.getByRole('button', { name: 'Check on server now' }).click();
    await dash.getByText(/^The server checked this case: /).waitFor({ timeout: 30_000 });
    await dash.getByText('Checked just now by the server').waitFor();
  });

  it('an entry the server finds reaches this browser through sync: unread in the popup and on the badge, stored once', async () => {
    const added = await fetch(`${sim.url}/__sim/cases/SMPDB0010_CT22/22SL-CC00807/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ date: '2026-11-30', title: 'Notice of Hearing Filed' }),
    });
    expect(added.ok).toBe(true);
    await dash.getByRole('button', { name: 'Check on server now' }).click();
    await dash.getByText('The server checked this case: 1 docket change.').waitFor({ timeout: 30_000 });
    await dash.goto(dash.url().replace(/#.*$/, '#'));
    const syncButton = dash.getByRole('button', { name: 'Sync now' });
    await syncButton.click();
    await expect.poll(() => syncButton.isEnabled()).toBe(true);

    await expect.poll(() => browser.badgeText(), { timeout: 20_000 }).toBe('1');
    const popup = await browser.openPopup();
    await popup.getByText('Notice of Hearing Filed').waitFor();
    // A second round pulls nothing new: still one alert.
    await syncButton.click();
    await expect.poll(() => syncButton.isEnabled()).toBe(true);
    await popup.reload();
    await popup.getByText('Notice of Hearing Filed').waitFor();
    expect(await popup.getByText('Notice of Hearing Filed').count()).toBe(1);
    expect(await browser.badgeText()).toBe('1');
    await popup.close();
  });
});
