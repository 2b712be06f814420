import { describe, expect, it } from 'vitest';
import { detectPage, isCasenetUrl } from '../../../../shared/casenet/detect/url';
import type { CaseSource } from '../../../../shared/casenet/types';
import { caseViewUrl, docketRequest, headerRequest } from '../../../../shared/casenet/urls';

const oldSource: CaseSource = { origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old', courtId: 'CT13', caseNumber: '14BA-CV01093' };
const newSource: CaseSource = { origin: 'https://www.courts.mo.gov', base: 'cnet', generation: 'new', courtId: 'SMPDB0010_CT22', caseNumber: '171155061' };

describe('docketRequest', () => {
  it('old generation: GET searchDockets.do with the case in the query', () => {
    expect(docketRequest(oldSource)).toEqual({
      url: 'https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
      method: 'GET',
    });
  });

  it('new generation: POST docketEntriesSearch.do with a form body, court prefix kept', () => {
    expect(docketRequest(newSource)).toEqual({
      url: 'https://www.courts.mo.gov/cnet/cases/docketEntriesSearch.do?displayOption=A&sortOption=D&hasChange=false',
      method: 'POST',
      body: 'caseNumber=171155061&courtId=SMPDB0010_CT22&isTicket=&tabName=Docket',
      contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
    });
  });
});

describe('headerRequest', () => {
  it('old generation: GET header.do', () => {
    expect(headerRequest({ ...oldSource, origin: 'http://courts.mo.gov', base: 'cnet' })).toEqual({
      url: 'http://courts.mo.gov/cnet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13',
      method: 'GET',
    });
  });

  it('new generation: POST newHeaderData.do', () => {
    expect(headerRequest(newSource)).toEqual({
      url: 'https://www.courts.mo.gov/cnet/cases/newHeaderData.do',
      method: 'POST',
      body: 'caseNumber=171155061&courtId=SMPDB0010_CT22&isTicket=&locnCode=',
      contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
    });
  });
});

describe('caseViewUrl', () => {
  it('opens the header of an old case and the docket tab of a new one', () => {
    expect(caseViewUrl(oldSource)).toBe('https://www.courts.mo.gov/casenet/cases/header.do?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13');
    expect(caseViewUrl(newSource)).toBe('https://www.courts.mo.gov/cnet/cases/newHeader.do?inputVO.caseNumber=171155061&inputVO.courtId=SMPDB0010_CT22#docket');
  });

  it('round-trips through detectPage to the same source', () => {
    for (const source of [oldSource, newSource]) {
      const page = detectPage(new URL(caseViewUrl(source)));
      expect(page.kind === 'oldCaseTab' || page.kind === 'newCaseView' ? page.source : null).toEqual(source);
    }
  });
});

describe('refusing anything but an allowlisted Case.net source', () => {
  const hostile: unknown[] = [
    { ...oldSource, origin: 'https://courts.mo.gov.evil.com' },
    { ...oldSource, origin: 'https://evil.com' },
    { ...oldSource, base: '../evil' },
    { ...oldSource, generation: 'future' },
    { ...oldSource, caseNumber: '14BA-CV01093&inputVO.courtId=CT99' },
    { ...oldSource, courtId: 'CT13#x' },
    { ...oldSource, caseNumber: '' },
    { ...oldSource, courtId: 'CT13|X' },
    null,
    'https://www.courts.mo.gov/casenet/cases/header.do',
  ];
  it.each(hostile)('throws for %j', (source) => {
    for (const build of [docketRequest, headerRequest, caseViewUrl]) {
      expect(() => build(source as CaseSource)).toThrow(/invalid case source/);
    }
  });

  it('every URL it builds passes the host gate', () => {
    for (const source of [oldSource, newSource, { ...oldSource, origin: 'http://courts.mo.gov' as const }]) {
      for (const url of [docketRequest(source).url, headerRequest(source).url, caseViewUrl(source)]) expect(isCasenetUrl(new URL(url))).toBe(true);
    }
  });
});
