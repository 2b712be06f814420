import { tryCaseKey } from './key';
import { CaseSource } from './types';

/**
 * Request builders for Case.net. Every URL is built from a `CaseSource`, re-validated here, so
 * only allowlisted origins (www.courts.mo.gov / courts.mo.gov), the two path bases and well-formed
 * case ids can ever be requested; anything else throws.
 */

export type CasenetRequest = { url: string; method: 'GET' | 'POST'; body?: string; contentType?: string };

const FORM = 'application/x-www-form-urlencoded; charset=UTF-8';

function checked(source: CaseSource): CaseSource {
  const parsed = CaseSource.safeParse(source);
  if (!parsed.success || tryCaseKey(parsed.data.courtId, parsed.data.caseNumber) === null) {
    throw new Error('refusing to build a Case.net request from an invalid case source');
  }
  return parsed.data;
}

const pageUrl = (s: CaseSource, page: string, query: Record<string, string>): string =>
  `${s.origin}/${s.base}/cases/${page}?${new URLSearchParams(query).toString()}`;

const oldQuery = (s: CaseSource) => ({ 'inputVO.caseNumber': s.caseNumber, 'inputVO.courtId': s.courtId });

/**
 * The docket. Old: GET `cases/searchDockets.do?inputVO.caseNumber=…&inputVO.courtId=…` (HTML).
 * New: POST `cases/docketEntriesSearch.do?displayOption=A&sortOption=D&hasChange=false` (JSON).
 */
export function docketRequest(source: CaseSource): CasenetRequest {
  const s = checked(source);
  if (s.generation === 'old') return { url: pageUrl(s, 'searchDockets.do', oldQuery(s)), method: 'GET' };
  return {
    url: pageUrl(s, 'docketEntriesSearch.do', { displayOption: 'A', sortOption: 'D', hasChange: 'false' }),
    method: 'POST',
    body: new URLSearchParams({ caseNumber: s.caseNumber, courtId: s.courtId, isTicket: '', tabName: 'Docket' }).toString(),
    contentType: FORM,
  };
}

/** The header. Old: GET `cases/header.do?…` (HTML). New: POST `cases/newHeaderData.do` (JSON). */
export function headerRequest(source: CaseSource): CasenetRequest {
  const s = checked(source);
  if (s.generation === 'old') return { url: pageUrl(s, 'header.do', oldQuery(s)), method: 'GET' };
  return {
    url: `${s.origin}/${s.base}/cases/newHeaderData.do`,
    method: 'POST',
    body: new URLSearchParams({ caseNumber: s.caseNumber, courtId: s.courtId, isTicket: '', locnCode: '' }).toString(),
    contentType: FORM,
  };
}

/** The page a person opens for the case: old `header.do?…`, new `newHeader.do?…#docket`. */
export function caseViewUrl(source: CaseSource): string {
  const s = checked(source);
  return s.generation === 'old' ? pageUrl(s, 'header.do', oldQuery(s)) : `${pageUrl(s, 'newHeader.do', oldQuery(s))}#docket`;
}
