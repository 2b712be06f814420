import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as detectors from '../../../../shared/casenet/detect/document';
import { examples } from '../../../../shared/casenet/detect/document.examples';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/casenet');
const fixture = (path: string): string => readFileSync(join(FIXTURES, path), 'utf8');
type Name = keyof typeof examples;
const names = Object.keys(examples) as Name[];

describe('document detectors', () => {
  it('every detector has written examples', () => {
    expect(names.sort()).toEqual(['isBotCheck', 'isMaintenancePage', 'isNotFoundPage', 'looksTruncated']);
    for (const name of names) expect(examples[name].length, name).toBeGreaterThan(0);
  });

  it.each(names)('%s accepts its own examples and no other detector does', (name) => {
    for (const html of examples[name]) {
      expect(detectors[name](html), `${name} should accept:\n${html}`).toBe(true);
      for (const other of names.filter((n) => n !== name)) {
        expect(detectors[other](html), `${other} should reject ${name}'s example:\n${html}`).toBe(false);
      }
    }
  });

  it('real saved pages are neither maintenance, bot checks nor truncated', () => {
    for (const path of ['docket/old-docket-14BA-CV01093.html', 'parties/old-parties-200833276.html', 'search/old-search-filing-date-CT12-2021-02-02.html', 'search/old-search-filing-date-no-results.html']) {
      const html = fixture(path);
      expect(detectors.isMaintenancePage(html), path).toBe(false);
      expect(detectors.isBotCheck(html), path).toBe(false);
      expect(detectors.looksTruncated(html), path).toBe(false);
    }
  });

  it('recognises the real "no matches" answer, and only there', () => {
    expect(detectors.isNotFoundPage(fixture('search/old-search-filing-date-no-results.html'))).toBe(true);
    expect(detectors.isNotFoundPage(fixture('search/old-search-filing-date-CT12-2021-02-02.html'))).toBe(false);
    expect(detectors.isNotFoundPage(fixture('docket/old-docket-14BA-CV01093.html'))).toBe(false);
  });

  it('docket entries that mention maintenance or "not found" do not change what the page is', () => {
    const html = fixture('docket/old-docket-14BA-CV01093.html').replace(
      'Notice to Take Deposition - Cathy Scroggs',
      'Non est return: case party not found; no cases found at address; service delayed by system maintenance',
    );
    expect(detectors.isNotFoundPage(html)).toBe(false);
    expect(detectors.isMaintenancePage(html)).toBe(false);
  });

  it('a captcha inside a real Case.net search form is not a bot wall', () => {
    const html = fixture('search/old-search-filing-date-no-results.html').replace('</form>', '<div class="g-recaptcha" data-sitekey="k"></div></form>');
    expect(detectors.isBotCheck(html)).toBe(false);
  });

  it('a docket cut anywhere after its table starts looks truncated', () => {
    const html = fixture('docket/old-docket-14BA-CV01093.html');
    const start = html.indexOf('detailRecordTable');
    for (let cut = start + 10; cut < html.length - 10; cut += 997) expect(detectors.looksTruncated(html.slice(0, cut)), `cut at ${cut}`).toBe(true);
  });
});
