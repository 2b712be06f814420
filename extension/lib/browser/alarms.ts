import browser from 'webextension-polyfill';

/** Create (or keep) a repeating alarm; re-creating with the same period is avoided so it does not reset. */
export async function ensureRepeatingAlarm(name: string, periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
}

/** Register a listener for one named alarm. Call synchronously at the top of the background main. */
export function onAlarm(name: string, listener: () => void | Promise<void>): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) return listener();
  });
}
