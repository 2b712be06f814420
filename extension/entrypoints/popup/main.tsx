import { render } from 'preact';
import browser from 'webextension-polyfill';
import { readCachedSummary } from '../../lib/popup-summary';
import { send } from '../../lib/send';
import uiCss from '../../lib/ui/ui.css?inline';
import { App, summaryRequest } from './App';
import popupCss from './popup.css?inline';

// Marks for bench/browser.ts and DevTools: where the popup's first render spends its time.
performance.mark('dw:script');
// The copy of the first summary the background keeps ready in session storage is drawn as soon as
// it is read; the background's own answer replaces it. The background is asked once the copy is
// read, so its work does not compete with this page's start on a busy machine.
const cached = readCachedSummary(browser.storage.session).then((c) => {
  performance.mark(c ? 'dw:cached' : 'dw:no-cache');
  return c;
});
const live = cached.then(() => send('getSummary', summaryRequest()));
// The styles travel inside this script: no stylesheet to fetch, and none to wait for before it runs.
const style = document.createElement('style');
style.textContent = uiCss + popupCss;
document.head.append(style);
const root = document.getElementById('app');
if (root) render(<App api={send} firstSummary={live} cachedSummary={cached} />, root);
