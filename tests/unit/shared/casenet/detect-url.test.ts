import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as detect from '../../../../shared/casenet/detect/url';
import { examples, notCasenet, urlsThatDontMatch } from '../../../../shared/casenet/detect/url.examples';
import { isCaseKey } from '../../../../shared/casenet/key';
import { CaseSource } from '../../../../shared/casenet/types';

// github-url-detection style: every `is*` page detector exported by url.ts must have examples;
// it accepts its own and rejects everyone else's unless it borrows them by name.
type Detector = (url: URL) => unknown;
const detectors = (Object.entries(detect) as [string, unknown][]).filter(
  (e): e is [string, Detector] => e[0].startsWith('is') && e[0] !== 'isCasenetUrl' && typeof e[1] === 'function',
);

const isUrl = (s: string) => s.includes('://');
/** A detector's own URLs, borrowed lists expanded. */
function urlsOf(name: string, seen = new Set<string>()): string[] {
  if (seen.has(name)) return [];
  seen.add(name);
  return (examples[name] ?? []).flatMap((item) => (isUrl(item) ? [item] : urlsOf(item, seen)));
}
const allExampleUrls = [...new Set(Object.keys(examples).flatMap((name) => urlsOf(name)))];

describe('URL detector examples', () => {
  it('cover every page detector, and name only real detectors', () => {
    const names = detectors.map(([name]) => name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(urlsOf(name), `${name} has no examples in url.examples.ts`).not.toHaveLength(0);
    for (const [name, list] of Object.entries(examples)) {
      expect(names, `examples for unknown detector ${name}`).toContain(name);
      for (const item of list) if (!isUrl(item)) expect(names, `${name} borrows unknown ${item}`).toContain(item);
    }
  });

  describe.each(detectors)('%s', (name, fn) => {
    const own = new Set(urlsOf(name));
    it.each([...own])('accepts %s', (url) => {
      expect(fn(new URL(url)), `${name} should accept it (or remove it from its examples)`).toBeTruthy();
    });
    const others = [...allExampleUrls.filter((u) => !own.has(u)), ...urlsThatDontMatch];
    it.each(others)('rejects %s', (url) => {
      expect(fn(new URL(url)), `${name} must reject it (tighten ${name}, or borrow that list in its examples)`).toBeFalsy();
    });
  });
});

describe('isCasenetUrl, the host gate', () => {
  it.each(allExampleUrls)('lets every page example through: %s', (url) => {
    expect(detect.isCasenetUrl(new URL(url))).toBe(true);
  });
  it.each(notCasenet)('rejects look-alikes and other sites: %s', (url) => {
    expect(detect.isCasenetUrl(new URL(url))).toBe(false);
  });
  it('rejects an unrelated example from every detector', () => {
    for (const url of notCasenet) expect(detect.detectPage(new URL(url))).toEqual({ kind: 'none' });
  });
});

describe('detectPage', () => {
  it('tags an old docket tab with its source and key', () => {
    const page = detect.detectPage(new URL('https://courts.mo.gov/cnet/cases/searchDockets.do?inputVO.caseNumber=20sl-cc00807&inputVO.courtId=SMPDB0010_CT22'));
    expect(page).toEqual({
      kind: 'oldCaseTab',
      tab: 'docket',
      key: 'CT22|20SL-CC00807',
      source: { origin: 'https://courts.mo.gov', base: 'cnet', generation: 'old', courtId: 'SMPDB0010_CT22', caseNumber: '20SL-CC00807' },
    });
  });

  it('names each old tab by its page', () => {
    const tabOf = (page: string) => {
      const kind = detect.detectPage(new URL(`https://www.courts.mo.gov/casenet/cases/${page}?inputVO.caseNumber=14BA-CV01093&inputVO.courtId=CT13`));
      return kind.kind === 'oldCaseTab' ? kind.tab : null;
    };
    expect(tabOf('header.do')).toBe('header');
    expect(tabOf('parties.do')).toBe('parties');
    expect(tabOf('judgements.do')).toBe('judgements');
    expect(tabOf('newHeader.do')).toBeNull();
  });

  it('tags the new case view with the new generation and its hash tab', () => {
    const page = detect.detectPage(new URL('http://www.courts.mo.gov/cnet/cases/newHeader.do?inputVO.caseNumber=171155061&inputVO.courtId=CT12&inputVO.isTicket=false#Docket'));
    expect(page).toEqual({
      kind: 'newCaseView',
      tab: 'docket',
      key: 'CT12|171155061',
      source: { origin: 'http://www.courts.mo.gov', base: 'cnet', generation: 'new', courtId: 'CT12', caseNumber: '171155061' },
    });
    const noHash = detect.detectPage(new URL('https://www.courts.mo.gov/cnet/cases/newHeader.do?inputVO.caseNumber=171155061&inputVO.courtId=CT12#'));
    expect(noHash.kind === 'newCaseView' && noHash.tab).toBeNull();
  });

  it('says which search a search page is', () => {
    const searchOf = (page: string) => detect.detectPage(new URL(`https://www.courts.mo.gov/casenet/cases/${page}`));
    expect(searchOf('nameSearch.do')).toEqual({ kind: 'search', search: 'name' });
    expect(searchOf('caseNoSearch.do')).toEqual({ kind: 'search', search: 'caseNumber' });
    expect(searchOf('searchResult.do')).toEqual({ kind: 'search', search: 'filingDate' });
    expect(searchOf('calendarSearchResult.do')).toEqual({ kind: 'search', search: 'calendar' });
  });

  it('matches each example to its kind, and every non-match to none', () => {
    const kindOf = (url: string) => detect.detectPage(new URL(url)).kind;
    for (const url of urlsOf('isOldCaseTab')) expect(kindOf(url), url).toBe('oldCaseTab');
    for (const url of urlsOf('isNewCaseView')) expect(kindOf(url), url).toBe('newCaseView');
    for (const url of urlsOf('isSearchResults')) expect(kindOf(url), url).toBe('search');
    for (const url of urlsThatDontMatch) expect(kindOf(url), url).toBe('none');
  });

  it('gives every detected case page a parseable key and a source the CaseSource schema accepts', () => {
    for (const url of [...urlsOf('isOldCaseTab'), ...urlsOf('isNewCaseView')]) {
      const page = detect.detectPage(new URL(url));
      if (page.kind !== 'oldCaseTab' && page.kind !== 'newCaseView') throw new Error(url);
      expect(isCaseKey(page.key)).toBe(true);
      expect(CaseSource.parse(page.source)).toEqual(page.source);
      expect(new URL(url).origin).toBe(page.source.origin);
    }
  });

  it('never yields a source outside the CaseSource schema, whatever the query (property)', () => {
    const id = fc.oneof(fc.string({ maxLength: 60 }), fc.stringMatching(/^(SMPDB\d{4}_)?[A-Za-z0-9]{2,16}$/), fc.stringMatching(/^[0-9A-Za-z-]{5,25}$/));
    const origin = fc.constantFrom('https://www.courts.mo.gov', 'http://courts.mo.gov', 'https://courts.mo.gov:443', 'https://evil.com');
    const page = fc.constantFrom('casenet/cases/header.do', 'cnet/cases/searchDockets.do', 'casenet/cases/newHeader.do', 'cnet/cases/nameSearch.do');
    fc.assert(
      fc.property(origin, page, id, id, (o, p, courtId, caseNumber) => {
        const url = new URL(`${o}/${p}?${new URLSearchParams({ 'inputVO.caseNumber': caseNumber, 'inputVO.courtId': courtId }).toString()}`);
        const found = detect.detectPage(url);
        if (found.kind === 'oldCaseTab' || found.kind === 'newCaseView') {
          expect(CaseSource.safeParse(found.source).success).toBe(true);
          expect(isCaseKey(found.key)).toBe(true);
        }
      }),
    );
  });
});
