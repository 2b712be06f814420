import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCasenetSim } from '../fakes/casenet-sim/server';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness';

// The real extension in Debian's Chromium; Case.net's host names resolve to the local simulator.
const OLD_DOCKET = 'http://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=22SL-CC00807&inputVO.courtId=SMPDB0010_CT22';
const NEW_VIEW = 'http://www.courts.mo.gov/cnet/cases/newHeader.do?inputVO.caseNumber=171155061&inputVO.courtId=CT12#docket';

let sim: Awaited<ReturnType<typeof startCasenetSim>>;
let b: ExtensionBrowser;

const simPost = (path: string, body: unknown) =>
  fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Click "Check now" and wait for its outcome ("Checked 2 cases: …"); the button is enabled again before the check has even started. */
async function checkNowAndWait(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Check now' }).click();
  await expect.poll(() => popup.locator('.check-now').textContent(), { timeout: 60_000 }).toMatch(/Checked \d+ cases?:/);
  expect(await popup.getByRole('button', { name: 'Check now' }).isEnabled()).toBe(true);
}

beforeAll(async () => {
  sim = await startCasenetSim({ port: 0 });
  b = await launchExtensionBrowser(sim.port);
});
afterAll(async () => {
  await b?.close();
  await sim?.close();
});

describe('Track and Save on Case.net pages (real Chromium + simulator)', () => {
  it('saves and tracks a case from an old-generation docket page', async () => {
    const page = await b.context.newPage();
    await page.goto(OLD_DOCKET);
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await save.click();
    const saved = page.getByRole('button', { name: 'Saved', exact: true });
    await expect.poll(() => saved.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Track', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Tracking', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('tracks a case from the new single-page case view', async () => {
    const page = await b.context.newPage();
    await page.goto(NEW_VIEW);
    await page.getByRole('button', { name: 'Track', exact: true }).click();
    // The new view renders from JSON, so the background reads the case itself: two requests, 2 s apart.
    await expect.poll(() => page.getByRole('button', { name: 'Tracking', exact: true }).getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('true');
    await page.close();
  });

  it('lists both cases in the popup, with no alert for the baseline entries', async () => {
    const popup = await b.openPopup();
    await expect.poll(() => popup.getByText('22SL-CC00807').count()).toBeGreaterThan(0);
    await expect.poll(() => popup.getByText('171155061').count()).toBeGreaterThan(0);
    expect(await b.badgeText()).toBe('');
    await popup.close();
  });

  it('alerts on a new docket entry: popup shows it and the badge counts it', async () => {
    const res = await simPost('/__sim/cases/SMPDB0010_CT22/22SL-CC00807/entries', { date: '2026-11-24', title: 'Motion to Dismiss Filed', text: 'Defendant moves to dismiss.' });
    expect(res.ok).toBe(true);
    const popup = await b.openPopup();
    await checkNowAndWait(popup);
    await popup.reload();
    await expect.poll(() => popup.getByText('Motion to Dismiss Filed').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await b.badgeText()).toBe('1');
    // A second check of the same docket alerts nobody again.
    await checkNowAndWait(popup);
    expect(await b.badgeText()).toBe('1');
    await popup.close();
  });

  it('alerts nobody on a maintenance page or a layout change, and says why', async () => {
    await simPost('/__sim/cases/SMPDB0010_CT22/22SL-CC00807/entries', { date: '2026-11-25', title: 'Order Entered' });
    for (const mode of ['maintenance', 'layout']) {
      await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
      await simPost('/__sim/faults', { mode });
      const popup = await b.openPopup();
      await checkNowAndWait(popup);
      await popup.reload();
      await expect.poll(() => popup.getByText(/could not read the docket/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await popup.getByText('Order Entered').count()).toBe(0);
      expect(await b.badgeText()).toBe('1');
      await popup.close();
    }
    await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' });
  });

  it('saves a case straight from a search-results row', async () => {
    const page = await b.context.newPage();
    await page.goto('http://www.courts.mo.gov/casenet/cases/caseNoSearch.do?inputVO.caseNumber=14BA-CV01093');
    const row = page.locator('tr', { hasText: '14BA-CV01093' }).last();
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => row.getByRole('button', { name: 'Saved', exact: true }).getAttribute('aria-pressed'), { timeout: 20_000 }).toBe('true');
    await page.close();
    const popup = await b.openPopup();
    await expect.poll(() => popup.getByText('14BA-CV01093').count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('spaces the background requests to Case.net at least 2 s apart', async () => {
    await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' });
    const popup = await b.openPopup();
    await checkNowAndWait(popup);
    await popup.close();
    const log = (await (await fetch(`${sim.url}/__sim/requests`)).json()) as { t: number; path: string }[];
    const starts = log.map((r) => r.t);
    // Two tracked cases (one docket request each), plus the docket read of a case saved from search results.
    expect(starts.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(2_000);
  });
});
