import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startCasenetSim, type CasenetSim } from '../fakes/casenet-sim/server';
import { signedInUser, storedCases } from '../support/accounts';
import { startTestBackend, type TestBackend } from '../support/backend';
import { signInFromDashboard } from './dashboard-sign-in';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness';

// Two Chromium profiles (two browsers of one person) syncing one folder through the real backend,
// with Case.net's host names mapped to the simulator. The backend is stopped and restarted on the
// same port and data folder to show an offline edit arriving later, once.
const EMAIL = 'sync-e2e@example.com';
const DOE = { number: '22SL-CC00807', caption: 'JANE DOE V ACME HOLDINGS LLC', url: 'http://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=22SL-CC00807&inputVO.courtId=SMPDB0010_CT22' };
const BRITT = { number: '14BA-CV01093', url: 'http://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13' };

let sim: CasenetSim;
let dir: string;
let port: number;
let backend: TestBackend;
let a: ExtensionBrowser;
let b: ExtensionBrowser;
let dashA: Page;
let dashB: Page;

/** Save a case from its Case.net docket page (the simulator). */
async function saveFromCasenet(browser: ExtensionBrowser, url: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Saved', exact: true }).getAttribute('aria-pressed')).toBe('true');
  await page.close();
}

const signIn = (browser: ExtensionBrowser) => signInFromDashboard(browser, backend, EMAIL);

/** On the folder view: press "Sync now" and wait for the round to end. */
async function syncNow(page: Page): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#'));
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.click();
  await expect.poll(() => button.isEnabled()).toBe(true);
}

async function openCase(page: Page, caption: string): Promise<void> {
  await page.getByRole('link', { name: caption }).click();
  await page.getByLabel('Note', { exact: true }).waitFor();
}

beforeAll(async () => {
  sim = await startCasenetSim({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'dw-sync-e2e-'));
  backend = await startTestBackend({ dir });
  port = Number(new URL(backend.url).port);
  await signedInUser(backend, EMAIL); // account created and verified (the account flow has its own test)
  [a, b] = await Promise.all([launchExtensionBrowser(sim.port), launchExtensionBrowser(sim.port)]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await backend?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sync across two browsers (two Chromium profiles + real backend + simulator)', () => {
  it('signing in adds the case saved before to the account, and says so', async () => {
    await saveFromCasenet(a, DOE.url);
    dashA = await signIn(a);
    await dashA.getByText('1 case from this browser was added to your account.').waitFor();
    dashB = await signIn(b);
    expect(await dashB.getByText(/from this browser (was|were) added/).count()).toBe(0);
  });

  it('a case saved in A appears in B; a note typed in B shows in A', async () => {
    await saveFromCasenet(a, BRITT.url);
    await syncNow(dashA);
    await syncNow(dashB);
    await dashB.getByRole('heading', { name: 'Your cases (2)' }).waitFor();
    await dashB.getByRole('cell', { name: BRITT.number }).waitFor();

    await openCase(dashB, DOE.caption);
    await dashB.getByLabel('Note', { exact: true }).fill('Call the clerk (from B)');
    await dashB.getByRole('button', { name: 'Save note' }).click();
    await dashB.getByText('Note saved.').waitFor();
    await syncNow(dashB);

    await syncNow(dashA);
    await openCase(dashA, DOE.caption);
    expect(await dashA.getByLabel('Note', { exact: true }).inputValue()).toBe('Call the clerk (from B)');
  });

  it('edits made while the server is down wait, then arrive once it is back, once', async () => {
    await backend.close();
    await dashA.getByLabel('Note', { exact: true }).fill('Edited in A while offline');
    await dashA.getByRole('button', { name: 'Save note' }).click();
    await dashA.getByText('Note saved.').waitFor();
    await dashA.getByRole('button', { name: 'Track', exact: true }).click();
    await dashA.getByText('Now tracking this case.').waitFor();
    await syncNow(dashA);
    await dashA.getByText('2 changes waiting').waitFor();
    expect(await dashA.getByRole('alert').textContent()).toContain(`Cannot reach the sync server at ${backend.url}`);

    backend = await startTestBackend({ dir, port });
    await syncNow(dashA);
    await expect.poll(() => dashA.getByText(/changes? waiting/).count()).toBe(0);
    expect(await dashA.getByRole('alert').count()).toBe(0);

    await syncNow(dashB);
    await dashB.getByRole('heading', { name: 'Your cases (2)' }).waitFor();
    await openCase(dashB, DOE.caption);
    expect(await dashB.getByLabel('Note', { exact: true }).inputValue()).toBe('Edited in A while offline');
    await dashB.getByRole('button', { name: 'Stop tracking' }).waitFor();
    const stored = storedCases(backend, EMAIL);
    expect(stored.map((c) => c.case_key)).toEqual(['CT13|14BA-CV01093', 'CT22|22SL-CC00807']);
    expect(stored[1]).toMatchObject({ note: 'Edited in A while offline', tracked: 1 });
  });
});
