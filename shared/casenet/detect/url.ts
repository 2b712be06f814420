import { normalizeCaseNumber, tryCaseKey } from '../key';
import type { CaseSource } from '../types';

/**
 * Case.net URL detectors: pure functions of a `URL` (no default, no DOM). Positive examples of each
 * detector live in `url.examples.ts` (tests only; production never imports it), and every detector
 * must reject every other detector's examples. A URL alone never proves a case page: Case.net
 * answers "no cases found" and maintenance with 200, so content checks live in `document.ts`.
 */

const HOSTS: ReadonlySet<string> = new Set(['www.courts.mo.gov', 'courts.mo.gov']);
/** `/{base}/{page}`, allowing the servlet's `;jsessionid=…` path parameter at the end. */
const CASENET_PATH = /^\/(casenet|cnet)\/([^;]*)(?:;jsessionid=[^/;]*)?$/;

type Base = CaseSource['base'];

/**
 * Security check, the first one every caller makes: true only for `http(s)://www.courts.mo.gov`
 * or `http(s)://courts.mo.gov` on the default port, without credentials, under `/casenet/` or
 * `/cnet/`. Rejects look-alikes such as `courts.mo.gov.evil.com`, `evilcourts.mo.gov`,
 * `www.courts.mo.gov@evil.com`, `:8443` and `/casenetx/`.
 */
export function isCasenetUrl(url: URL): boolean {
  return casenetPath(url) !== null;
}

/** `https://courts.mo.gov/cnet/cases/header.do;jsessionid=X?…` → `{base: 'cnet', page: 'cases/header.do'}`. */
function casenetPath(url: URL): { base: Base; page: string } | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!HOSTS.has(url.hostname) || url.port !== '' || url.username !== '' || url.password !== '') return null;
  const match = CASENET_PATH.exec(url.pathname);
  if (!match) return null;
  return { base: match[1] === 'cnet' ? 'cnet' : 'casenet', page: match[2] ?? '' };
}

export type OldTab = 'header' | 'docket' | 'parties' | 'charges' | 'service' | 'filings' | 'events' | 'judgements' | 'garnishment';
export type SearchKind = 'name' | 'caseNumber' | 'filingDate' | 'calendar';

/** Old (JSP) case pages, one per tab, keyed by path below the base. */
const OLD_TABS = new Map<string, OldTab>([
  ['cases/header.do', 'header'],
  ['cases/searchDockets.do', 'docket'],
  ['cases/parties.do', 'parties'],
  ['cases/charges.do', 'charges'],
  ['cases/service.do', 'service'],
  ['cases/filings.do', 'filings'],
  ['cases/events.do', 'events'],
  ['cases/judgements.do', 'judgements'],
  ['cases/garnishment.do', 'garnishment'],
]);

const SEARCHES = new Map<string, SearchKind>([
  ['cases/nameSearch.do', 'name'],
  ['cases/caseNoSearch.do', 'caseNumber'],
  ['cases/filingDateSearch.do', 'filingDate'],
  ['cases/searchResult.do', 'filingDate'],
  ['cases/calendarSearch.do', 'calendar'],
  ['cases/calendarSearchResult.do', 'calendar'],
]);

const NEW_CASE_VIEW = 'cases/newHeader.do';

export type PageKind =
  | { kind: 'oldCaseTab'; tab: OldTab; source: CaseSource; key: string }
  /** `tab` is the lower-cased hash (`docket`, `parties`, …), null when absent or odd. */
  | { kind: 'newCaseView'; tab: string | null; source: CaseSource; key: string }
  | { kind: 'search'; search: SearchKind }
  | { kind: 'none' };

/**
 * The case named by `inputVO.caseNumber` and `inputVO.courtId` (both required and valid).
 * The source keeps the court id as the URL spells it (prefix included: Case.net needs it) and
 * the case number normalised. Built without zod so the content script stays small: the gate has
 * already pinned the origin and base, and the key functions bound both ids.
 */
function caseFromQuery(url: URL, base: Base, generation: CaseSource['generation']): { source: CaseSource; key: string } | null {
  const courtId = (url.searchParams.get('inputVO.courtId') ?? '').trim();
  const rawNumber = url.searchParams.get('inputVO.caseNumber') ?? '';
  const key = tryCaseKey(courtId, rawNumber);
  const caseNumber = normalizeCaseNumber(rawNumber);
  if (key === null || caseNumber === null) return null;
  return { source: { origin: url.origin as CaseSource['origin'], base, generation, courtId, caseNumber }, key };
}

function oldCaseTab(url: URL): Extract<PageKind, { kind: 'oldCaseTab' }> | null {
  const path = casenetPath(url);
  const tab = path && OLD_TABS.get(path.page);
  if (!path || !tab) return null;
  const found = caseFromQuery(url, path.base, 'old');
  return found && { kind: 'oldCaseTab', tab, ...found };
}

function newCaseView(url: URL): Extract<PageKind, { kind: 'newCaseView' }> | null {
  const path = casenetPath(url);
  if (!path || path.page !== NEW_CASE_VIEW) return null;
  const found = caseFromQuery(url, path.base, 'new');
  const hash = url.hash.slice(1).toLowerCase();
  return found && { kind: 'newCaseView', tab: /^[a-z]{1,30}$/.test(hash) ? hash : null, ...found };
}

/**
 * Any tab of an old case page with its case in the query:
 * `/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13` (also
 * `parties.do`, `searchDockets.do`, `charges.do`, …). Not `newHeader.do`; not a tab reached by
 * POST without the query (that needs the document check).
 */
export function isOldCaseTab(url: URL): boolean {
  return oldCaseTab(url) !== null;
}

/** The old docket tab: `/casenet/cases/searchDockets.do?inputVO.caseNumber=…&inputVO.courtId=…`. */
export function isOldDocket(url: URL): boolean {
  return oldCaseTab(url)?.tab === 'docket';
}

/**
 * The new single-page case view, tabs chosen by hash:
 * `/casenet/cases/newHeader.do?inputVO.caseNumber=171155061&inputVO.courtId=CT12#docket`.
 * Not its JSON endpoints (`newHeaderData.do`, `docketEntriesSearch.do`), not old `header.do`.
 */
export function isNewCaseView(url: URL): boolean {
  return newCaseView(url) !== null;
}

/**
 * A public search page (form and results share the path): `nameSearch.do`, `caseNoSearch.do`,
 * `filingDateSearch.do` / `searchResult.do`, `calendarSearch.do` / `calendarSearchResult.do`.
 * Returns which search, or null.
 */
export function isSearchResults(url: URL): SearchKind | null {
  const path = casenetPath(url);
  return (path && SEARCHES.get(path.page)) ?? null;
}

/** The page kind of a URL; `none` means touch nothing. */
export function detectPage(url: URL): PageKind {
  const search = isSearchResults(url);
  return oldCaseTab(url) ?? newCaseView(url) ?? (search ? { kind: 'search', search } : { kind: 'none' });
}
