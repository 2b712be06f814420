/**
 * Example URLs for the detectors in `url.ts` (tests only: production never imports this file).
 * Each detector's list holds URLs it must accept; every other detector must reject them. A list
 * entry without `://` names another detector whose examples it borrows (a superset).
 * `urlsThatDontMatch` holds URLs no detector may accept; `notCasenet` must also fail the host gate.
 */

export const examples: Record<string, readonly string[]> = {
  isOldCaseTab: [
    'isOldDocket',
    'https://www.courts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
    'https://www.courts.mo.gov/casenet/cases/parties.do?inputVO.caseNumber=200833276&inputVO.courtId=SMPDB0001_CT06',
    'https://www.courts.mo.gov/casenet/cases/charges.do?inputVO.caseNumber=22JE-CR01234&inputVO.courtId=CT23',
    'https://www.courts.mo.gov/casenet/cases/service.do?inputVO.caseNumber=20SL-CC00807&inputVO.courtId=CT21',
    'https://www.courts.mo.gov/casenet/cases/filings.do?inputVO.caseNumber=1622-FC01709-01&inputVO.courtId=CT22',
    'https://www.courts.mo.gov/casenet/cases/events.do?inputVO.caseNumber=0722-CV12345&inputVO.courtId=SMPDB0010_CT22',
    'https://www.courts.mo.gov/casenet/cases/judgements.do?inputVO.caseNumber=SC99999&inputVO.courtId=OSCDB0024_SUP',
    'https://www.courts.mo.gov/casenet/cases/garnishment.do?inputVO.caseNumber=ED112233&inputVO.courtId=OSCDB0024_EAP',
    'https://courts.mo.gov/cnet/cases/header.do?inputVO.courtId=CT12&inputVO.caseNumber=171155061',
    'http://www.courts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=WD86000&inputVO.courtId=OSCDB0024_WAP',
    'https://www.courts.mo.gov:443/casenet/cases/parties.do?inputVO.caseNumber=SD37000&inputVO.courtId=OSCDB0024_SAP',
  ],
  isOldDocket: [
    'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
    'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=14ba-cv01093&inputVO.courtId=ct13&inputVO.sortBy=A',
    'https://courts.mo.gov/cnet/cases/searchDockets.do?inputVO.caseNumber=20SL-CC00807&inputVO.courtId=SMPDB0010_CT22',
    'https://www.courts.mo.gov/casenet/cases/searchDockets.do;jsessionid=0A1B2C3D4E5F?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  ],
  isNewCaseView: [
    'https://www.courts.mo.gov/cnet/cases/newHeader.do?inputVO.caseNumber=171155061&inputVO.courtId=CT12#docket',
    'https://www.courts.mo.gov/cnet/cases/newHeader.do?inputVO.caseNumber=171155061&inputVO.courtId=CT12&inputVO.isTicket=false',
    'https://www.courts.mo.gov/casenet/cases/newHeader.do?inputVO.caseNumber=20SL-CC00807&inputVO.courtId=SMPDB0010_CT22#parties',
    'https://courts.mo.gov/casenet/cases/newHeader.do?inputVO.caseNumber=1622-FC01709-01&inputVO.courtId=CT22#charges',
  ],
  isSearchResults: [
    'https://www.courts.mo.gov/casenet/cases/nameSearch.do',
    'https://www.courts.mo.gov/cnet/cases/nameSearch.do?inputVO.lastName=SMITH&inputVO.courtId=CT22',
    'https://www.courts.mo.gov/casenet/cases/caseNoSearch.do',
    'https://www.courts.mo.gov/casenet/cases/caseNoSearch.do?inputVO.caseNumber=20SL-CC00807&inputVO.courtId=CT21',
    'https://www.courts.mo.gov/casenet/cases/filingDateSearch.do',
    'https://www.courts.mo.gov/casenet/cases/searchResult.do',
    'https://courts.mo.gov/casenet/cases/calendarSearch.do',
    'https://www.courts.mo.gov/cnet/cases/calendarSearchResult.do?inputVO.courtId=CT13',
  ],
};

/** Off Case.net, or Case.net's host look-alikes: the gate rejects them, and so does every detector. */
export const notCasenet: readonly string[] = [
  'https://courts.mo.gov.evil.com/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://evilcourts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://evil.courts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov@evil.com/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://user:pw@www.courts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov./casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov:8443/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'http://www.courts.mo.gov:443/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'ftp://www.courts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/casenetx/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/Casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/casenet/../evil/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/page.jsp?id=27&next=/casenet/cases/header.do',
  'https://www.courts.mo.gov/ecf/secure/search.do',
  'https://www.courts.mo.gov/fv/c/14BA-CV01093/document.pdf',
  'https://example.com/casenet/cases/newHeader.do?inputVO.caseNumber=171155061&inputVO.courtId=CT12#docket',
];

/** URLs no detector may accept: the negatives that are not already someone's example. */
export const urlsThatDontMatch: readonly string[] = [
  ...notCasenet,
  // Case.net, but not a page we act on.
  'https://www.courts.mo.gov/casenet/base/welcome.do',
  'https://www.courts.mo.gov/casenet/index.jsp',
  'https://www.courts.mo.gov/casenet/cases/searchCases.do',
  'https://www.courts.mo.gov/casenet/security/logonPage.do',
  // Case tabs without their case in the query (reached by POST, or the form's empty inputs).
  'https://www.courts.mo.gov/casenet/cases/header.do',
  'https://www.courts.mo.gov/casenet/cases/searchDockets.do',
  'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=&inputVO.courtId=',
  'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=14BA-CV01093',
  'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.courtId=CT13',
  'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=%20%20&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=NOT+A+CASE&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT%7C13',
  'https://www.courts.mo.gov/cnet/cases/newHeader.do',
  'https://www.courts.mo.gov/cnet/cases/newHeader.do?inputVO.caseNumber=171155061#docket',
  // Near misses in path or parameter names.
  'https://www.courts.mo.gov/casenet/cases/header.do?caseNumber=14BA-CV01093&courtId=CT13',
  'https://www.courts.mo.gov/casenet/cases/headers.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/casenet/cases/header.doc?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/casenet/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/casenet/cases/x/searchDockets.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  'https://www.courts.mo.gov/casenet/cases/newheader.do?inputVO.caseNumber=171155061&inputVO.courtId=CT12',
  'https://www.courts.mo.gov/casenet/cases/searchdockets.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
  // The new view's JSON endpoints (fetched by the refresher, never opened as pages).
  'https://www.courts.mo.gov/cnet/cases/newHeaderData.do?caseNumber=171155061&courtId=CT12&isTicket=&locnCode=',
  'https://www.courts.mo.gov/cnet/cases/newHeaderData.do?inputVO.caseNumber=171155061&inputVO.courtId=CT12',
  'https://www.courts.mo.gov/cnet/cases/docketEntriesSearch.do?displayOption=A&sortOption=D&hasChange=false',
  'https://www.courts.mo.gov/cnet/cases/charges.do?caseNumber=171155061&courtId=CT12',
  'https://www.courts.mo.gov/cnet/cases/party.do?caseNumber=171155061&courtId=CT12',
];
