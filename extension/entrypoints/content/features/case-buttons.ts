import type { ContentScriptAppendMode, ContentScriptContext } from '#imports';
import type { PageState } from '../../../lib/protocol';
import { send } from '../../../lib/send';
import { renderButtonPair, type PairActions } from './button-pair';
import { mountShadow } from './mount';
import { whenParsed } from './parsed';

/**
 * Where the buttons go: beside the caption cell on old tabs (as soon as the parser is past it),
 * at the top of the body otherwise.
 */
export async function caseButtonsAnchor(doc: Document): Promise<{ anchor: Element; append: ContentScriptAppendMode } | null> {
  const caption = await whenParsed(doc, () => doc.querySelector('td.searchType'));
  if (caption) return { anchor: caption, append: 'last' };
  return doc.body ? { anchor: doc.body, append: 'first' } : null;
}

/** Actions of a case page's pair: the case is always the one the page URL names. */
export function casePageActions(url: string, pageHtml: () => Promise<string>): PairActions {
  return {
    save: async (track) => send('savePage', { url, html: await pageHtml(), track }),
    untrack: async () => send('pageCaseAction', { url, action: 'untrack' }),
    remove: async () => send('pageCaseAction', { url, action: 'remove' }),
  };
}

/** Track and Save buttons for the case this page shows. Returns a cleanup. */
export async function mountCaseButtons(ctx: ContentScriptContext, doc: Document, url: string, state: PageState, pageHtml: () => Promise<string>): Promise<() => void> {
  const place = await caseButtonsAnchor(doc);
  if (!place || !ctx.isValid) return () => {};
  return mountShadow(ctx, place.anchor, place.append, (container) => renderButtonPair(container, state.caseNumber, state, casePageActions(url, pageHtml)));
}
