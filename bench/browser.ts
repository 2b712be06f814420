import { launchExtensionBrowser } from '../tests/e2e/harness';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Marks = { __dcl?: number; __buttons?: number };

/**
 * Init script (plain JS: tsx would wrap named functions in a helper the page lacks). Our buttons
 * are drawn inside an open shadow root, which a document observer does not see: look into the
 * shadow roots of added elements (and their descendants), and observe each root until Track shows.
 */
const MARK_BUTTONS = `
document.addEventListener('DOMContentLoaded', () => { window.__dcl = performance.now(); });
function hasTrack(root) {
  return [...root.querySelectorAll('button')].some((btn) => (btn.textContent || '').startsWith('Track'));
}
function found() {
  if (window.__buttons === undefined) window.__buttons = performance.now();
}
new MutationObserver((records) => {
  if (window.__buttons !== undefined) return;
  for (const r of records) {
    for (const node of r.addedNodes) {
      if (!(node instanceof Element)) continue;
      for (const el of [node, ...node.querySelectorAll('*')]) {
        const root = el.shadowRoot;
        if (!root) continue;
        if (hasTrack(root)) return found();
        new MutationObserver(() => { if (hasTrack(root)) found(); }).observe(root, { childList: true, subtree: true, characterData: true });
      }
    }
  }
}).observe(document, { childList: true, subtree: true });
`;

export type ButtonTimes = {
  /** ms from DOMContentLoaded to the Track button; 0 when it was drawn before DOMContentLoaded. */
  afterDomContentLoaded: number;
  /** ms from navigation start to the Track button (for context: the page itself takes a while). */
  fromNavigationStart: number;
};

/** When the Track button appears inside our shadow root, median of `runs` loads. */
export async function buttonsDelay(simPort: number, url: string, runs = 5): Promise<ButtonTimes> {
  const b = await launchExtensionBrowser(simPort);
  try {
    const page = await b.context.newPage();
    await page.addInitScript({ content: MARK_BUTTONS });
    const afterDcl: number[] = [];
    const fromStart: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => (window as unknown as Marks).__buttons !== undefined, null, { timeout: 20_000 });
      const t = await page.evaluate(() => {
        const w = window as unknown as Required<Marks>;
        return { buttons: w.__buttons, dcl: w.__dcl };
      });
      if (i === 0) continue; // the first load warms the service worker
      // The content script draws the buttons as soon as their cell is parsed, often before the
      // rest of a long page: then nothing is left to wait for once DOMContentLoaded fires.
      afterDcl.push(Math.max(0, t.buttons - t.dcl));
      fromStart.push(t.buttons);
    }
    return { afterDomContentLoaded: median(afterDcl), fromNavigationStart: median(fromStart) };
  } finally {
    await b.close();
  }
}

/** ms from the popup's navigation start to its folder rows on screen, with `cases` in the folder. */
export async function popupFirstRender(simPort: number, folderJson: string, runs = 5): Promise<number> {
  const b = await launchExtensionBrowser(simPort);
  try {
    const dash = await b.openDashboard();
    const reply = await dash.evaluate(
      (json) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage({ type: 'importFolder', data: { json } }),
      folderJson,
    );
    if (!reply.ok) throw new Error(`import failed: ${reply.error}`);
    await b.context.addInitScript(() => {
      const w = window as unknown as { __rows?: number };
      const obs = new MutationObserver(() => {
        if (w.__rows === undefined && document.querySelector('.case-row')) {
          w.__rows = performance.now();
          obs.disconnect();
        }
      });
      obs.observe(document, { childList: true, subtree: true });
    });
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const popup = await b.openPopup();
      await popup.waitForFunction(() => (window as unknown as { __rows?: number }).__rows !== undefined, null, { timeout: 20_000 });
      const t = await popup.evaluate(() => (window as unknown as { __rows: number }).__rows);
      if (i > 0) times.push(t); // performance.now() counts from the popup's navigation start
      await popup.close();
    }
    return median(times);
  } finally {
    await b.close();
  }
}
