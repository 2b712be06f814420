import { HTML, type RouteKind, type SimResponse } from './faults';
import { captionTable, esc, oldPage, type Base } from './html';
import { chargesJson, docketJson, eventJson, headerJson, partyJson, renderNewView } from './render-new';
import { renderCaseNotFound, renderOldTab, type OldTab } from './render-old';
import { renderSearch, searchCases, type SearchKind } from './render-search';
import type { SimCase, SimState } from './state';

// Case.net paths (below /casenet/ or /cnet/) → what to answer. Each route says what kind of page
// it is (so faults apply only where they make sense) and renders itself in a variant: normal, or
// distorted by a fault (empty docket, changed layout, "no matches").

export type Variant = 'normal' | 'empty' | 'layout' | 'notfound';
export type Route = { kind: RouteKind; render(variant: Variant): SimResponse };

const JSON_TYPE = 'application/json;charset=UTF-8';

const OLD_TABS: Record<string, OldTab> = {
  'cases/header.do': 'header',
  'cases/searchDockets.do': 'docket',
  'cases/parties.do': 'parties',
  'cases/events.do': 'events',
  'cases/charges.do': 'charges',
  'cases/service.do': 'service',
  'cases/filings.do': 'filings',
  'cases/judgements.do': 'judgements',
  'cases/garnishment.do': 'garnishment',
};

const SEARCHES: Record<string, SearchKind> = {
  'cases/caseNoSearch.do': 'caseNumber',
  'cases/nameSearch.do': 'name',
  'cases/filingDateSearch.do': 'filingDate',
  'cases/searchResult.do': 'filingDate',
  'cases/calendarSearch.do': 'calendar',
  'cases/calendarSearchResult.do': 'calendar',
};

type JsonPage = { kind: RouteKind; body: (c: SimCase, variant: Variant, params: URLSearchParams) => unknown };
const JSON_PAGES: Record<string, JsonPage> = {
  'cases/newHeaderData.do': { kind: 'case', body: (c, v) => headerJson(c, v === 'layout' ? 'layout' : 'normal') },
  'cases/docketEntriesSearch.do': {
    kind: 'docket',
    body: (c, v, params) => docketJson(c, v === 'empty' || v === 'layout' ? v : 'normal', params.get('sortOption') === 'A' ? 'A' : 'D'),
  },
  'cases/party.do': { kind: 'case', body: (c) => partyJson(c) },
  'cases/event.do': { kind: 'case', body: (c) => eventJson(c) },
};

const html = (body: string, status = 200): SimResponse => ({ status, type: HTML, body });

/** A JSON answer, compact like the real endpoints. */
const jsonResponse = (value: unknown): SimResponse => ({ status: 200, type: JSON_TYPE, body: JSON.stringify(value) });

/** The route for `page` (path below the base), or null when Case.net has no such page. */
export function resolveRoute(state: SimState, base: Base, page: string, params: URLSearchParams): Route | null {
  const oldId = { court: params.get('inputVO.courtId'), number: params.get('inputVO.caseNumber') };
  const newId = { court: params.get('courtId') ?? oldId.court, number: params.get('caseNumber') ?? oldId.number };
  const caseRoute = (kind: RouteKind, id: { court: string | null; number: string | null }, render: (c: SimCase, v: Variant) => SimResponse): Route => ({
    kind,
    render: (variant) => {
      const found = state.findCase(id.court, id.number);
      return found === undefined || variant === 'notfound' ? html(renderCaseNotFound(base)) : render(found, variant);
    },
  });

  // `charges.do` is both an old tab (inputVO.* parameters) and a JSON endpoint of the new view.
  if (page === 'cases/charges.do' && oldId.number === null && newId.number !== null) {
    return caseRoute('case', newId, (c) => jsonResponse(chargesJson(c)));
  }
  const tab = OLD_TABS[page];
  if (tab !== undefined) {
    const sortBy = params.get('inputVO.sortBy') === 'A' ? 'A' : 'D';
    return caseRoute(tab === 'docket' ? 'docket' : 'case', oldId, (c, v) =>
      html(renderOldTab(c, base, tab, { variant: v === 'empty' || v === 'layout' ? v : 'normal', sortBy })),
    );
  }
  if (page === 'cases/newHeader.do') return caseRoute('case', oldId.number === null ? newId : oldId, (c) => html(renderNewView(c, base)));
  const jsonPage = JSON_PAGES[page];
  if (jsonPage !== undefined) return caseRoute(jsonPage.kind, newId, (c, v) => jsonResponse(jsonPage.body(c, v, params)));
  const search = SEARCHES[page];
  if (search !== undefined) {
    return {
      kind: 'search',
      render: (variant) => {
        const body = renderSearch(search, base, params, searchCases(state.listCases(), search, params));
        return html(variant === 'layout' ? body.replace(/class="td([12])"/g, 'class="resultRow$1"') : body);
      },
    };
  }
  if (page === '' || page === 'index.jsp' || page === 'base/welcome.do') return { kind: 'other', render: () => html(homePage(state, base)) };
  return null;
}

/** Case.net's start page, listing the simulated cases (handy with `npm start`). */
function homePage(state: SimState, base: Base): string {
  const rows = state
    .listCases()
    .map((c) => {
      const query = `inputVO.caseNumber=${encodeURIComponent(c.caseNumber)}&amp;inputVO.courtId=${encodeURIComponent(c.courtId)}`;
      return `\t<tr>\n\t\t<td class="td1">${esc(c.caseNumber)}</td>\n\t\t<td class="td1">${esc(c.caption)}</td>\n\t\t<td class="td1"><a href="${base}/cases/searchDockets.do?${query}">Docket</a> | <a href="${base}/cases/header.do?${query}">Header</a> | <a href="${base}/cases/newHeader.do?${query}#docket">New view</a></td>\n\t</tr>`;
    })
    .join('\n');
  return oldPage({
    base,
    title: 'Case.net: Missouri - Welcome',
    body: `${captionTable('Welcome to Case.net')}\n<table cellspacing="2" align="center" width="100%">\n${rows}\n</table>`,
  });
}

/** Case.net's answer for a path it does not serve. */
export const pageNotFound = (base: Base): SimResponse =>
  html(oldPage({ base, title: 'Case.net: Page Not Found', body: captionTable('The page you requested is not available.') }), 404);
