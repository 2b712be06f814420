import type { ContentScriptContext } from '#imports';
import { detectPage, isCasenetUrl } from '../../../shared/casenet/detect/url';
import { send } from '../../lib/send';
import { mountCaseButtons } from './features/case-buttons';
import { markEntries, newViewEntryRows, oldDocketEntryRows, waitForRows } from './features/new-entry-marks';
import { domContentLoaded } from './features/parsed';
import { mountSearchRowButtons } from './features/search-row-buttons';

// Runs only on Case.net. The page is read, never rewritten: our buttons live in a shadow root,
// and new-entry marks add just a class and a style to the page's own rows. Parsing happens in
// the background (the page's HTML is sent), so this script stays small.
//
// It starts at document_start: the URL names the case, so the folder state is asked for while
// the page is still loading, and the buttons go in as soon as their cell is parsed. The page's
// HTML is read only once it is complete, and only where needed (marks, Save, search rows).
export default defineContentScript({
  matches: ['*://www.courts.mo.gov/casenet/*', '*://courts.mo.gov/casenet/*', '*://www.courts.mo.gov/cnet/*', '*://courts.mo.gov/cnet/*'],
  runAt: 'document_start',
  async main(ctx) {
    const url = new URL(location.href);
    if (!isCasenetUrl(url)) return;
    const page = detectPage(url);
    switch (page.kind) {
      case 'oldCaseTab':
        return oldCaseTab(ctx);
      case 'newCaseView':
        return newCaseView(ctx);
      case 'search':
        await domContentLoaded(document);
        return void (await mountSearchRowButtons(ctx, document, location.href));
      case 'none':
        return;
    }
  },
});

/** The complete page's HTML (waits for the parser). */
async function pageHtml(): Promise<string> {
  await domContentLoaded(document);
  return document.documentElement.outerHTML;
}

/** Old JSP tab (header, docket, parties…): buttons by the caption; marks on the docket tab. */
async function oldCaseTab(ctx: ContentScriptContext): Promise<void> {
  // Buttons first, from the folder state alone (the URL names the case); only a case already in
  // the folder needs its page read (new-entry marks), which can take a while on a long docket.
  const state = await send('pageSeen', { url: location.href, html: '' });
  if (!state) return;
  await mountCaseButtons(ctx, document, location.href, state, pageHtml);
  if (!state.saved || !ctx.isValid) return;
  const seen = await send('pageSeen', { url: location.href, html: await pageHtml() });
  if (seen && ctx.isValid) markEntries(oldDocketEntryRows(document), seen.newEntryIndexes);
}

/**
 * New single-page case view: the background reads the docket JSON itself. The docket renders
 * after load and tabs switch by hash, so marks wait for rows and are redone on each tab change.
 */
async function newCaseView(ctx: ContentScriptContext): Promise<void> {
  const state = await send('pageSeen', { url: location.href, html: '' });
  if (!state) return;
  await mountCaseButtons(ctx, document, location.href, state, async () => '');
  let unmark = (): void => {};
  const showMarks = async (): Promise<void> => {
    unmark();
    unmark = () => {};
    if (!/^#?docket/i.test(location.hash)) return;
    await domContentLoaded(document);
    const rows = await waitForRows(document, () => newViewEntryRows(document));
    if (ctx.isValid) unmark = markEntries(rows, state.newEntryIndexes);
  };
  ctx.addEventListener(window, 'hashchange', () => void showMarks());
  ctx.onInvalidated(() => unmark());
  await showMarks();
}
