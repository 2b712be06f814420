import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/accounts';
import { codeIn } from '../support/api-client';
import type { TestBackend } from '../support/backend';
import type { ExtensionBrowser } from './harness';

/**
 * Point the dashboard at the backend and sign in as a person does, typing the code emailed for this
 * new browser. `beforeVerify` runs just before the last click (benchmarks start their clock there).
 */
export async function signInFromDashboard(browser: ExtensionBrowser, backend: Pick<TestBackend, 'url' | 'lastEmail'>, email: string, beforeVerify?: () => void): Promise<Page> {
  const page = await browser.openDashboard();
  await page.getByRole('textbox', { name: 'Sync server' }).fill(backend.url);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved.').waitFor();
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const codeField = page.getByLabel('Code from your email');
  await codeField.waitFor();
  await codeField.fill(codeIn((await backend.lastEmail(email, /sign-in code/i)).text));
  beforeVerify?.();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await page.getByText(`Signed in as ${email}.`).waitFor();
  return page;
}
