import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage, printable } from '../../../../shared/casenet/parse-page';
import { examples } from '../../../../shared/casenet/detect/document.examples';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/casenet');
const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');
const DOCKET = fixture('docket/old-docket-14BA-CV01093.html');
const NO_RESULTS = fixture('search/old-search-filing-date-no-results.html');
const DOCKET_URL = 'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13';

describe('parsePage', () => {
  it('recognises every kind of saved page', () => {
    expect(parsePage(DOCKET)).toMatchObject({ kind: 'docket', caseNumber: '14BA-CV01093', courtId: 'CT13' });
    expect(parsePage(fixture('parties/old-parties-200833276.html'))).toMatchObject({ kind: 'parties', caseNumber: '200833276' });
    expect(parsePage(fixture('search/old-search-filing-date-CT12-2021-02-02.html'))).toMatchObject({ kind: 'search-results' });
    expect(parsePage(fixture('header-json/new-header-171155061.json'))).toMatchObject({ kind: 'header', caseNumber: '171155061' });
    expect(parsePage(fixture('events/handmade-events-14BA-CV01093.html'))).toMatchObject({ kind: 'events' });
  });

  it('maintenance, not-found and bot-check pages are their own kinds, before any data', () => {
    for (const html of examples.isMaintenancePage) expect(parsePage(html)).toEqual({ kind: 'maintenance' });
    for (const html of examples.isBotCheck) expect(parsePage(html)).toMatchObject({ kind: 'error', reason: 'bot-check' });
    expect(parsePage(fixture('hostile/not-found-case.html'))).toEqual({ kind: 'not-found' });
  });

  it('a search form saying "no matches" is an empty list, but not-found when a case was asked for', () => {
    expect(parsePage(NO_RESULTS)).toEqual({ kind: 'search-results', rows: [] });
    expect(parsePage(NO_RESULTS, new URL(DOCKET_URL))).toEqual({ kind: 'not-found' });
  });

  it('empty hidden case inputs on search pages do not make a case page', () => {
    const result = parsePage(fixture('search/old-search-filing-date-CT12-2021-02-02.html'));
    expect(result.kind).toBe('search-results');
    const other = parsePage(fixture('hostile/other-site.html'));
    expect(other).toEqual({ kind: 'not-a-case-page' });
  });

  it('a docket page that cannot be read is an error with a reason', () => {
    expect(parsePage(DOCKET.slice(0, DOCKET.length / 2))).toMatchObject({ kind: 'error', reason: 'truncated' });
    expect(parsePage(DOCKET.replace('class="detailRecordTable"', 'class="x"'))).toMatchObject({ kind: 'error', reason: 'layout-changed' });
    const noIdentity = DOCKET.replaceAll('inputVO.caseNumber', 'x').replace('class="searchType">14BA', 'class="searchType">Dockets 14BA');
    expect(parsePage(noIdentity)).toMatchObject({ kind: 'error', reason: 'layout-changed' });
  });

  it('never yields a shorter docket from a cut page', () => {
    for (let cut = 2_000; cut < DOCKET.length - 5; cut += 2_999) {
      const result = parsePage(DOCKET.slice(0, cut));
      expect(result.kind, `cut at ${cut}`).not.toBe('docket');
    }
  });

  it('takes a missing court id or case number from the URL query', () => {
    const noCourt = DOCKET.replaceAll('name="inputVO.courtId" value="CT13"', 'name="inputVO.courtId" value=""');
    expect(parsePage(noCourt)).toMatchObject({ kind: 'docket', courtId: null });
    expect(parsePage(noCourt, new URL(DOCKET_URL))).toMatchObject({ kind: 'docket', courtId: 'CT13' });
    const json = JSON.stringify({ docketTabModelList: [{ filingDate: '03/04/2015', docketDesc: 'Order', sequenceNumber: 1 }] });
    expect(parsePage(json)).toMatchObject({ kind: 'error', reason: 'layout-changed' });
    const url = new URL('https://www.courts.mo.gov/cnet/cases/docketEntriesSearch.do?caseNumber=14BA-CV01093&courtId=CT13&displayOption=A');
    expect(parsePage(json, url)).toMatchObject({ kind: 'docket', caseNumber: '14BA-CV01093', courtId: 'CT13', entries: [{ title: 'Order', sequence: 1 }] });
  });

  it('JSON: cut-off bodies are truncated, unknown bodies are not case pages', () => {
    expect(parsePage('{"docketTabModelList":[{"filingDate":"03/04')).toMatchObject({ kind: 'error', reason: 'truncated' });
    expect(parsePage('{"hello":"world"}')).toEqual({ kind: 'not-a-case-page' });
    expect(parsePage('[1,2]')).toEqual({ kind: 'not-a-case-page' });
  });

  it('printable() drops a null sequence and keeps a real one', () => {
    const old = printable(parsePage(DOCKET)) as { entries: object[] };
    expect(Object.keys(old.entries[0] ?? {})).toEqual(['date', 'title', 'text', 'filedBy', 'onBehalfOf', 'scheduledFor']);
    const fresh = printable(parsePage(fixture('docket-json/docketEntriesSearch-14BA-CV01093.json'))) as { entries: object[] };
    expect(fresh.entries[0]).toHaveProperty('sequence', 60);
  });
});
