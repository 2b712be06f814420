import browser from 'webextension-polyfill';

export type NotificationInput = {
  /** Notification id: an alert id, or `case:<key>` for a grouped notification. */
  id: string;
  caseNumber: string;
  /** Entry title, or a count such as "3 new docket entries". */
  title: string;
  caption: string | null;
  date: string | null;
};

/** Raise one desktop notification: "22SL-CC00807 — Motion to Dismiss", caption and date below. */
export async function showNotification(input: NotificationInput): Promise<void> {
  const message = [input.caption, input.date].filter((part): part is string => !!part).join('\n');
  await browser.notifications.create(input.id, {
    type: 'basic',
    iconUrl: iconUrl(),
    title: `${input.caseNumber} — ${input.title}`,
    message: message || 'New docket activity',
  });
}

/** The toolbar icon (extension/public/icon/, made by scripts/make-icons.ts); Chrome needs one. */
const iconUrl = (): string => browser.runtime.getURL('/icon/128.png');

/** Register the click listener (synchronously, at the top of the background main). */
export function onNotificationClicked(listener: (id: string) => void | Promise<void>): void {
  browser.notifications.onClicked.addListener((id) => {
    void browser.notifications.clear(id);
    return listener(id);
  });
}
