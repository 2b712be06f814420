import type { DocketPage, FailureReason, HeaderPage, Parsed, SearchRow } from './types';
import { looksTruncated, pageMessages } from './detect/document';
import { parseHtml, textOf } from './html';
import { caseFormInputs, indexOldPage, readCaptionCell, type OldPage } from './parse-old/common';
import { readOldDocket } from './parse-old/docket';
import { readOldHeader } from './parse-old/header';
import { readOldParties, type PartiesPage } from './parse-old/parties';
import { readOldEvents, type EventsPage } from './parse-old/events';
import { readOldSearch } from './parse-old/search';
import { parseNewDocket, type CaseRef } from './parse-new/docket';
import { parseNewHeader } from './parse-new/header';

// The one dispatcher: any Case.net answer (old JSP HTML or new JSON) → a tagged result. Used by
// the CLI, the extension background and the backend poller. Order: bot check, maintenance and
// "no match" before any data; a page that claims to be a case page but cannot be read is an
// error, never an empty docket.

export type PageResult =
  | ({ kind: 'docket' } & DocketPage)
  | ({ kind: 'header' } & HeaderPage)
  | ({ kind: 'parties' } & PartiesPage)
  | ({ kind: 'events' } & EventsPage)
  | { kind: 'search-results'; rows: SearchRow[] }
  | { kind: 'not-found' }
  | { kind: 'maintenance' }
  | { kind: 'not-a-case-page' }
  | { kind: 'error'; reason: FailureReason; message: string };

type CaseKind = 'docket' | 'header' | 'parties' | 'events';

export function parsePage(text: string, url?: URL): PageResult {
  const ref = caseRefFromUrl(url);
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') return parseJson(text, ref);
  const says = pageMessages(text);
  if (says.botCheck) return error('bot-check', 'Case.net answered with an access-denied or bot-check page');
  if (says.maintenance) return { kind: 'maintenance' };

  const page = indexOldPage(parseHtml(text));
  const caseLike = readCaptionCell(page) !== null || caseFormInputs(page).size > 0;
  const searchLike = !caseLike && isSearchPage(page);
  if (says.notFound) {
    // A search form saying "no matches" is an empty result list, unless a case was asked for.
    return searchLike && ref.caseNumber === null ? searchResults(page, text) : { kind: 'not-found' };
  }
  if (searchLike) return searchResults(page, text);
  const kind = caseKind(page, url);
  if (kind === null) return { kind: 'not-a-case-page' };
  // A case tab says so through its caption/hidden inputs, its page script, or the URL asked for.
  if (!caseLike && page.pageName === null && ref.caseNumber === null) return { kind: 'not-a-case-page' };
  if (looksTruncated(text)) return error('truncated', `${kind} page is cut off before its end`);
  if (!caseLike) return error('layout-changed', `${kind} page shows no case number or caption`);
  return readCase(kind, page, ref);
}

function readCase(kind: CaseKind, page: OldPage, ref: Required<CaseRef>): PageResult {
  switch (kind) {
    case 'docket': {
      const parsed = readOldDocket(page);
      return parsed.ok ? { kind, ...withCourt(parsed.value, ref) } : error(parsed.reason, parsed.message);
    }
    case 'header':
      return headerResult(readOldHeader(page), ref);
    case 'parties': {
      const parsed = readOldParties(page);
      return parsed.ok ? { kind, ...withCourt(parsed.value, ref) } : error(parsed.reason, parsed.message);
    }
    case 'events': {
      const parsed = readOldEvents(page);
      return parsed.ok ? { kind, ...withCourt(parsed.value, ref) } : error(parsed.reason, parsed.message);
    }
  }
}

const headerResult = (parsed: Parsed<HeaderPage>, ref: Required<CaseRef>): PageResult =>
  parsed.ok ? { kind: 'header', ...withCourt(parsed.value, ref) } : error(parsed.reason, parsed.message);

/** The page's own court id wins; the URL's fills a gap. */
const withCourt = <T extends { courtId: string | null }>(value: T, ref: Required<CaseRef>): T => ({
  ...value,
  courtId: value.courtId ?? ref.courtId,
});

function parseJson(text: string, ref: Required<CaseRef>): PageResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return error('truncated', 'JSON body is cut off or malformed');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { kind: 'not-a-case-page' };
  if ('docketTabModelList' in body) {
    const parsed = parseNewDocket(body, ref);
    return parsed.ok ? { kind: 'docket', ...parsed.value } : error(parsed.reason, parsed.message);
  }
  if ('caseNumber' in body && ('caseDesc' in body || 'judgeDetails' in body || 'caseDispositionDetail' in body)) {
    return headerResult(parseNewHeader(body), ref);
  }
  return { kind: 'not-a-case-page' };
}

function searchResults(page: OldPage, text: string): PageResult {
  const rows = readOldSearch(page);
  if (!rows.ok) return error(rows.reason, rows.message);
  if (rows.value.length > 0 && looksTruncated(text)) return error('truncated', 'search results page is cut off before its end');
  return { kind: 'search-results', rows: rows.value };
}

/** Search forms and result lists title their `td.searchType` cell ("Filing Date Search", …). */
function isSearchPage(page: OldPage): boolean {
  if (/\bsearch\b/i.test(page.title ?? '') && /case\.?net/i.test(page.title ?? '')) return true;
  return page.captionCells.some((cell) => /\bsearch\b/i.test(textOf(cell) ?? ''));
}

const PAGE_NAMES: Record<string, CaseKind> = { dockets: 'docket', header: 'header', parties: 'parties', events: 'events' };
const PATHS: [RegExp, CaseKind][] = [
  [/\/searchDockets\.do$/i, 'docket'],
  [/\/header\.do$/i, 'header'],
  [/\/parties\.do$/i, 'parties'],
  [/\/events\.do$/i, 'events'],
];
const TITLES: [RegExp, CaseKind][] = [
  [/docket/i, 'docket'],
  [/part(?:y|ies)/i, 'parties'],
  [/hearing|event/i, 'events'],
  [/header/i, 'header'],
];

/** Which case tab: the page script's `pageName`, else the title, else the URL path. */
function caseKind(page: OldPage, url: URL | undefined): CaseKind | null {
  if (page.pageName !== null) return PAGE_NAMES[page.pageName] ?? null;
  const title = page.title ?? '';
  const byTitle = TITLES.find(([pattern]) => pattern.test(title));
  if (byTitle) return byTitle[1];
  const path = url?.pathname ?? '';
  return PATHS.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}

/** `inputVO.caseNumber` / `inputVO.courtId` (old) or `caseNumber` / `courtId` (new) query values. */
function caseRefFromUrl(url: URL | undefined): Required<CaseRef> {
  const get = (...names: string[]): string | null => {
    for (const name of names) {
      const value = url?.searchParams.get(name)?.trim();
      if (value) return value;
    }
    return null;
  };
  return { caseNumber: get('inputVO.caseNumber', 'caseNumber'), courtId: get('inputVO.courtId', 'courtId') };
}

const error = (reason: FailureReason, message: string): PageResult => ({ kind: 'error', reason, message });

/**
 * The JSON the CLI prints and fixture expectations record: docket entries carry the six compared
 * fields, plus `sequence` only when the page had one.
 */
export function printable(result: PageResult): Record<string, unknown> {
  if (result.kind !== 'docket') return result;
  const entries = result.entries.map(({ sequence, ...rest }) => (sequence === null ? rest : { ...rest, sequence }));
  return { kind: 'docket', caseNumber: result.caseNumber, courtId: result.courtId, caption: result.caption, entries };
}
