import type { ContentScriptContext } from '#imports';
import type { SearchRowState } from '../../../lib/protocol';
import { send } from '../../../lib/send';
import { renderButtonPair, type PairActions } from './button-pair';
import { mountShadow } from './mount';

/** Result rows in page order: rows with a `goToThisCase('…')` link, and the cell holding it. */
export function searchResultCells(doc: Document): HTMLTableCellElement[] {
  return [...doc.querySelectorAll<HTMLAnchorElement>('td.td1 a[href*="goToThisCase"], td.td2 a[href*="goToThisCase"]')].flatMap((a) => {
    const cell = a.closest('td');
    return cell ? [cell] : [];
  });
}

function rowActions(url: string, state: SearchRowState): PairActions {
  const { row } = state;
  return {
    save: async (track) => send('saveRow', { url, row, track }),
    untrack: async () => send('pageCaseAction', { url, row, action: 'untrack' }),
    remove: async () => send('pageCaseAction', { url, row, action: 'remove' }),
  };
}

/**
 * A small Track/Save pair in each search-result row. The background parses the page and says
 * which rows are in the folder; a row is paired with its cell only when the case numbers agree.
 */
export async function mountSearchRowButtons(ctx: ContentScriptContext, doc: Document, url: string): Promise<() => void> {
  const { rows } = await send('searchSeen', { url, html: doc.documentElement.outerHTML });
  const cells = searchResultCells(doc);
  const cleanups: (() => void)[] = [];
  for (const [i, state] of rows.entries()) {
    const cell = cells[i];
    if (!cell || state.key === null || !(cell.textContent ?? '').includes(state.row.caseNumber)) continue;
    cleanups.push(await mountShadow(ctx, cell, 'last', (container) => renderButtonPair(container, state.row.caseNumber, state, rowActions(url, state))));
  }
  return () => cleanups.forEach((cleanup) => cleanup());
}
