import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { codeIn, linkIn } from '../support/api-client';
import { startTestBackend, type TestBackend } from '../support/backend';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness';

// The real extension in Debian's Chromium against the real backend (with a fake Resend capturing
// its emails): point the dashboard at it, create an account, verify, sign in with the device code.
const EMAIL = 'ann@example.com';
const PASSWORD = 'Str0ngPass1';
/** No Case.net page is visited here: the simulator port in the resolver rules is never used. */
const NO_SIM_PORT = 9;

let backend: TestBackend;
let b: ExtensionBrowser;
let page: Page;

/** The newest captured email to EMAIL whose subject matches, waiting for it to arrive. */
async function emailTo(subject: RegExp) {
  await expect.poll(async () => (await backend.emails()).some((e) => e.to.includes(EMAIL) && subject.test(e.subject)), { timeout: 15_000 }).toBe(true);
  return (await backend.emails()).filter((e) => e.to.includes(EMAIL) && subject.test(e.subject)).at(-1)!;
}

beforeAll(async () => {
  backend = await startTestBackend();
  b = await launchExtensionBrowser(NO_SIM_PORT);
  page = await b.openDashboard();
});
afterAll(async () => {
  await b?.close();
  await backend?.close();
});

describe('accounts (real Chromium + real backend)', () => {
  it('points the dashboard at the sync server', async () => {
    await page.getByRole('textbox', { name: 'Sync server' }).fill(backend.url);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByText(`Sync server: ${backend.url}`).waitFor();
  });

  it('creates an account: a weak password is refused with the rule it breaks', async () => {
    await page.getByRole('tab', { name: 'Create account' }).click();
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill('weakpass');
    await page.getByText('Password needs an upper-case letter, a digit.').waitFor();
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Password needs an upper-case letter, a digit.');

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account', exact: true }).click();
    await page.getByRole('heading', { name: 'Check your email to verify your address' }).waitFor();
  });

  it('verifies the address with the emailed link', async () => {
    const email = await emailTo(/verify|confirm/i);
    const link = linkIn(email.text, backend.url);
    const tab = await b.context.newPage();
    const response = await tab.goto(link);
    expect(response?.status()).toBeLessThan(400);
    await tab.close();
  });

  it('signs in on this new browser with the 6-digit code from the email', async () => {
    await page.getByLabel('Email', { exact: true }).fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const codeField = page.getByLabel('Code from your email');
    await codeField.waitFor();
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');

    const code = codeIn((await emailTo(/code/i)).text);
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByText(`Signed in as ${EMAIL}.`).waitFor();
    await page.getByText('(this browser)').waitFor();
  });

  it('signs out, and stays signed out after a reload', async () => {
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
  });
});
