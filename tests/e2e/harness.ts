import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(process.env.DW_OUT_DIR ?? '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium flags for tests: Case.net host names resolve to the local simulator, nothing else is
 * reachable (this machine has no network; the flags also stop Chromium's own background traffic).
 */
export function chromiumArgs(simPort: number, extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=MAP www.courts.mo.gov 127.0.0.1:${simPort}, MAP courts.mo.gov 127.0.0.1:${simPort}, EXCLUDE 127.0.0.1`,
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
  ];
}

/** The one chrome.* call the tests make inside the service worker. */
type ChromeGlobal = { chrome: { action: { getBadgeText(details: object): Promise<string> } } };

export type ExtensionBrowser = {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Open the toolbar popup as a page (chrome-extension://ID/popup.html). */
  openPopup(): Promise<Page>;
  openDashboard(): Promise<Page>;
  /** Unread count on the toolbar badge, read through the extension's own action API. */
  badgeText(): Promise<string>;
  close(): Promise<void>;
};

/** Launch Debian's Chromium with the built extension in a fresh profile, mapped to the simulator. */
export async function launchExtensionBrowser(simPort: number, opts: { headless?: boolean } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`Built extension missing at ${EXTENSION_DIR}: run \`npm run build\` first (npm test does).`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'dw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: chromiumArgs(simPort),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  const open = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  return {
    context,
    extensionId,
    worker,
    openPopup: () => open('popup.html'),
    openDashboard: () => open('dashboard.html'),
    badgeText: () => worker.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.action.getBadgeText({})),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
