import { detectPage } from '../../../shared/casenet/detect/url';
import { parseCaseKey, tryCaseKey } from '../../../shared/casenet/key';
import { parsePage } from '../../../shared/casenet/parse-page';
import { CaseSource, type SearchRow } from '../../../shared/casenet/types';
import type { SearchRowState } from '../../lib/protocol';
import { describeFailure } from './casenet-client';
import type { Ctx } from './context';
import { saveCase } from './folder';
import { checkCase } from './refresher';

/** A search result list is shown: its rows (page order) with whether each is in the folder. */
export async function searchSeen(ctx: Ctx, input: { url: string; html: string }): Promise<{ rows: SearchRowState[] }> {
  const url = new URL(input.url);
  if (detectPage(url).kind !== 'search') return { rows: [] };
  const result = parsePage(input.html, url);
  if (result.kind !== 'search-results') return { rows: [] };
  const keys = result.rows.map((row) => (row.courtId ? tryCaseKey(row.courtId, row.caseNumber) : null));
  const stored = await ctx.db.cases.bulkGet(keys.map((k) => k ?? ''));
  return {
    rows: result.rows.map((row, i) => ({ row, key: keys[i] ?? null, saved: stored[i]?.saved ?? false, tracked: stored[i]?.tracked ?? false })),
  };
}

/** Old-generation source on the same origin and path base as the search page the row came from. */
function sourceFor(pageUrl: URL, courtId: string, caseNumber: string): CaseSource {
  const base = pageUrl.pathname.startsWith('/cnet/') ? 'cnet' : 'casenet';
  return CaseSource.parse({ origin: pageUrl.origin, base, generation: 'old', courtId: courtId.trim(), caseNumber });
}

/** Save/Track pressed on a search row: store the row's facts now, fetch its docket afterwards. */
export async function saveRow(ctx: Ctx, input: { url: string; row: SearchRow; track: boolean }): Promise<{ key: string; saved: boolean; tracked: boolean }> {
  const url = new URL(input.url);
  if (detectPage(url).kind !== 'search') throw new Error(describeFailure('search page', { reason: 'not-a-case-page' }));
  const { row } = input;
  const key = row.courtId ? tryCaseKey(row.courtId, row.caseNumber) : null;
  const id = key === null ? null : parseCaseKey(key);
  if (!key || !id || !row.courtId) throw new Error(`Case ${row.caseNumber.slice(0, 40)} does not say which court it is in, so it cannot be saved from this list. Open the case and save it there.`);
  const { courtId, caseNumber } = id;
  const fields: Record<string, string> = {};
  if (row.filingDate) fields['Date Filed'] = row.filingDate;
  if (row.location) fields['Location'] = row.location;
  if (row.caseType) fields['Case Type'] = row.caseType;
  const saved = await saveCase(ctx, { key, courtId, caseNumber, caption: row.caption, fields: Object.keys(fields).length ? fields : null, source: sourceFor(url, row.courtId, caseNumber), docket: null, track: input.track });
  if (saved.docketAt === null) ctx.defer(() => checkCase(ctx, key));
  return { key, saved: saved.saved, tracked: saved.tracked };
}
