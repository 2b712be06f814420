import browser from 'webextension-polyfill';

/** Show the unread alert count on the toolbar icon; nothing when there is none. */
export async function setBadgeCount(count: number): Promise<void> {
  await browser.action.setBadgeText({ text: count > 0 ? String(Math.min(count, 9_999)) : '' });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
}
