import browser from 'webextension-polyfill';

/** Open a URL in a new foreground tab. */
export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url, active: true });
}
