import { type Parsed, type SearchRow } from '../types';
import { attr, byTag, cellsOf, findAllIn, findFirstIn, hasClass, textOf, type Element } from '../html';
import { normalizeText, usDateToIso } from '../normalize';
import { parseOldPage, type OldPage } from './common';

// Old search result lists (`filingDateSearch.do` / `searchResult.do`, `nameSearch.do`,
// `caseNoSearch.do`): a header row of `td.header` cells, then one row per case whose `td.td1` /
// `td.td2` cells hold a `javascript:goToThisCase('CASENUMBER', 'COURTID')` link. Columns are
// matched by their header labels; the filing-date list's order is the fallback.

type Column = 'filingDate' | 'caseNumber' | 'caption' | 'caseType' | 'location';
const FALLBACK_ORDER: Column[] = ['filingDate', 'caseNumber', 'caption', 'caseType', 'location'];
const GO_TO_CASE = /goToThisCase\(\s*'([^']*)'\s*(?:,\s*'([^']*)')?/;

export const parseOldSearch = (html: string): Parsed<SearchRow[]> => readOldSearch(parseOldPage(html));

/** Result rows in page order; a "no matches" page gives an empty list. */
export function readOldSearch(page: OldPage): Parsed<SearchRow[]> {
  let columns: (Column | null)[] = FALLBACK_ORDER;
  const rows: SearchRow[] = [];
  for (const tr of findAllIn(page.doc.children, byTag('tr'))) {
    const cells = cellsOf(tr);
    const headers = cells.filter((cell) => hasClass(cell, 'header'));
    if (headers.length > 0) {
      columns = headers.map((cell) => columnFor(textOf(cell)));
      continue;
    }
    const row = readRow(cells.filter((cell) => hasClass(cell, 'td1') || hasClass(cell, 'td2')), columns);
    if (row !== null) rows.push(row);
  }
  return { ok: true, value: rows };
}

function readRow(cells: Element[], columns: (Column | null)[]): SearchRow | null {
  const link = findFirstIn(cells, (el) => el.name === 'a' && GO_TO_CASE.test(attr(el, 'href') ?? ''));
  const match = link === null ? null : GO_TO_CASE.exec(attr(link, 'href') ?? '');
  const caseNumber = normalizeText(match?.[1]);
  if (!match || caseNumber === null) return null;
  const row: SearchRow = { caseNumber, courtId: normalizeText(match[2]), caption: null, filingDate: null, location: null, caseType: null };
  cells.forEach((cell, i) => {
    const column = columns[i];
    const text = textOf(cell);
    if (column === 'filingDate') row.filingDate = usDateToIso(text);
    else if (column === 'caption' || column === 'caseType' || column === 'location') row[column] = text;
  });
  return row;
}

function columnFor(label: string | null): Column | null {
  const text = (label ?? '').toLowerCase();
  if (/date filed|filing date|file date/.test(text)) return 'filingDate';
  if (/case (?:number|#)/.test(text)) return 'caseNumber';
  if (/style of case|caption|case description/.test(text)) return 'caption';
  if (/case type/.test(text)) return 'caseType';
  if (/location|court/.test(text)) return 'location';
  return null;
}
