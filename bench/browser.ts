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

/** What the popup showed: its folder heading, alerts heading, and the case numbers of its rows. */
type PopupShown = { folder: string; alerts: string; cases: string[] };

type PopupMarks = { __rows?: number; __first?: PopupShown; __paint?: number };

/** Plain JS (see MARK_BUTTONS): what the popup shows now, as a PopupShown. */
const POPUP_SHOWN = `() => ({
  folder: document.querySelector('#folder-heading')?.textContent ?? '',
  alerts: document.querySelector('#alerts-heading')?.textContent ?? '',
  cases: [...document.querySelectorAll('.case-row .case-number')].map((a) => a.textContent ?? ''),
})`;

/** Init script: when the first folder row is in the DOM, what was shown then, and when the next frame was done. */
const MARK_POPUP_ROWS = `
const obs = new MutationObserver(() => {
  if (window.__rows === undefined && document.querySelector('.case-row')) {
    window.__rows = performance.now();
    window.__first = (${POPUP_SHOWN})();
    requestAnimationFrame(() => setTimeout(() => (window.__paint = performance.now())));
    obs.disconnect();
  }
});
obs.observe(document, { childList: true, subtree: true });
`;

/**
 * ms from the popup's navigation start to its folder rows in the DOM (alerts are drawn in the same
 * render, above them), with `cases` in the folder; median of `runs` opens after one warm-up.
 * The popup may draw first from the summary the background keeps ready (lib/popup-summary.ts): to
 * count, what it drew first must be what the background then answers (same headings, same cases,
 * same order), else the run fails. Also logs when the frame after the rows is done (paint included).
 */
export async function popupFirstRender(simPort: number, folderJson: string, runs = 5): Promise<number> {
  const b = await launchExtensionBrowser(simPort);
  try {
    const dash = await b.openDashboard();
    const reply = await dash.evaluate(
      (json) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage({ type: 'importFolder', data: { json } }),
      folderJson,
    );
    if (!reply.ok) throw new Error(`import failed: ${reply.error}`);
    await b.context.addInitScript({ content: MARK_POPUP_ROWS });
    const times: number[] = [];
    const paints: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const popup = await b.openPopup();
      await popup.waitForFunction(() => (window as unknown as PopupMarks).__paint !== undefined, null, { timeout: 20_000 });
      // The background's own answer is in once the popup no longer marks itself busy.
      await popup.waitForFunction(() => document.querySelector('main.popup')?.getAttribute('aria-busy') === 'false', null, { timeout: 20_000 });
      const t = (await popup.evaluate(`({ rows: window.__rows, paint: window.__paint, first: window.__first, shown: (${POPUP_SHOWN})() })`)) as { rows: number; paint: number; first: PopupShown; shown: PopupShown };
      if (JSON.stringify(t.first) !== JSON.stringify(t.shown)) {
        throw new Error(`popup first drew other data than the background answers: ${JSON.stringify(t.first).slice(0, 200)} vs ${JSON.stringify(t.shown).slice(0, 200)}`);
      }
      if (i > 0) {
        times.push(t.rows); // performance.now() counts from the popup's navigation start
        paints.push(t.paint);
      }
      await popup.close();
    }
    console.log(`popup: rows in the DOM ${times.map(Math.round).join(', ')} ms (median ${Math.round(median(times))}); next frame after them ${Math.round(median(paints))} ms (median)`);
    return median(times);
  } finally {
    await b.close();
  }
}
