import { detectPage } from '../../../shared/casenet/detect/url';
import { tryCaseKey } from '../../../shared/casenet/key';
import type { SearchRow } from '../../../shared/casenet/types';
import type { Ctx } from './context';
import { removeCase, setTracked } from './folder';

/**
 * Un-track or remove the case a content script shows: the key comes from the page URL (case
 * page) or from the search row on a search page, never from the page's say-so alone.
 */
export async function pageCaseAction(ctx: Ctx, input: { url: string; row?: SearchRow | undefined; action: 'untrack' | 'remove' }): Promise<{ key: string; saved: boolean; tracked: boolean }> {
  const page = detectPage(new URL(input.url));
  let key: string | null = null;
  if (page.kind === 'oldCaseTab' || page.kind === 'newCaseView') key = page.key;
  else if (page.kind === 'search' && input.row?.courtId) key = tryCaseKey(input.row.courtId, input.row.caseNumber);
  if (!key) throw new Error('This page does not show a case that can be changed.');
  if (input.action === 'remove') {
    await removeCase(ctx, key);
    return { key, saved: false, tracked: false };
  }
  const summary = await setTracked(ctx, key, false);
  return { key, saved: summary.saved, tracked: summary.tracked };
}
